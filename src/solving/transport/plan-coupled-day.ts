/**
 * A day planned with its transport (runs inside a solver thread): planWholeDay plans the
 * itineraries and the runs until they agree; the runs are then re-timed against the day's
 * on-site windows (a patient is not dropped off before they may be on site) and re-planned
 * if they no longer fit, and the itineraries take the transport's drop-off and pick-up times.
 */
import {
  planTransport, planWholeDay, repairTransport, type DayPlan, type DayProblem, type SolveOptions, type PassengerTimes, type TransportPlan, type TransportProblem, type TransportRun,
} from '../../../solver/index.ts';
import { checkCoupled, timedTransport, withTransportTimes, type UntimedTransport } from './day-transport.ts';

/** Fixed iterations (not a time limit) so the same day always gives the same runs. */
export const TRANSPORT_ITERATIONS = 400;

export interface CoupledDayInput {
  day: DayProblem;
  transport: UntimedTransport;
  options: { seed: number; timeLimitMs: number; startFrom?: SolveOptions['startFrom'] };
}

export interface CoupledDayResult {
  /** The day problem the plan answers (transported patients' windows narrowed to what transport can do). */
  dayProblem: DayProblem;
  /** Itineraries from drop-off to pick-up. */
  dayPlan: DayPlan;
  transportProblem: TransportProblem;
  transportPlan: TransportPlan;
  notes: string[];
}

/**
 * planWholeDay gives its first day planning most of the time (the day's quality is made there) and
 * keeps the rest for the rounds that bring transport in step; a resumed job's plan is where that
 * first planning starts.
 */
export function planCoupledDay(input: CoupledDayInput, hooks: Pick<SolveOptions, 'now' | 'onProgress' | 'onBestPlan'>): CoupledDayResult {
  const { seed, timeLimitMs, startFrom } = input.options;
  const whole = planWholeDay({ day: input.day, transport: input.transport }, { seed, timeLimitMs, ...hooks, ...(startFrom ? { startFrom } : {}) });
  return coupleTransport(input.transport, whole.dayProblem, whole.dayPlan, whole.transportPlan, seed, whole.notes);
}

/**
 * Re-times the transport for a day plan. The runs are kept as they are when they still fit both
 * directions; after an edit (`previous`: the problem the runs answered) only the passengers
 * whose times changed are taken out and fitted in again, the other runs staying as they were
 * (repairTransport); failing both, the day's runs are planned again (fixed iterations). Used
 * after planWholeDay and after every edit.
 */
export function coupleTransport(
  base: UntimedTransport, dayProblem: DayProblem, plan: DayPlan, runs: TransportPlan | undefined, seed: number, notes: string[] = [], previous?: TransportProblem,
): CoupledDayResult {
  const { problem: transportProblem, nothingPlanned } = timedTransport(base, dayProblem, plan);
  const fits = (candidate: TransportPlan) =>
    samePassengers(transportProblem, candidate) && checkCoupled(dayProblem, withTransportTimes(dayProblem, plan, candidate), { problem: transportProblem, plan: candidate }).valid;
  let transportPlan = runs && fits(runs) ? runs : undefined;
  if (!transportPlan && runs && previous) {
    const touched = changedPassengers(previous, transportProblem);
    const repaired = repairTransport(transportProblem, runs, touched);
    // Kept when it carries everyone the old runs did; otherwise a fresh plan may do better.
    if (repaired.unserved.length <= runs.unserved.length && fits(repaired)) {
      const asBefore = withUnchangedRunsAsBefore(runs, repaired, new Set(touched));
      transportPlan = asBefore !== repaired && fits(asBefore) ? asBefore : repaired;
    }
  }
  transportPlan ??= planTransport(transportProblem, { seed, maxIterations: TRANSPORT_ITERATIONS });
  const extra = nothingPlanned.map((id) => `${id}: nothing planned, so no transport booked.`);
  return { dayProblem, dayPlan: withTransportTimes(dayProblem, plan, transportPlan), transportProblem, transportPlan, notes: [...new Set([...notes, ...extra])] };
}

/**
 * `repaired` with every run that stops where and in the order an old run did, and carries no
 * one in `touched`, back at the old run's times. The repair times each run it keeps afresh, and runs that were themselves kept
 * verbatim through an earlier edit (they still fitted) need not be at the times it would give:
 * a driver whose run the edit did not reach was seen to get it 10 minutes later.
 */
function withUnchangedRunsAsBefore(previous: TransportPlan, repaired: TransportPlan, touched: ReadonlySet<string>): TransportPlan {
  const stopsOf = (run: TransportRun) => `${run.vehicleId}/${run.kind}/${run.stops.map((s) => `${s.action}:${s.patientId}:${s.locationId}`).join(',')}`;
  const untouched = previous.runs.filter((run) => !run.stops.some((s) => touched.has(s.patientId)));
  const before = new Map(untouched.map((run) => [stopsOf(run), run]));
  const runs = repaired.runs.map((run) => before.get(stopsOf(run)) ?? run);
  if (runs.every((run, i) => run === repaired.runs[i])) return repaired;
  const reused = new Set(runs.filter((run) => before.has(stopsOf(run))).map((run) => `${run.vehicleId}/${run.kind}`));
  const oldTimes = new Map(previous.passengers.map((p) => [p.patientId, p]));
  const passengers = repaired.passengers.map((p) => {
    const old = oldTimes.get(p.patientId);
    const out: PassengerTimes = { ...p };
    if (old && p.morning && reused.has(`${p.morning.vehicleId}/morning`)) Object.assign(out, { morning: old.morning, arrivalMin: old.arrivalMin });
    if (old && p.afternoon && reused.has(`${p.afternoon.vehicleId}/afternoon`)) Object.assign(out, { afternoon: old.afternoon, departureMin: old.departureMin });
    return out;
  });
  const totalTravelMin = runs.reduce((sum, r) => sum + r.travelMin, 0);
  const totalDistanceKm = Math.round(runs.reduce((sum, r) => sum + r.distanceKm, 0) * 100) / 100;
  return { ...repaired, runs, passengers, totalTravelMin, totalDistanceKm };
}

/** Passengers new to `next` or whose times, windows or needs differ from `previous`'s. */
export function changedPassengers(previous: TransportProblem, next: TransportProblem): string[] {
  const before = new Map(previous.passengers.map((p) => [p.patientId, canonical(p)]));
  return next.passengers.filter((p) => before.get(p.patientId) !== canonical(p)).map((p) => p.patientId);
}

/** JSON with keys in one order: a stored problem comes back from jsonb with its keys reordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The runs carry (or report unserved) exactly the passengers of the problem. */
function samePassengers(problem: TransportProblem, plan: TransportPlan): boolean {
  const wanted = new Set(problem.passengers.filter((p) => !p.ownMeans).map((p) => p.patientId));
  const seen = new Set([...plan.passengers.map((p) => p.patientId), ...plan.unserved.map((u) => u.patientId)]);
  return wanted.size === seen.size && [...wanted].every((id) => seen.has(id));
}
