import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

/** One request as a look-alike provider server received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw body. */
  body: string;
}

/** What the look-alike answers: JSON (with the content type providers use) or text. */
export interface LookalikeReply {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

/** A local HTTP server shaped like a provider's API; it records every request it gets. */
export interface LookalikeServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a look-alike of a provider's API on an ephemeral loopback port. The handler checks the
 * request the way the real API does (path, headers, body) and answers with the real API's shapes.
 */
export async function startLookalikeServer(handler: (request: RecordedRequest) => LookalikeReply | Promise<LookalikeReply>): Promise<LookalikeServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      Promise.resolve(handler(recorded))
        .then((reply) => {
          const isJson = reply.json !== undefined;
          res.writeHead(reply.status, { 'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8', ...reply.headers });
          res.end(isJson ? JSON.stringify(reply.json) : (reply.text ?? ''));
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('look-alike server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
