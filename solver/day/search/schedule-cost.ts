/**
 * The soft objective of a decoded schedule, computed straight from the decoder's typed
 * arrays (the search evaluates thousands of schedules a second; building a DayPlan and
 * calling scorePlan for each would dominate the run). It follows the terms of
 * ObjectiveWeights; the final plan's reported score comes from scorePlan.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { DecodeResult } from '../schedule/day-decoder.ts';

/** The search's penalty for a patient without a meal, in multiples of an unscheduled assessment. */
export const MISSING_MEAL_FACTOR = 100;

export function scheduleCost(day: CompiledDay, decoder: DecodeResult): number {
  const w = day.weights;
  const { start, staffOf, staffLoad } = decoder;
  const { problem, durationMin } = day;
  let cost = 0;
  let makespan = 0;
  cost += day.impossibleCost;
  for (let p = 0; p < day.patientActivities.length; p++) {
    const patient = problem.patients[p]!;
    let first = Infinity;
    let last = -Infinity;
    let busy = 0;
    for (const a of day.patientActivities[p]!) {
      const s = start[a]!;
      if (s < 0) {
        // A missing meal breaks a hard rule: far worse than any assessment left out.
        cost += w.unscheduled * day.patientPriority[p]! * (day.activityKind[a] === 'meal' ? MISSING_MEAL_FACTOR : 1);
        continue;
      }
      const e = s + durationMin[a]!;
      if (s < first) first = s;
      if (e > last) last = e;
      busy += durationMin[a]!;
      const preferred = day.preferredStaff[a]!;
      if (preferred >= 0 && staffOf[a] !== preferred) cost += w.namedClinicianMissed;
      if (day.carerRequired[a]) {
        const carer = patient.carerPresent;
        if (!carer || s < carer.startMin || e > carer.endMin) cost += w.carerAbsent;
      }
    }
    if (busy === 0) continue;
    const arrival = Math.max(patient.earliestArrivalMin, first - day.checkInMin);
    const onSite = last - arrival;
    // Waiting counts from the first activity, as scorePlan's patientIdleTime reads it (the
    // check-in buffer is time on site, not waiting).
    cost += w.patientOnSiteMin * onSite + w.patientIdleMin * (last - first - busy);
    if (patient.preferredEarliestArrivalMin !== undefined) cost += w.preferenceMin * Math.max(0, patient.preferredEarliestArrivalMin - arrival);
    if (patient.preferredLatestDepartureMin !== undefined) cost += w.preferenceMin * Math.max(0, last - patient.preferredLatestDepartureMin);
    if (last > makespan) makespan = last;
  }
  cost += w.makespanMin * makespan;
  if (w.workloadImbalanceMin > 0 && day.disciplineCount > 0) {
    const lo = new Float64Array(day.disciplineCount).fill(Infinity);
    const hi = new Float64Array(day.disciplineCount).fill(-Infinity);
    for (let s = 0; s < staffLoad.length; s++) {
      const k = day.staffDiscipline[s]!;
      lo[k] = Math.min(lo[k]!, staffLoad[s]!);
      hi[k] = Math.max(hi[k]!, staffLoad[s]!);
    }
    for (let k = 0; k < day.disciplineCount; k++) cost += w.workloadImbalanceMin * (hi[k]! - lo[k]!);
  }
  return cost;
}

/**
 * A tie-breaker for plateaus (a makespan objective is flat for most moves): the sum of every
 * patient's and staff member's last end beyond `floorMin`. Smaller means fewer resources
 * run late, one step nearer to lowering the objective itself (with the makespan bound as
 * the floor, it counts exactly the overshoot that stands between the plan and the bound).
 * Scaled by the caller so it never outweighs a real gain.
 */
export function scheduleDensity(
  day: CompiledDay,
  decoder: DecodeResult,
  staffLastEnd: Int32Array,
  patientLastEnd: Int32Array,
  /** Ends up to here cost nothing (a makespan bound: only what overshoots it needs to move). */
  floorMin = 0,
): number {
  staffLastEnd.fill(0);
  patientLastEnd.fill(0);
  const { start, staffOf } = decoder;
  for (let a = 0; a < day.activityCount; a++) {
    const s = start[a]!;
    if (s < 0) continue;
    const e = s + day.durationMin[a]!;
    const p = day.activityPatient[a]!;
    if (e > patientLastEnd[p]!) patientLastEnd[p] = e;
    const st = staffOf[a]!;
    if (st >= 0 && e > staffLastEnd[st]!) staffLastEnd[st] = e;
  }
  let sum = 0;
  for (let i = 0; i < staffLastEnd.length; i++) sum += Math.max(0, staffLastEnd[i]! - floorMin);
  for (let i = 0; i < patientLastEnd.length; i++) sum += Math.max(0, patientLastEnd[i]! - floorMin);
  return sum;
}
