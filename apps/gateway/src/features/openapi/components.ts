import { z } from 'zod';
import {
  BotSummarySchema,
  ConversationSummarySchema,
  InboxPageSchema,
  MessagePageSchema,
  RestAuthorSchema,
  RestErrorBodySchema,
  RestMessageSchema,
  RestNoteSchema,
} from '../agent/agent-rest-schemas.ts';

/** Metadata of a named component (the shape fastify-type-provider-zod reads). */
export interface ComponentMeta {
  id?: string | undefined;
  description?: string;
  [key: string]: unknown;
}

/**
 * A fresh registry of the schemas the document names under `components.schemas` (routes then
 * `$ref` them instead of repeating them). Its own registry, not zod's global one: building
 * several apps in one process (tests) must not collide on ids, and other modules' `.meta({ id })`
 * must not leak into this document.
 */
export function openApiComponents(): z.core.$ZodRegistry<ComponentMeta> {
  const registry = z.registry<ComponentMeta>();
  registry.add(ConversationSummarySchema, { id: 'ConversationSummary', description: 'A conversation as the inbox lists it; `lastMessage.text` is masked.' });
  registry.add(InboxPageSchema, { id: 'InboxPage', description: 'One page of an inbox view, longest-waiting first, with the counts of every view.' });
  registry.add(RestMessageSchema, { id: 'Message', description: 'A stored message, personal data masked as agents see it.' });
  registry.add(MessagePageSchema, { id: 'MessagePage', description: 'Messages after `afterSeq`, oldest first; `hasMore` says to fetch again from the last `seq`.' });
  registry.add(RestNoteSchema, { id: 'Note', description: 'An internal note: only agents ever receive it.' });
  registry.add(RestAuthorSchema, { id: 'Author', description: 'Who wrote a message or note.' });
  registry.add(BotSummarySchema, { id: 'BotSummary', description: 'What the bot knew when it handed over.' });
  registry.add(RestErrorBodySchema, { id: 'Error', description: 'Every error answer: a catalogue code, its message, and details.' });
  return registry;
}

type Json = unknown;

/**
 * Drops components nothing refers to. The type provider emits an input twin (`MessageInput`)
 * of every registered schema whether a request uses it or not; the document keeps only what
 * its paths reach, directly or through other components.
 */
export function pruneUnreferencedSchemas<T extends { paths?: Json; components?: { schemas?: Record<string, Json> } }>(document: T): T {
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const kept = new Set<string>();
  const pending = refsIn(document.paths);
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (kept.has(name) || !(name in schemas)) continue;
    kept.add(name);
    pending.push(...refsIn(schemas[name]));
  }
  const pruned = Object.fromEntries(Object.entries(schemas).filter(([name]) => kept.has(name)));
  return { ...document, components: { ...document.components, schemas: pruned } };
}

const PREFIX = '#/components/schemas/';

/** Every `#/components/schemas/…` name referred to inside a JSON value. */
export function refsIn(value: Json): string[] {
  const found: string[] = [];
  const walk = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(PREFIX)) found.push(decodeURIComponent(child.slice(PREFIX.length)));
      else walk(child);
    }
  };
  walk(value);
  return found;
}
