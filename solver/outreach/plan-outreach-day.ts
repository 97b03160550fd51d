/**
 * The outreach day planner (care-home outreach): each resident's assessments at their home,
 * each staff member's round from the centre through the homes and back.
 *
 * Method: the decoder (OutreachSchedule) turns a priority list into a schedule where every hard
 * rule holds; construction orders (homes along a nearest-neighbour tour, residents by priority;
 * residents by priority; a plan to start from; random) seed late-acceptance hill climbing over
 * the list (swap, relocate, move a resident's or a home's activities together). Deterministic
 * for a problem, seed and iteration budget; anytime with a time limit and an injected clock.
 * Stops early at the lower bound.
 */
import { createRng, type Rng } from '../model/rng.ts';
import type { ProgressEvent } from '../model/options.ts';
import { compileOutreach, travelBetween, type CompiledOutreach } from './compile-outreach.ts';
import { OutreachSchedule, type Candidate } from './outreach-decoder.ts';
import { scheduleVisits, scoreSchedule } from './build-outreach-plan.ts';
import { assembleOutreachPlan } from './assemble-outreach-plan.ts';
import { outreachLowerBound } from './outreach-lower-bound.ts';
import { explainOrRepairOutreach } from './explain-outreach.ts';
import type { OutreachProblem } from './outreach-problem.ts';
import { DEFAULT_OUTREACH_WEIGHTS, type OutreachPlan, type OutreachWeights } from './outreach-plan.ts';

export const DEFAULT_OUTREACH_ITERATIONS = 1500;
const HISTORY = 40;

export interface OutreachSolveOptions {
  seed?: number;
  /** Iteration budget: with a fixed budget and seed the plan is deterministic. */
  maxIterations?: number;
  /** Wall-clock limit; needs `now` (the solver never reads the clock itself). */
  timeLimitMs?: number;
  now?: () => number;
  weights?: Partial<OutreachWeights>;
  onProgress?: (event: ProgressEvent) => void;
  /** Called with each new best plan (built only when called): a job keeps its best plan so far. */
  onBestPlan?: (plan: () => OutreachPlan) => void;
  /**
   * A plan found earlier (before a change, or a resumed job's best so far): its visits, in start
   * order, become a construction, each kept on its staff member and room where it still fits.
   */
  startFrom?: ReadonlyArray<{ id: string; startMin: number; staffId?: string; roomId?: string }>;
}

/**
 * @throws RangeError naming the field when the problem refers to something it does not define
 *   (unknown home); what cannot be placed is listed in `unscheduled` with a reason.
 * @example
 * const plan = planOutreachDay(problem, { seed: 1, maxIterations: 1000 });
 * plan.rounds;       // per staff member: leave the centre, homes in order, back
 * plan.unscheduled;  // [{ residentId, typeId, reason: 'home-limit', message }]
 */
export function planOutreachDay(problem: OutreachProblem, options: OutreachSolveOptions = {}): OutreachPlan {
  const now = options.now;
  const startedMs = now?.();
  const seed = options.seed ?? 1;
  const weights: OutreachWeights = { ...DEFAULT_OUTREACH_WEIGHTS, ...options.weights };
  const day = compileOutreach(problem);
  const bound = outreachLowerBound(day, weights);
  const maxIterations = options.maxIterations ?? (options.timeLimitMs !== undefined && now ? Infinity : DEFAULT_OUTREACH_ITERATIONS);
  const rng = createRng(seed);
  // A construction from an earlier plan decodes with that plan's placements as hints; the search's
  // neighbours are plain orders.
  type Solution = { order: number[]; cost: number; hints?: ReadonlyMap<number, Candidate> };
  const evaluate = (order: number[], hints?: ReadonlyMap<number, Candidate>): Solution =>
    ({ order, cost: scoreSchedule(new OutreachSchedule(day).decode(order, hints), weights).soft, ...(hints ? { hints } : {}) });

  const hints = startHints(day, options.startFrom);
  const constructions = initialOrders(day, rng, options.startFrom).map((order, k) => evaluate(order, k === 0 && hints ? hints : undefined));
  let best = constructions.reduce((x, y) => (y.cost < x.cost ? y : x));
  let current = best;
  const history = new Array<number>(HISTORY).fill(current.cost);
  let iterations = 0;
  let improvements = 0;
  let timedOut = false;
  const report = (phase: ProgressEvent['phase']): void => {
    options.onProgress?.({ phase, iteration: iterations, bestSoft: best.cost, bestHard: 0, fraction: Number.isFinite(maxIterations) ? Math.min(1, iterations / maxIterations) : Math.min(1, ((now?.() ?? 0) - (startedMs ?? 0)) / (options.timeLimitMs ?? 1)) });
  };
  report('construct');
  while (iterations < maxIterations && best.cost > bound.value + 1e-9 && day.activities.length > 1) {
    if (now && options.timeLimitMs !== undefined && now() - startedMs! >= options.timeLimitMs) {
      timedOut = true;
      break;
    }
    iterations++;
    const candidate = evaluate(neighbour(day, current.order, rng));
    const slot = iterations % HISTORY;
    if (candidate.cost <= current.cost || candidate.cost <= history[slot]!) current = candidate;
    history[slot] = current.cost;
    if (current.cost < best.cost - 1e-9) {
      best = current;
      improvements++;
      if (options.onBestPlan) {
        const { order } = best;
        const stats = { iterations, improvements, timedOut: false, seed };
        options.onBestPlan(() => planOf(order, undefined, stats));
      }
      if (iterations % 25 === 0) report('improve');
    }
  }

  report('done');
  return planOf(best.order, best.hints, { iterations, improvements, ...(startedMs !== undefined ? { elapsedMs: now!() - startedMs } : {}), timedOut, seed });

  /** The plan of a visit order: decoded, what does not fit explained (or repaired), assembled. */
  function planOf(order: number[], orderHints: ReadonlyMap<number, Candidate> | undefined, stats: OutreachPlan['stats']): OutreachPlan {
    const schedule = new OutreachSchedule(day).decode(order, orderHints);
    const unscheduled = explainOrRepairOutreach(schedule);
    return assembleOutreachPlan(problem, { visits: scheduleVisits(schedule), unscheduled, bound, stats }, weights, day);
  }
}

