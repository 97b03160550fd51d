import { describe, expect, it } from 'vitest';
import { roomOfRequiredType } from '../../../../solver/constraints/hard/room-of-required-type.ts';
import { evaluate, validPlan, withChange } from '../fixtures.ts';

describe('roomOfRequiredType', () => {
  it('accepts every activity in a room of its type', () => {
    expect(evaluate(roomOfRequiredType, validPlan())).toEqual([]);
  });

  it('flags an assessment in the wrong type of room', () => {
    const [v, ...rest] = evaluate(roomOfRequiredType, withChange(validPlan(), 'P01:physio', { roomId: 'c1' }));
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ activityId: 'P01:physio', roomId: 'c1', roomType: 'consult', requiredRoomType: 'gym' });
    expect(v!.message).toBe('Physiotherapy assessment for P01 at 10:30–11:15 is in Consult 1 (a consult room); it needs a gym room');
  });

  it('flags a meal outside the dining room and an unknown room', () => {
    const plan = withChange(withChange(validPlan(), 'P02:meal', { roomId: 'c1' }), 'P01:bloods', { roomId: 'nowhere' });
    const found = evaluate(roomOfRequiredType, plan);
    expect(found.map((v) => v.justification.activityId).sort()).toEqual(['P01:bloods', 'P02:meal']);
    expect(found.find((v) => v.justification.activityId === 'P01:bloods')!.message).toContain('unknown room nowhere');
  });
});
