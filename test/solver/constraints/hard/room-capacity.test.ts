import { describe, expect, it } from 'vitest';
import { roomCapacity } from '../../../../solver/constraints/hard/room-capacity.ts';
import { act, evaluate, moved, validPlan } from '../fixtures.ts';

describe('roomCapacity', () => {
  it('accepts two meals in a two-seat dining room and back-to-back consultations', () => {
    expect(evaluate(roomCapacity, validPlan())).toEqual([]);
  });

  it('flags a third diner in a two-seat dining room for the minutes they overlap', () => {
    const plan = [...validPlan(), act('P03', 'meal', 735, 'dining')];
    const [v, ...rest] = evaluate(roomCapacity, plan);
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ roomId: 'dining', capacity: 2, occupancy: 3, startMin: 735, endMin: 750, patientIds: ['P01', 'P02', 'P03'] });
    expect(v!.message).toBe('Dining room holds 3 at 12:15–12:30 but has room for 2 (P01, P02, P03)');
  });

  it('flags two consultations overlapping in a one-person room', () => {
    // P02's social care (Consult 2, 11:00–11:30) moved to 13:45 overlaps P01's review there.
    const [v] = evaluate(roomCapacity, moved(validPlan(), 'P02:social', 825));
    expect(v!.justification).toMatchObject({ roomId: 'c2', occupancy: 2, startMin: 825, endMin: 855 });
  });
});
