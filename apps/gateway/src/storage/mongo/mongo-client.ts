import { MongoClient } from 'mongodb';

/**
 * A client for one MongoDB-wire cluster with the options the gateway runs with: a short server
 * selection timeout (a missing server is reported, not waited for) and majority writes (an ack
 * means the message survives a failover). For code outside the gateway's package (benchmarks),
 * which cannot resolve the driver itself.
 */
export function openMongoClient(uri: string): MongoClient {
  return new MongoClient(uri, { serverSelectionTimeoutMS: 5_000, w: 'majority' });
}
