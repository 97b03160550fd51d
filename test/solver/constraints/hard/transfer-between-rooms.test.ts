import { describe, expect, it } from 'vitest';
import { transferBetweenRooms } from '../../../../solver/constraints/hard/transfer-between-rooms.ts';
import { evaluate, moved, validPlan } from '../fixtures.ts';

describe('transferBetweenRooms', () => {
  it('accepts gaps of at least the transfer time between rooms', () => {
    expect(evaluate(transferBetweenRooms, validPlan())).toEqual([]);
    expect(evaluate(transferBetweenRooms, moved(validPlan(), 'P01:physio', 620))).toEqual([]);
  });

  it('flags a room change with too little time', () => {
    // Bloods end 10:15 in the treatment room; physio in the gym at 10:19 leaves 4 of 5 min.
    const [v, ...rest] = evaluate(transferBetweenRooms, moved(validPlan(), 'P01:physio', 619));
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ patientId: 'P01', fromRoomId: 't1', toRoomId: 'gym', fromEndMin: 615, toStartMin: 619, gapMin: 4, transferMin: 5 });
    expect(v!.message).toBe('P01 has 4 min to get from Treatment room (10:15) to Gym (10:19); the transfer takes 5 min');
  });

  it('needs no transfer time within the same room', () => {
    // P02: ANP in Consult 1 until 10:45, then social care moved to Consult 1 at 10:45.
    const plan = moved(validPlan(), 'P02:social', 645).map((a) => (a.id === 'P02:social' ? { ...a, roomId: 'c1' } : a));
    expect(evaluate(transferBetweenRooms, plan)).toEqual([]);
  });
});
