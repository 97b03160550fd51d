import { describe, expect, it } from 'vitest';
import type { RoundsPlan, RoundsProblem } from '../../../solver/rounds/rounds-problem.ts';
import { validateRoundsPlan } from '../../../solver/validate/validate-rounds-plan.ts';

const at = (hh: number, mm: number) => hh * 60 + mm;

/** Drive minutes, symmetric: base B and homes A1, A2, A3. */
const MINUTES: Record<string, number> = { 'B-A1': 10, 'B-A2': 20, 'A1-A2': 15, 'B-A3': 30, 'A1-A3': 25, 'A2-A3': 12 };
const travelMin = (a: string, b: string): number => (a === b ? 0 : (MINUTES[`${a}-${b}`] ?? MINUTES[`${b}-${a}`])!);

/** A support worker (09:00–13:00) with two pre-visits, an OT (09:00–17:00) with one follow-up; V4's window has passed. */
function problem(): RoundsProblem {
  return {
    date: '2026-12-01',
    locations: [{ id: 'B' }, { id: 'A1' }, { id: 'A2' }, { id: 'A3' }],
    workers: [
      { id: 'W1', name: 'Support worker Ali', baseLocationId: 'B', shift: { startMin: at(9, 0), endMin: at(13, 0) }, skills: ['pre-visit'] },
      { id: 'W2', name: 'OT Brown', baseLocationId: 'B', shift: { startMin: at(9, 0), endMin: at(17, 0) }, skills: ['rehab-ot'] },
    ],
    visits: [
      { id: 'V1', kind: 'pre-visit', patientId: 'P1', locationId: 'A1', durationMin: 60, window: { startMin: at(9, 0), endMin: at(12, 0) }, requiredSkill: 'pre-visit' },
      { id: 'V2', kind: 'pre-visit', patientId: 'P2', locationId: 'A2', durationMin: 45, window: { startMin: at(10, 30), endMin: at(12, 30) } },
      { id: 'V3', kind: 'follow-up', patientId: 'P3', locationId: 'A3', durationMin: 30, window: { startMin: at(9, 0), endMin: at(17, 0) }, requiredSkill: 'rehab-ot' },
      { id: 'V4', kind: 'pre-visit', patientId: 'P4', locationId: 'A3', durationMin: 60, window: { startMin: at(8, 0), endMin: at(8, 30) } },
    ],
  };
}

/**
 * W1: leave 09:00, at A1 09:10, V1 09:10–10:10; at A2 10:25, wait, V2 10:30–11:15; back 11:35
 * (10 + 15 + 20 = 45 min driving, 105 visiting). W2: leave 09:00, V3 09:30–10:00, back 10:30 (60 min).
 */
function plan(): RoundsPlan {
  return {
    date: '2026-12-01',
    rounds: [
      {
        workerId: 'W1', leaveMin: at(9, 0), returnMin: at(11, 35), travelMin: 45, distanceKm: 0, visitMin: 105,
        stops: [
          { visitId: 'V1', patientId: 'P1', locationId: 'A1', arriveMin: at(9, 10), startMin: at(9, 10), endMin: at(10, 10), travelMinFromPrevious: 10 },
          { visitId: 'V2', patientId: 'P2', locationId: 'A2', arriveMin: at(10, 25), startMin: at(10, 30), endMin: at(11, 15), travelMinFromPrevious: 15 },
        ],
      },
      {
        workerId: 'W2', leaveMin: at(9, 0), returnMin: at(10, 30), travelMin: 60, distanceKm: 0, visitMin: 30,
        stops: [{ visitId: 'V3', patientId: 'P3', locationId: 'A3', arriveMin: at(9, 30), startMin: at(9, 30), endMin: at(10, 0), travelMinFromPrevious: 30 }],
      },
    ],
    unplanned: [{ visitId: 'V4', patientId: 'P4', reason: 'window-too-tight', message: 'The window has passed.' }],
    totalTravelMin: 105,
    stats: { iterations: 0, timedOut: false, seed: 1 },
  };
}

function broken(p: RoundsProblem, r: RoundsPlan): string[] {
  return [...new Set(validateRoundsPlan(p, r, { travelMin }).violations.map((v) => v.constraint))].sort();
}

describe('validateRoundsPlan', () => {
  it('accepts the hand-checked rounds', () => {
    const check = validateRoundsPlan(problem(), plan(), { travelMin });
    expect(check.violations).toEqual([]);
    expect(check.valid).toBe(true);
  });

  it('catches a visit silently dropped, and one both planned and reported unplanned', () => {
    const dropped = plan();
    dropped.unplanned = [];
    expect(broken(problem(), dropped)).toEqual(['roundsCoverage']);
    const both = plan();
    both.unplanned.push({ visitId: 'V1', patientId: 'P1', reason: 'no-capacity', message: 'x' });
    expect(validateRoundsPlan(problem(), both, { travelMin }).violations[0]!.justification).toMatchObject({ visitId: 'V1', rule: 'planned-and-unplanned' });
  });

  it('catches a worker without the required skill', () => {
    const p = problem();
    p.visits[0]!.requiredSkill = 'rehab-ot';
    expect(broken(p, plan())).toEqual(['roundsWorkerSkill']);
  });

  it('catches a visit cut short', () => {
    const r = plan();
    r.rounds[0]!.stops[1]!.endMin = at(11, 14);
    expect(broken(problem(), r)).toEqual(['roundsVisitDuration']);
  });

  it('catches a visit outside its window, and accepts one that fills it exactly', () => {
    const p = problem();
    p.visits[1]!.window.startMin = at(10, 31);
    expect(broken(p, plan())).toEqual(['roundsVisitWindow']);
    const q = problem();
    q.visits[1]!.window = { startMin: at(10, 30), endMin: at(11, 15) };
    expect(broken(q, plan())).toEqual([]);
  });

  it('catches an arrival sooner than the drive allows, and a return too soon', () => {
    const r = plan();
    r.rounds[0]!.stops[1]!.arriveMin = at(10, 20); // free at 10:10, 15-min drive
    expect(broken(problem(), r)).toEqual(['roundsTravelTime']);
    const back = plan();
    back.rounds[0]!.returnMin = at(11, 30); // 11:15 + 20
    expect(broken(problem(), back)).toEqual(['roundsTravelTime']);
  });

  it("catches a round outside the worker's shift and two rounds at once", () => {
    const p = problem();
    p.workers[0]!.shift.endMin = at(11, 30);
    expect(broken(p, plan())).toEqual(['roundsWorkerShift']);
    const r = plan();
    r.rounds.push({ workerId: 'W2', leaveMin: at(10, 0), returnMin: at(10, 40), travelMin: 0, distanceKm: 0, visitMin: 0, stops: [] });
    expect(broken(problem(), r)).toEqual(['roundsWorkerShift']);
  });

  it('catches reported travel minutes that do not match', () => {
    const r = plan();
    r.rounds[0]!.travelMin = 44;
    expect(broken(problem(), r)).toEqual(['roundsReportedTotals']);
    const total = plan();
    total.totalTravelMin = 100;
    expect(broken(problem(), total)).toEqual(['roundsReportedTotals']);
  });

  it('catches a stop for an unknown visit or worker', () => {
    const r = plan();
    r.rounds[1]!.workerId = 'W9';
    expect(broken(problem(), r)).toContain('roundsKnownReferences');
  });
});
