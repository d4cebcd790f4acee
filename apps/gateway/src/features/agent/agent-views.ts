import type { ConversationSummary, Message, Note, Region } from '@parley/protocol';
import type { ConversationRecord, NoteRecord } from '../../storage/region-store.ts';
import { maskText } from '../privacy/masking.ts';

/** How to mask for one conversation: the site's order formats stay readable, phones default to its country. */
export interface MaskingOptions {
  keepPatterns?: readonly RegExp[] | undefined;
  defaultCountry?: string | undefined;
}

function masked(text: string, options: MaskingOptions): string {
  return maskText(text, { ...(options.keepPatterns ? { keepPatterns: options.keepPatterns } : {}), ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}) }).text;
}

/**
 * A message as agents receive it: personal data masked in the gateway, never in the console,
 * in the text, the original and every translation alike.
 */
export function messageForAgent(message: Message, options: MaskingOptions): Message {
  const view: Message = { ...message, text: masked(message.text, options) };
  if (message.original) view.original = { ...message.original, text: masked(message.original.text, options) };
  if (message.translations) {
    view.translations = Object.fromEntries(Object.entries(message.translations).map(([lang, entry]) => [lang, { ...entry, text: masked(entry.text, options) }]));
  }
  return view;
}

/** A translation as agents receive it, masked like the message. */
export function translationForAgent(text: string, options: MaskingOptions): string {
  return masked(text, options);
}

/** A note as agents receive it (notes are agents' own words, but may quote a shopper's phone). */
export function noteForAgent(note: NoteRecord, options: MaskingOptions): Note {
  return { ...note, text: masked(note.text, options) };
}

/** The inbox row of a conversation; `lastMessage` masked. */
export function summaryOf(region: Region, conversation: ConversationRecord, options: MaskingOptions): ConversationSummary {
  const summary: ConversationSummary = {
    id: conversation.id,
    siteKey: conversation.siteKey,
    region,
    channel: conversation.channel ?? 'widget',
    locale: conversation.locale,
    status: conversation.status ?? 'bot',
    assigneeId: conversation.assigneeId ?? null,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt ?? conversation.createdAt,
  };
  if (conversation.country) summary.country = conversation.country;
  if (conversation.handoffReason) summary.handoffReason = conversation.handoffReason;
  if (conversation.botSummary) summary.botSummary = conversation.botSummary;
  if (conversation.waitingSince) summary.waitingSince = conversation.waitingSince;
  if (conversation.snoozedUntil) summary.snoozedUntil = conversation.snoozedUntil;
  if (conversation.slaDueAt) summary.slaDueAt = conversation.slaDueAt;
  const last = conversation.lastMessage;
  if (last) {
    const author = last.authorName ? { kind: last.authorKind as Message['author']['kind'], name: last.authorName } : { kind: last.authorKind as Message['author']['kind'] };
    summary.lastMessage = { author, text: masked(last.text, options), createdAt: last.createdAt, seq: last.seq };
  }
  return summary;
}
