/**
 * An outreach plan from its visits: the visits are the source of truth, and the rounds,
 * itineraries, homes visited, MDT attendees, score and gap are views of them. The planner ends
 * with this, and a hand edit (a visit moved by a coordinator) goes through it too, so a moved
 * visit's round, drives and score are recomputed the same way.
 */
import { buildItineraries, buildRounds } from './build-outreach-plan.ts';
import { compileOutreach, type CompiledOutreach } from './compile-outreach.ts';
import type { OutreachProblem } from './outreach-problem.ts';
import { DEFAULT_OUTREACH_WEIGHTS, type OutreachPlan, type OutreachWeights } from './outreach-plan.ts';

export type OutreachPlanParts = Pick<OutreachPlan, 'visits' | 'unscheduled' | 'bound' | 'stats'>;

/**
 * @param compiled the problem already compiled (the planner has it); compiled here otherwise.
 * @example
 * const edited = assembleOutreachPlan(problem, { ...plan, visits: plan.visits.map((v) => (v.id === id ? moved : v)) });
 */
export function assembleOutreachPlan(problem: OutreachProblem, parts: OutreachPlanParts, weights: Partial<OutreachWeights> = {}, compiled?: CompiledOutreach): OutreachPlan {
  const w: OutreachWeights = { ...DEFAULT_OUTREACH_WEIGHTS, ...weights };
  const day = compiled ?? compileOutreach(problem);
  const visits = [...parts.visits].sort((x, y) => x.startMin - y.startMin || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const rounds = buildRounds(day, visits);
  const itineraries = buildItineraries(day, visits);
  const priority = new Map(problem.residents.map((r) => [r.id, Math.max(1, r.priority)]));
  const unscheduledPenalty = parts.unscheduled.reduce((sum, u) => sum + w.unscheduled * (priority.get(u.residentId) ?? 1), 0);
  const travelMin = rounds.reduce((s, r) => s + r.travelMin, 0);
  const staffWaitMin = rounds.reduce((s, r) => s + r.waitMin, 0);
  const residentWaitMin = itineraries.reduce((s, r) => s + r.waitMin, 0);
  const soft = unscheduledPenalty + w.travelMin * travelMin + w.residentWaitMin * residentWaitMin + w.staffWaitMin * staffWaitMin;
  const { centre } = problem;
  const attendeeStaffIds = problem.staff.filter((s) => s.mdtMember && s.offSickFromMin === undefined && visits.some((v) => v.staffId === s.id)).map((s) => s.id);
  const gapPct = (100 * (soft - parts.bound.value)) / Math.max(Math.abs(soft), 1);
  return {
    date: problem.date,
    visits,
    rounds,
    itineraries,
    homesVisited: problem.homes.filter((h) => visits.some((v) => v.homeId === h.id)).map((h) => h.id),
    mdt: { startMin: centre.mdt.startMin, endMin: centre.mdt.startMin + centre.mdt.durationMin, mode: centre.mdtMode, attendeeStaffIds },
    unscheduled: parts.unscheduled,
    score: { hard: 0, soft, unscheduledPenalty, travelMin, residentWaitMin, staffWaitMin },
    bound: parts.bound,
    gapPct: Math.max(0, Math.round(gapPct * 100) / 100),
    stats: parts.stats,
  };
}
