/**
 * When not every assessment can be placed: the least extra cost, over the day with everything
 * placed, of a plan that leaves some out. Either exactly one assessment k of one patient p is
 * left out — then p's day is at least their exact day without k, everyone else's at least
 * their exact full day, the workload spread at least its bound without k, and the first/last
 * slot check (bookend-bound.ts) must not still prove the day impossible — or two or more are,
 * costing at least the two cheapest single drops (from two patients, or both from one).
 *
 * A single drop from p costs at least p's penalty minus p's whole day, so patients are tried
 * cheapest first and the search stops once that floor reaches the best found (or after
 * `maxPatients` or `maxNodes` of first/last searches, taking that patient's floor as the bound).
 * A patient whose taking out altogether still leaves the first and last slots unpaired has no
 * single drop that will do. And when the first/last check proves that k ≥ 2 patients with a
 * review must each lose something (BookendCheck.minPatientsOut), no single drop will do at
 * all and every plan costs at least the k cheapest of them (each their floor plus their exact
 * day without one assessment, or plus a second penalty).
 */
import type { DayPatient, DayProblem, RequiredAssessment } from '../../model/day-problem.ts';
import type { ObjectiveWeights } from '../../model/options.ts';
import type { BookendCheck } from './bookend-bound.ts';
import { patientScheduleModel } from './patient-schedule-model.ts';
import { patientScheduleCost, type ScheduleDpScratch } from './patient-schedule-dp.ts';

export interface DropPatient {
  patient: DayPatient;
  placeable: readonly RequiredAssessment[];
  /** Lower bound on this patient's day with everything placeable placed. */
  allPlacedCost: number;
}

export interface DropBoundInput {
  problem: DayProblem;
  weights: ObjectiveWeights;
  patients: readonly DropPatient[];
  gridMin: number;
  scratch: ScheduleDpScratch;
  bookends: BookendCheck;
  /** Weighted workload-spread bound with one assessment left out. */
  workloadWithout: (patientId: string, typeId: string) => number;
  maxPatients?: number;
  /** First/last search nodes for all the single drops together. */
  maxNodes?: number;
  /**
   * First/last search nodes for proving how many patients must lose something (each more
   * costs more nodes: on the 64-patient demo day 200k prove 4, 1M prove 5 in ~1 s).
   */
  maxPatientsOutNodes?: number;
}

export interface DropBound {
  /** Least extra cost over the sum of full days (and certain penalties). */
  extraCost: number;
  /** The single drop that gives it, when one does. */
  cheapest?: { patientId: string; typeId: string };
  /** Patients who must each lose something (first/last slots), when that gives it. */
  patientsOut?: number;
}

/** @example dropBound(input).extraCost // ≥ 1000 × the lowest priority − that patient's day */
export function dropBound(input: DropBoundInput): DropBound {
  const { problem, weights: w, patients, gridMin, scratch, bookends } = input;
  const floorOf = (d: DropPatient): number => w.unscheduled * d.patient.priority - d.allPlacedCost;
  const candidates = patients.map((d, index) => ({ d, index })).filter(({ d }) => d.placeable.length > 0)
    .sort((a, b) => floorOf(a.d) - floorOf(b.d));
  if (candidates.length === 0) return { extraCost: Infinity };

  // At least k of the patients with a review must lose something for the first and last slots
  // to pair up: then no single drop will do, and the k cheapest of them bound every plan.
  const mustTouch = bookends.minPatientsOut(input.maxPatientsOutNodes ?? 400_000);
  if (mustTouch >= 2) {
    // A patient who loses one assessment costs their floor plus their exact day without it;
    // one who loses two or more, their floor plus another penalty at least.
    const involved = bookends.involved().map((p) => patients[p]!).sort((a, b) => floorOf(a) - floorOf(b));
    const touched: number[] = [];
    for (const d of involved) {
      touched.sort((a, b) => a - b);
      if (touched.length >= mustTouch && floorOf(d) >= touched[mustTouch - 1]!) break;
      let least = w.unscheduled * d.patient.priority;
      for (const dropped of d.placeable) {
        const model = patientScheduleModel(problem, d.patient, d.placeable.filter((r) => r !== dropped), gridMin, w);
        const day = model ? patientScheduleCost(model, w, scratch) : 0;
        if (day !== Infinity) least = Math.min(least, Number.isNaN(day) ? 0 : day);
      }
      touched.push(floorOf(d) + least);
    }
    touched.sort((a, b) => a - b);
    const extraCost = touched.length >= mustTouch ? touched.slice(0, mustTouch).reduce((sum, f) => sum + f, 0) : Infinity;
    return { extraCost, patientsOut: mustTouch };
  }

  // Two or more drops.
  const floors = candidates.map(({ d }) => floorOf(d));
  let best = Math.min(...candidates.map(({ d }) => (d.placeable.length >= 2 ? floorOf(d) + w.unscheduled * d.patient.priority : Infinity)),
    floors.length >= 2 ? floors[0]! + floors[1]! : Infinity);
  let cheapest: DropBound['cheapest'];

  const maxPatients = input.maxPatients ?? 6;
  let nodesLeft = input.maxNodes ?? 100_000;
  for (let c = 0; c < candidates.length; c++) {
    const { d, index } = candidates[c]!;
    if (floors[c]! >= best) break;
    if (c >= maxPatients || nodesLeft <= 0) { best = Math.min(best, floors[c]!); break; }
    let patientBest = Infinity;
    // Taken out altogether and the ends still do not pair up: no drop of theirs alone will do.
    const out = bookends.checkWith(index, { placeableTypeIds: [] }, nodesLeft);
    nodesLeft -= out.nodes;
    if (out.everythingImpossible) continue;
    for (const dropped of d.placeable) {
      // Out of search budget: any drop of this patient costs at least their floor.
      if (nodesLeft <= 0) { patientBest = Math.min(patientBest, floors[c]!); break; }
      const rest = d.placeable.filter((r) => r !== dropped);
      const model = patientScheduleModel(problem, d.patient, rest, gridMin, w);
      const solved = model ? patientScheduleCost(model, w, scratch) : 0;
      if (solved === Infinity) continue; // the rest cannot be placed either
      const day = Number.isNaN(solved) ? 0 : solved; // out of work budget: only the penalty is sure
      const extra = floors[c]! + day + input.workloadWithout(d.patient.id, dropped.typeId);
      if (extra >= Math.min(best, patientBest)) continue;
      const check = bookends.checkWith(index, { placeableTypeIds: rest.map((r) => r.typeId), model }, nodesLeft);
      nodesLeft -= check.nodes;
      if (check.everythingImpossible) continue;
      patientBest = extra;
      if (extra < best) cheapest = { patientId: d.patient.id, typeId: dropped.typeId };
    }
    if (patientBest < best) best = patientBest;
    if (patientBest === floors[c]) cheapest = undefined;
  }
  return { extraCost: best, cheapest };
}
