/**
 * Can every patient have their whole day? A proof that they cannot, from the two ends of the
 * day: the assessment every patient starts with (the ANP's, by a "first" precedence rule) and
 * the one they end with (the geriatrician's review, by a "last" rule).
 *
 * Why it is valid. Take any plan placing every assessment (on the time grid, see
 * time-grid.ts) and sort the n first-assessment starts: the i-th is no earlier than L_i, the
 * i-th earliest start in the union of each qualified staff member's earliest packing of
 * back-to-back first assessments around their breaks (no staff member can have started more
 * by then). Likewise the j-th latest last-assessment start is no later than G_j, from each
 * qualified staff member's latest packing ending by the MDT. A patient whose first
 * assessment starts at s ≥ L_i cannot have their last start before R(L_i), the earliest
 * last-assessment start over their own days (patient-schedule-dp.ts, other patients
 * ignored) whose first starts at L_i or later. So the patient with first-rank i and
 * last-rank j needs R(L_i) ≤ G_j. If no one-to-one choice of first ranks and last ranks meets
 * that for everyone, no plan places everything. The search below is exhaustive (equal slot
 * times are interchangeable) with counting cuts; it gives up after a node budget and then
 * claims nothing.
 */
import type { DayProblem, DayStaffMember } from '../../model/day-problem.ts';
import { DEFAULT_WEIGHTS, type ObjectiveWeights } from '../../model/options.ts';
import type { PatientScheduleModel } from './patient-schedule-model.ts';
import { patientScheduleCost, ScheduleDpScratch } from './patient-schedule-dp.ts';

export interface BookendResult {
  /** True only when the search proved that no plan places every placeable assessment. */
  everythingImpossible: boolean;
  firstTypeId?: string;
  lastTypeId?: string;
  nodes: number;
  /** The search ran out of its node budget (nothing is claimed). */
  gaveUp: boolean;
}

/** Search nodes before giving up (each node is a few array scans). */
export const BOOKEND_MAX_NODES = 200_000;

const ZERO_WEIGHTS: ObjectiveWeights = { ...DEFAULT_WEIGHTS, unscheduled: 0, patientIdleMin: 0, patientOnSiteMin: 0, staffOvertimeMin: 0, workloadImbalanceMin: 0,
  namedClinicianMissed: 0, preferenceMin: 0, carerAbsent: 0, makespanMin: 0 };

/** One patient as the search sees them. */
export interface BookendPatient {
  /** Types of the patient's assessments that can be placed at all. */
  placeableTypeIds: readonly string[];
  /** The exact-day model with all of them (undefined: not available; then the patient still needs a first and a last slot but is otherwise free). */
  model?: PatientScheduleModel;
}

/**
 * @param patients in the order of problem.patients
 * @example
 * bookendBound(problem, patients).everythingImpossible // true: some assessment must be left out
 */
export function bookendBound(problem: DayProblem, patients: readonly BookendPatient[], maxNodes = BOOKEND_MAX_NODES): BookendResult {
  const none: BookendResult = { everythingImpossible: false, nodes: 0, gaveUp: false };
  const firstTypeId = problem.precedences.find((r) => r.after === '*' && r.before !== '*')?.before;
  const lastTypeId = problem.precedences.find((r) => r.before === '*' && r.after !== '*')?.after;
  if (!firstTypeId || !lastTypeId || firstTypeId === lastTypeId) return none;
  const first = problem.assessmentTypes.find((t) => t.id === firstTypeId);
  const last = problem.assessmentTypes.find((t) => t.id === lastTypeId);
  if (!first || !last || first.groupCapacity > 1 || last.groupCapacity > 1) return none;

  // Patients who need both ends placed.
  const involved: number[] = [];
  patients.forEach((patient, p) => {
    if (patient.placeableTypeIds.includes(firstTypeId) && patient.placeableTypeIds.includes(lastTypeId)) involved.push(p);
  });
  const n = involved.length;
  if (n === 0) return none;
  const { mdt, checkInBufferMin, openMin, closeMin } = problem.centre;
  const untilMin = Math.min(mdt.startMin, closeMin);
  const staff = usableStaff(problem);
  const earliestMin = Math.max(openMin, Math.min(...involved.map((p) => problem.patients[p]!.earliestArrivalMin + checkInBufferMin)));
  const L = earliestPacking(staff.filter((s) => s.qualifications.includes(first.qualification)), first.durationMin, earliestMin, untilMin).slice(0, n);
  const G = latestPacking(staff.filter((s) => s.qualifications.includes(last.qualification)), last.durationMin, untilMin).slice(0, n);
  if (L.length < n || G.length < n) return { ...none, everythingImpossible: true, firstTypeId, lastTypeId };

  // need[p][a] = earliest last-assessment start for first start ≥ level a (−Infinity: unknown).
  const levels = [...new Set(L)];
  const scratch = new ScheduleDpScratch();
  const need = involved.map((p) => {
    const m = patients[p]!.model;
    return levels.map((level) => (m ? earliestLastStart(m, firstTypeId, lastTypeId, level, scratch) : -Infinity));
  });
  const levelOf = L.map((t) => levels.indexOf(t));
  // Any group of patients must fit the first ranks 1..k and the last ranks 1..k by the same
  // argument, so when everyone is too many for the search, the hardest patients alone are tried.
  const hardest = need.map((_, p) => p).sort((x, y) => compareRows(need[y]!, need[x]!));
  let nodes = 0;
  let gaveUp = false;
  const sizes = subsetSizes(n);
  for (const size of sizes) {
    const group = hardest.slice(0, size).map((p) => need[p]!);
    const budget = size === n && sizes.length > 1 ? Math.floor(maxNodes / 4) : maxNodes - nodes;
    const result = searchRanks(group, levelOf.slice(0, size), G.slice(0, size), Math.max(1000, budget));
    nodes += result.nodes;
    if (result.infeasible) return { everythingImpossible: true, firstTypeId, lastTypeId, nodes, gaveUp: false };
    if (!result.gaveUp && size === n) break;
    gaveUp ||= result.gaveUp;
    if (nodes >= maxNodes) break;
  }
  return { everythingImpossible: false, firstTypeId, lastTypeId, nodes, gaveUp };
}

