import { describe, expect, it } from 'vitest';
import { createRng } from '../../../solver/model/rng.ts';

describe('createRng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    const seqB = Array.from({ length: 5 }, () => b.next());
    expect(seqA).toEqual(seqB);
  });

  it('gives different sequences for different seeds, all in [0, 1)', () => {
    const a = Array.from({ length: 5 }, createRng(1).next);
    const b = Array.from({ length: 5 }, createRng(2).next);
    expect(a).not.toEqual(b);
    for (const x of [...a, ...b]) expect(x >= 0 && x < 1).toBe(true);
  });

  it('int(n) stays inside [0, n)', () => {
    const rng = createRng(7);
    for (let i = 0; i < 200; i++) {
      const k = rng.int(3);
      expect([0, 1, 2]).toContain(k);
    }
  });
});