/** An earlier plan's placements (staff member, room, start) by activity index, where it names them; undefined if none. */
function startHints(day: CompiledOutreach, startFrom: OutreachSolveOptions['startFrom']): Map<number, Candidate> | undefined {
  if (!startFrom) return undefined;
  const indexOf = new Map(day.activities.map((a) => [a.id, a.index]));
  const staffIndex = new Map(day.problem.staff.map((s, i) => [s.id, i]));
  const hints = new Map<number, Candidate>();
  for (const v of startFrom) {
    const index = indexOf.get(v.id);
    const staff = v.staffId === undefined ? undefined : staffIndex.get(v.staffId);
    if (index !== undefined && staff !== undefined && v.roomId !== undefined) hints.set(index, { start: v.startMin, staff, room: v.roomId });
  }
  return hints.size > 0 ? hints : undefined;
}

/** Homes along a nearest-neighbour tour from the centre; residents by priority; a start plan; random. */
function initialOrders(day: CompiledOutreach, rng: Rng, startFrom: OutreachSolveOptions['startFrom']): number[][] {
  const acts = day.activities;
  const homes: number[] = [];
  const left = new Set(day.problem.homes.map((_, i) => i));
  let at = 0;
  while (left.size > 0) {
    let pick = -1;
    for (const h of left) if (pick < 0 || travelBetween(day, at, h + 1) < travelBetween(day, at, pick + 1)) pick = h;
    homes.push(pick);
    left.delete(pick);
    at = pick + 1;
  }
  const priorityOf = (i: number): number => acts[i]!.priority;
  const byResident = (i: number, j: number): number => priorityOf(j) - priorityOf(i) || acts[i]!.residentIndex - acts[j]!.residentIndex || i - j;
  const all = acts.map((a) => a.index);
  const tour = [...all].sort((i, j) => homes.indexOf(acts[i]!.homeIndex) - homes.indexOf(acts[j]!.homeIndex) || byResident(i, j));
  const reverseTour = [...all].sort((i, j) => homes.indexOf(acts[j]!.homeIndex) - homes.indexOf(acts[i]!.homeIndex) || byResident(i, j));
  const byPriority = [...all].sort(byResident);
  // Interleaved by type: the first assessment of everyone at a home, then the second…
  const rank = new Map<number, number>();
  for (const a of acts) rank.set(a.index, acts.filter((b) => b.residentIndex === a.residentIndex && b.index < a.index).length);
  const byStage = [...all].sort((i, j) => homes.indexOf(acts[i]!.homeIndex) - homes.indexOf(acts[j]!.homeIndex) || rank.get(i)! - rank.get(j)! || byResident(i, j));
  const orders = [tour, byStage, reverseTour, byPriority];
  if (startFrom && startFrom.length > 0) {
    const startOf = new Map(startFrom.map((v) => [v.id, v.startMin]));
    orders.unshift([...all].sort((i, j) => (startOf.get(acts[i]!.id) ?? Infinity) - (startOf.get(acts[j]!.id) ?? Infinity) || i - j));
  }
  for (let k = 0; k < 2; k++) orders.push(shuffle(all, rng));
  return orders;
}

function shuffle(list: readonly number[], rng: Rng): number[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function neighbour(day: CompiledOutreach, order: readonly number[], rng: Rng): number[] {
  const out = [...order];
  const n = out.length;
  const move = rng.int(4);
  if (move === 0) {
    const i = rng.int(n);
    const j = rng.int(n);
    [out[i], out[j]] = [out[j]!, out[i]!];
  } else if (move === 1) {
    const [item] = out.splice(rng.int(n), 1);
    out.splice(rng.int(n), 0, item!);
  } else {
    // Move a resident's (2) or a whole home's (3) activities together to one place in the list.
    const pivot = day.activities[out[rng.int(n)]!]!;
    const together = (i: number): boolean => (move === 2 ? day.activities[i]!.residentIndex === pivot.residentIndex : day.activities[i]!.homeIndex === pivot.homeIndex);
    const block = out.filter(together);
    const rest = out.filter((i) => !together(i));
    rest.splice(rng.int(rest.length + 1), 0, ...block);
    return rest;
  }
  return out;
}
