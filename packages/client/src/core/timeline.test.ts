import { describe, expect, it } from 'vitest';
import { messageCreatedFixture } from '@parley/protocol/fixtures';
import { Timeline } from './timeline.ts';

const at = (seq: number) => ({ ...messageCreatedFixture, id: `m${seq}`, seq });

describe('Timeline', () => {
  it('delivers in seq order, once, holding messages behind a gap', () => {
    const timeline = new Timeline();
    expect(timeline.add([at(2), at(3)])).toEqual([]);
    expect(timeline.add([at(1)]).map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(timeline.add([at(2), at(1), at(3)])).toEqual([]);
    expect(timeline.add([at(4), at(4)]).map((m) => m.seq)).toEqual([4]);
    expect(timeline.deliveredSeq).toBe(4);
    expect(timeline.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });
});

describe('Timeline.startAfter', () => {
  it('starts after a seq, drops what waited below it, and reports a gap until it is filled', () => {
    const timeline = new Timeline();
    expect(timeline.add([at(3), at(6)])).toEqual([]);
    expect(timeline.hasGap).toBe(true);
    timeline.startAfter(4);
    expect(timeline.add([at(5)]).map((m) => m.seq)).toEqual([5, 6]);
    expect(timeline.hasGap).toBe(false);
    timeline.startAfter(2);
    expect(timeline.deliveredSeq).toBe(6);
    expect(timeline.add([at(3)])).toEqual([]);
  });
});
