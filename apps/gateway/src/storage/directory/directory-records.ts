import type { AgentPatch, AgentRecord, WorkspaceSettings } from './directory-store.ts';

/** Emails are kept lower-cased so uniqueness and look-ups ignore case on every backend. */
export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The patch's own fields as a plain object, undefined ones dropped, email lower-cased and
 * `updatedAt` filled in: the one place both adapters agree on what a patch means
 * (absent or undefined = unchanged, null on the optional fields = cleared).
 */
export function patchFields(patch: AgentPatch, now = new Date().toISOString()): AgentPatch {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    // id and createdAt are not part of AgentPatch, but a caller's spread could carry them.
    if (value === undefined || key === 'id' || key === 'createdAt') continue;
    fields[key] = key === 'email' ? normalEmail(String(value)) : value;
  }
  fields['updatedAt'] ??= now;
  return fields as AgentPatch;
}

/** The agent after `patch` (already passed through patchFields); cleared fields are removed. */
export function applyPatch(agent: AgentRecord, fields: AgentPatch): AgentRecord {
  const next: Record<string, unknown> = { ...agent, ...fields };
  // Absent rather than null, as a freshly created record without them reads back.
  for (const key of ['totpSecret', 'pendingTotpSecret', 'uiLocale', 'timeZone', 'canRevealPersonalData'] as const) {
    if (next[key] === null || next[key] === undefined) delete next[key];
  }
  return next as unknown as AgentRecord;
}

/**
 * Only the known settings fields, defaults filled in (two-factor optional), so nothing stray is
 * stored or returned and a directory with no settings yet answers like a fresh one.
 */
export function settingsFrom(stored: Partial<WorkspaceSettings> | null | undefined): WorkspaceSettings {
  return { isTotpRequired: stored?.isTotpRequired === true };
}
