import { describe, expect, it } from 'vitest';
import { lackingFirstOrders } from '../../../../solver/day/phases/lacking-first-orders.ts';

describe('lackingFirstOrders', () => {
  it('puts the taker first, then groups of the others smallest first, small groups in every order', () => {
    const orders = [...lackingFirstOrders(9, [1, 2, 3], 2, 3)];
    expect(orders).toEqual([
      [9, 1], [9, 2], [9, 3],
      [9, 1, 2], [9, 2, 1], [9, 1, 3], [9, 3, 1], [9, 2, 3], [9, 3, 2],
      [9, 1, 2, 3],
    ]);
  });

  it('on an 8-patient day: 7 + 42 + 210 orders of up to three others, then 35 + 21 + 7 groups of four to six in their own order', () => {
    const others = [0, 1, 2, 3, 4, 5, 6];
    const orders = [...lackingFirstOrders(7, others, 3, 6)];
    expect(orders).toHaveLength(7 + 42 + 210 + 35 + 21 + 7);
    expect(orders.every((o) => o[0] === 7 && new Set(o).size === o.length && o.length <= 7)).toBe(true);
    expect(new Set(orders.map((o) => o.join())).size).toBe(orders.length);
    // No group of all seven others, and the larger groups keep the patients' order.
    expect(orders.some((o) => o.length === 8)).toBe(false);
    expect(orders.filter((o) => o.length > 4).every((o) => o.slice(1).every((p, i, g) => i === 0 || g[i - 1]! < p))).toBe(true);
  });

  it('yields nothing without others, and stops at the largest group allowed', () => {
    expect([...lackingFirstOrders(0, [], 3, 6)]).toEqual([]);
    expect([...lackingFirstOrders(0, [1, 2, 3, 4], 3, 1)]).toEqual([[0, 1], [0, 2], [0, 3], [0, 4]]);
  });
});
