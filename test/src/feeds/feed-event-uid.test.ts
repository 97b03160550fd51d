import { describe, expect, it } from 'vitest';
import { feedEventUid } from '../../../src/feeds/feed-event-uid.ts';

const base = { centreId: 'hull-icc', date: '2026-03-30', itemId: 'activity:p1:geri-review', kind: 'staff' as const, ownerId: 's-ger' };

describe('feedEventUid', () => {
  it('is the same for the same centre, date, item and feed', () => {
    expect(feedEventUid({ ...base })).toBe(feedEventUid(base));
    expect(feedEventUid(base)).toMatch(/^[0-9a-f]{32}@icc-scheduler$/);
  });

  it('differs when any part differs', () => {
    const others = [
      { ...base, centreId: 'york-icc' }, { ...base, date: '2026-03-31' }, { ...base, itemId: 'activity:p2:geri-review' },
      { ...base, kind: 'room' as const }, { ...base, ownerId: 's-anp' },
    ].map(feedEventUid);
    expect(new Set([feedEventUid(base), ...others]).size).toBe(6);
  });

  it('does not leak the ids it is made from', () => {
    expect(feedEventUid({ ...base, itemId: 'activity:margaret-smith:geri-review' })).not.toContain('margaret');
  });
});
