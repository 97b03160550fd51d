/** Rounds on a straight road: travel minutes = |position difference|; the base at 0. */
import type { HomeVisit, RoundWorker, RoundsProblem } from '../../../solver/rounds/rounds-problem.ts';

export function visit(id: string, extra: Partial<HomeVisit> = {}): HomeVisit {
  return { id, kind: 'pre-visit', patientId: `P-${id}`, locationId: `home-${id}`, durationMin: 45, window: { startMin: 540, endMin: 1020 }, ...extra };
}

export function worker(id: string, extra: Partial<RoundWorker> = {}): RoundWorker {
  return { id, baseLocationId: 'base', shift: { startMin: 540, endMin: 1020 }, skills: ['pre-visit'], ...extra };
}

export function roundsDay(visits: HomeVisit[], workers: RoundWorker[], homes: Record<string, number>): RoundsProblem {
  const positions: Array<[string, number]> = [['base', 0], ...visits.map((v) => [v.locationId, homes[v.id] ?? 10] as [string, number])];
  return {
    date: '2026-11-23',
    locations: positions.map(([id]) => ({ id })),
    travel: { matrix: { travelMin: positions.map(([, a]) => positions.map(([, b]) => Math.abs(a - b))) } },
    workers,
    visits,
  };
}
