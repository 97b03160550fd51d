/**
 * Taillard open-shop instance → DayProblem, so the day planner itself is benchmarked.
 * Jobs become patients, machines become clinicians (one per discipline, one room each);
 * every patient needs every discipline once, in any order. Processing times differ per
 * job, and an assessment type has one duration, so each (job, machine) operation is its
 * own type delivered by that machine's clinician. Meals, the MDT, transfers, rests and
 * check-in are set so they cannot bind; the objective is the makespan alone.
 */
import type { DayProblem } from '../../solver/model/day-problem.ts';
import type { ObjectiveWeights } from '../../solver/model/options.ts';

export interface OpenShopInstance {
  name: string;
  /** processingMin[job][machine]. */
  processingMin: number[][];
}

/** Parses the original Taillard format: `n m`, then one line per job of m processing times. */
export function parseTaillardOpenShop(name: string, text: string): OpenShopInstance {
  const numbers = text.trim().split(/\s+/).map(Number);
  const [jobs, machines] = numbers;
  if (!Number.isInteger(jobs) || !Number.isInteger(machines) || jobs! < 1 || machines! < 1)
    throw new Error(`${name}: the first line must be 'jobs machines' (got '${text.split('\n')[0]}')`);
  const times = numbers.slice(2);
  if (times.length !== jobs! * machines! || times.some((t) => !Number.isInteger(t) || t < 0))
    throw new Error(`${name}: expected ${jobs! * machines!} non-negative integer processing times, found ${times.length}`);
  const processingMin = Array.from({ length: jobs! }, (_, j) => times.slice(j * machines!, (j + 1) * machines!));
  return { name, processingMin };
}

/** max(largest job total, largest machine total): the classic open-shop lower bound. */
export function openShopTrivialBound(instance: OpenShopInstance): number {
  const jobMax = Math.max(...instance.processingMin.map((row) => row.reduce((a, b) => a + b, 0)));
  const machines = instance.processingMin[0]!.length;
  let machineMax = 0;
  for (let m = 0; m < machines; m++) machineMax = Math.max(machineMax, instance.processingMin.reduce((sum, row) => sum + row[m]!, 0));
  return Math.max(jobMax, machineMax);
}

/** Weights that make planDay minimise the makespan (placing everything stays paramount). */
export const OPEN_SHOP_WEIGHTS: ObjectiveWeights = {
  unscheduled: 100_000,
  patientIdleMin: 0,
  patientOnSiteMin: 0,
  workloadImbalanceMin: 0,
  namedClinicianMissed: 0,
  preferenceMin: 0,
  carerAbsent: 0,
  makespanMin: 1,
};

export function openShopToDayProblem(instance: OpenShopInstance): DayProblem {
  const { processingMin } = instance;
  const machines = processingMin[0]!.length;
  // Any dense schedule ends by (largest job total + largest machine total) ≤ 2 × bound.
  const horizonMin = 2 * openShopTrivialBound(instance) + 1;
  const window = { startMin: 0, endMin: horizonMin };
  const machineIds = Array.from({ length: machines }, (_, m) => `m${m + 1}`);
  return {
    date: '2026-01-05',
    centre: {
      id: 'openshop',
      name: `Open shop ${instance.name}`,
      openMin: 0,
      closeMin: horizonMin,
      lunchWindow: window,
      mealDurationMin: 1,
      mealRoomType: 'dining',
      mdt: { startMin: horizonMin, durationMin: 1 },
      transferMin: 0,
      checkInBufferMin: 0,
    },
    assessmentTypes: processingMin.flatMap((row, j) =>
      row
        .map((durationMin, m) => ({
          id: `j${j + 1}-${machineIds[m]}`,
          name: `job ${j + 1} on ${machineIds[m]}`,
          discipline: machineIds[m]!,
          kind: 'assessment' as const,
          durationMin,
          roomType: `room-${machineIds[m]}`,
          qualification: machineIds[m]!,
          groupCapacity: 1,
        }))
        // A zero-length operation needs no visit at all.
        .filter((t) => t.durationMin > 0),
    ),
    precedences: [],
    staff: machineIds.map((id) => ({ id, name: `Clinician ${id}`, discipline: id, qualifications: [id], shift: window, breaks: [], mdtMember: false })),
    rooms: [
      ...machineIds.map((id) => ({ id: `room-${id}`, name: `Room ${id}`, type: `room-${id}`, capacity: 1 })),
      { id: 'dining', name: 'Dining room', type: 'dining', capacity: processingMin.length },
    ],
    patients: processingMin.map((row, j) => ({
      id: `j${j + 1}`,
      ref: `J${j + 1}`,
      initials: `J${j + 1}`,
      priority: 1,
      earliestArrivalMin: 0,
      latestDepartureMin: horizonMin,
      maxOnSiteMin: horizonMin,
      required: row.flatMap((durationMin, m) => (durationMin > 0 ? [{ typeId: `j${j + 1}-${machineIds[m]}` }] : [])),
      needsMeal: false,
    })),
  };
}
