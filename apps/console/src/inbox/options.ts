import type { Channel, ConversationStatus, Region } from '@parley/protocol';

// Copies of the protocol's enums: importing values from @parley/protocol would pull zod into
// the bundle. The `satisfies` checks keep them honest when the protocol grows.
/** Statuses an agent filters by. */
export const STATUS_OPTIONS = ['open', 'pending', 'snoozed', 'resolved', 'bot'] as const satisfies readonly ConversationStatus[];
/** Data regions. */
export const REGION_OPTIONS = ['eu', 'us', 'br', 'sg', 'in'] as const satisfies readonly Region[];
/** Channels a conversation can arrive through. */
export const CHANNEL_OPTIONS = ['widget', 'email', 'whatsapp', 'line', 'messenger', 'api'] as const satisfies readonly Channel[];
