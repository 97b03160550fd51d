import { describe, expect, it } from 'vitest';
import { intersect, range, removeOpen, sampleStarts, union } from '../../../../solver/day/explain/start-sets.ts';

describe('start sets', () => {
  it('removes the starts strictly inside an open interval', () => {
    // A 45-min activity booked 10:00–10:45 blocks starts 09:16–10:44 of another 45-min one.
    expect(removeOpen(range(540, 700), 600 - 45, 645)).toEqual([{ lo: 540, hi: 555 }, { lo: 645, hi: 700 }]);
    expect(removeOpen(range(540, 560), 560, 600)).toEqual([{ lo: 540, hi: 560 }]);
  });

  it('intersects and unites ranges', () => {
    expect(intersect([{ lo: 0, hi: 10 }, { lo: 20, hi: 30 }], [{ lo: 5, hi: 25 }])).toEqual([{ lo: 5, hi: 10 }, { lo: 20, hi: 25 }]);
    expect(union([[{ lo: 0, hi: 10 }], [{ lo: 11, hi: 12 }, { lo: 20, hi: 21 }]])).toEqual([{ lo: 0, hi: 12 }, { lo: 20, hi: 21 }]);
  });

  it('samples each range from its first minute, then on the 5-minute grid', () => {
    expect(sampleStarts([{ lo: 603, hi: 615 }], 10)).toEqual([603, 605, 610, 615]);
  });
});