/** Everyone first, then ever smaller groups of the hardest patients. */
function subsetSizes(n: number): number[] {
  const sizes = [n];
  for (let k = Math.floor(n * 0.75); k >= Math.min(n, 8) && k < sizes.at(-1)!; k = Math.floor(k * 0.75)) sizes.push(k);
  return sizes;
}

/** Staff who may see patients at all (an MDT member who cannot attend the MDT may not). */
function usableStaff(problem: DayProblem): DayStaffMember[] {
  const { startMin, durationMin } = problem.centre.mdt;
  const endMin = startMin + durationMin;
  return problem.staff.filter((s) => !s.mdtMember || (s.shift.startMin <= startMin && s.shift.endMin >= endMin
    && s.breaks.every((b) => b.endMin <= startMin || b.startMin >= endMin)));
}

/** Starts of back-to-back activities of `durationMin`, each staff member from `fromMin` on, around breaks, ending by `untilMin`; ascending. */
function earliestPacking(staff: DayStaffMember[], durationMin: number, fromMin: number, untilMin: number): number[] {
  const starts: number[] = [];
  for (const s of staff) {
    const end = Math.min(s.shift.endMin, untilMin);
    let t = Math.max(s.shift.startMin, fromMin);
    while (t + durationMin <= end) {
      const clash = s.breaks.find((b) => b.startMin < t + durationMin && b.endMin > t);
      if (clash) { t = clash.endMin; continue; }
      starts.push(t);
      t += durationMin;
    }
  }
  return starts.sort((a, b) => a - b);
}

/** Starts of back-to-back activities of `durationMin` packed as late as possible before `untilMin`, around breaks; descending. */
function latestPacking(staff: DayStaffMember[], durationMin: number, untilMin: number): number[] {
  const starts: number[] = [];
  for (const s of staff) {
    let t = Math.min(s.shift.endMin, untilMin) - durationMin;
    while (t >= s.shift.startMin) {
      const clash = s.breaks.find((b) => b.startMin < t + durationMin && b.endMin > t);
      if (clash) { t = clash.startMin - durationMin; continue; }
      starts.push(t);
      t -= durationMin;
    }
  }
  return starts.sort((a, b) => b - a);
}

/** The earliest start of `lastTypeId` over the patient's days whose `firstTypeId` starts at or after `fromMin` (Infinity: none). */
function earliestLastStart(model: PatientScheduleModel, firstTypeId: string, lastTypeId: string, fromMin: number, scratch: ScheduleDpScratch): number {
  const g = model.gridMin;
  const items = model.items.map((item) => {
    const startCost = new Float64Array(item.startCost.length);
    for (let u = 0; u < startCost.length; u++) {
      const allowed = Number.isFinite(item.startCost[u]!) && (item.typeId !== firstTypeId || (model.startU + u) * g >= fromMin);
      startCost[u] = !allowed ? Infinity : item.typeId === lastTypeId ? u : 0;
    }
    return { ...item, startCost };
  });
  const u = patientScheduleCost({ ...model, items }, ZERO_WEIGHTS, scratch);
  return Number.isFinite(u) ? (model.startU + u) * g : Infinity;
}

