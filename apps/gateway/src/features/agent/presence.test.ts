import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresenceTracker } from './presence.ts';

describe('presence: online, away after disconnect, then offline', () => {
  afterEach(() => vi.useRealTimers());

  it('goes away when the last console closes and offline after the grace period', () => {
    vi.useFakeTimers();
    const changes: string[] = [];
    const presence = new PresenceTracker({ offlineAfterMs: 1000, onChange: (id, status) => changes.push(`${id}:${status}`) });
    presence.connected('a');
    presence.connected('a');
    presence.disconnected('a');
    expect(presence.statusOf('a')).toBe('online');
    presence.disconnected('a');
    expect(presence.statusOf('a')).toBe('away');
    vi.advanceTimersByTime(999);
    expect(presence.statusOf('a')).toBe('away');
    vi.advanceTimersByTime(1);
    expect(changes).toEqual(['a:online', 'a:away', 'a:offline']);
    expect(presence.online()).toEqual([]);
  });

  it('a reconnect within the grace period keeps them, and a chosen away survives reconnects', () => {
    vi.useFakeTimers();
    const presence = new PresenceTracker({ offlineAfterMs: 1000, onChange: () => undefined });
    presence.connected('a');
    presence.disconnected('a');
    vi.advanceTimersByTime(500);
    presence.connected('a');
    vi.advanceTimersByTime(2000);
    expect(presence.statusOf('a')).toBe('online');
    presence.choose('a', 'away');
    presence.disconnected('a');
    presence.connected('a');
    expect(presence.statusOf('a')).toBe('away');
    expect(presence.online()).toEqual([]);
  });
});
