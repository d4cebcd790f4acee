/**
 * `@parley/protocol`: the single contract between clients and the gateway.
 * Importing this entry brings zod; browser code imports only types from here, and values from
 * the zod-free `@parley/protocol/errors` and `@parley/protocol/version` entries.
 */
export * from './errors.ts';
export * from './version.ts';
export * from './limits.ts';
export * from './events/common.ts';
export * from './events/visitor/session.ts';
export * from './events/visitor/message.ts';
export * from './events/visitor/typing.ts';
export * from './events/visitor/maps.ts';
export * from './rest.ts';
export * from './events/visitor/receipts.ts';
export * from './events/agent/index.ts';
export * from './text.ts';