/**
 * Is there a one-to-one choice of first ranks (level levelOf[i] for rank i) and last ranks
 * (start G[j]) with need[p][level] ≤ G[j] for every patient? Only the levels are branched on:
 * once each patient has a level, their thresholds need[p][level] fit the last slots exactly
 * when, for every slot time v, no more patients need v or later than there are slots at v or
 * later (nested sets, Hall's condition). At every node that test runs with the undecided
 * patients at their least need (the earliest free level), and the undecided patients' latest
 * usable levels must cover the free first slots the same way. Patients with equal needs take
 * levels in order (they are interchangeable). What is left to decide depends only on the
 * free levels and on how many decided patients need each group of last slots, so a state
 * that failed once is not searched again. Exhaustive up to `maxNodes`.
 */
function searchRanks(need: number[][], levelOf: number[], G: number[], maxNodes: number): { infeasible: boolean; nodes: number; gaveUp: boolean } {
  const levelCount = need[0]?.length ?? 0;
  const freeAtLevel = new Int32Array(levelCount);
  for (const a of levelOf) freeAtLevel[a]! += 1;
  const slots = [...G].sort((a, b) => b - a);
  const latestSlot = slots[0] ?? -Infinity;
  // Hardest first; equal rows next to each other.
  const order = need.map((_, p) => p).sort((x, y) => compareRows(need[y]!, need[x]!));
  const rows = order.map((p) => need[p]!);
  const sameAsPrevious = rows.map((row, k) => k > 0 && compareRows(row, rows[k - 1]!) === 0);
  const level = new Int32Array(rows.length).fill(-1);
  let nodes = 0;
  let gaveUp = false;
  // Slot group of a threshold: how many slots are at or after it (equal slot times form one group).
  const slotGroups = [...new Set(slots)];
  const groupOf = (t: number): number => { let g = -1; for (let i = 0; i < slotGroups.length; i++) if (slotGroups[i]! >= t) g = i; return g; };
  const groupCount = new Int32Array(slotGroups.length);
  const failed = new Set<string>();

  const thresholds: number[] = [];
  const latestLevels: number[] = [];
  const cutOk = (from: number): boolean => {
    const firstFree = freeAtLevel.findIndex((c) => c > 0);
    thresholds.length = 0;
    latestLevels.length = 0;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k]!;
      if (k < from) { thresholds.push(row[level[k]!]!); continue; }
      if (firstFree < 0) return false;
      thresholds.push(row[firstFree]!);
      let latest = -1;
      for (let a = levelCount - 1; a >= 0; a--) if (row[a]! <= latestSlot) { latest = a; break; }
      if (latest < 0) return false;
      latestLevels.push(latest);
    }
    // k-th largest threshold ≤ k-th latest last slot.
    thresholds.sort((a, b) => b - a);
    for (let k = 0; k < thresholds.length; k++) if (thresholds[k]! > slots[k]!) return false;
    // k-th earliest latest-usable level ≥ k-th earliest free first level.
    latestLevels.sort((a, b) => a - b);
    let k = 0;
    for (let a = 0; a < levelCount && k < latestLevels.length; a++) {
      for (let c = 0; c < freeAtLevel[a]! && k < latestLevels.length; c++, k++) if (latestLevels[k]! < a) return false;
    }
    // Both ends at once: an undecided patient whose need at level a is after slot time v takes
    // a level before a or a slot after v; decided patients already hold some of those.
    for (let a = 1; a < levelCount; a++) {
      let earlyFree = 0;
      for (let b = 0; b < a; b++) earlyFree += freeAtLevel[b]!;
      for (let gi = 0; gi < slotGroups.length; gi++) {
        const v = slotGroups[gi]!;
        let lateSlots = 0;
        for (const t of slots) if (t > v) lateSlots++;
        let critical = 0;
        for (let q = 0; q < rows.length; q++) {
          if (q < from) { if (rows[q]![level[q]!]! > v) lateSlots--; }
          else if (rows[q]![a]! > v) critical++;
        }
        if (critical > earlyFree + lateSlots) return false;
      }
    }
    return true;
  };

  const dfs = (k: number): boolean => {
    if (++nodes > maxNodes) { gaveUp = true; return true; }
    if (!cutOk(k)) return false;
    if (k === rows.length) return true;
    const fromLevel = sameAsPrevious[k] ? level[k - 1]! : 0;
    const key = `${k}|${fromLevel}|${freeAtLevel.join(',')}|${groupCount.join(',')}`;
    if (failed.has(key)) return false;
    for (let a = fromLevel; a < levelCount; a++) {
      if (freeAtLevel[a] === 0 || rows[k]![a]! > latestSlot) continue;
      const group = groupOf(rows[k]![a]!);
      freeAtLevel[a]! -= 1;
      groupCount[group]! += 1;
      level[k] = a;
      const ok = dfs(k + 1);
      freeAtLevel[a]! += 1;
      groupCount[group]! -= 1;
      if (ok) return true;
    }
    level[k] = -1;
    failed.add(key);
    return false;
  };
  const feasible = dfs(0);
  return { infeasible: !feasible && !gaveUp, nodes, gaveUp };
}

function compareRows(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
