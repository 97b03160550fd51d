import { describe, expect, it } from 'vitest';
import { staffOneAtATime } from '../../../../solver/constraints/hard/staff-one-at-a-time.ts';
import { act, evaluate, moved, validPlan } from '../fixtures.ts';

describe('staffOneAtATime', () => {
  it('accepts a clinician seeing patients one after another', () => {
    expect(evaluate(staffOneAtATime, validPlan())).toEqual([]);
  });

  it('flags a clinician booked for two patients at once', () => {
    // Nurse Ada sees P01 09:00–09:45; P02 moved to 09:20 overlaps 09:20–09:45.
    const [v, ...rest] = evaluate(staffOneAtATime, moved(validPlan(), 'P02:anp-initial', 560));
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ staffId: 'anp1', breach: 'double-booked', patientIds: ['P01', 'P02'], startMin: 560, endMin: 585 });
    expect(v!.message).toBe('Nurse Ada is booked for P01 and P02 at 09:20–09:45');
  });

  it('accepts a group session up to its capacity and flags one over it', () => {
    const group = (n: number) => Array.from({ length: n }, (_, i) => act(`P0${i + 1}`, 'falls-group', 900, 'gym', 'physio2'));
    expect(evaluate(staffOneAtATime, group(3))).toEqual([]);
    const [v, ...rest] = evaluate(staffOneAtATime, group(4));
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ breach: 'group-over-capacity', patientCount: 4, groupCapacity: 3 });
    expect(v!.message).toBe("Sam Physio's group session at 15:00–16:00 has 4 patients; it takes at most 3");
  });

  it('does not let a one-to-one type pass as a group, nor a group in two rooms', () => {
    const oneToOne = [act('P01', 'physio', 900, 'gym', 'physio2'), act('P02', 'physio', 900, 'gym', 'physio2')];
    expect(evaluate(staffOneAtATime, oneToOne)).toHaveLength(1);
    const twoRooms = [act('P01', 'falls-group', 900, 'gym', 'physio2'), act('P02', 'falls-group', 900, 'c1', 'physio2')];
    expect(evaluate(staffOneAtATime, twoRooms)[0]!.justification.breach).toBe('double-booked');
  });
});
