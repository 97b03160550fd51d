/**
 * Can every patient have their whole day? A proof that they cannot, from the two ends of the
 * day: the assessment every patient starts with (the ANP's, by a "first" precedence rule) and
 * the one they end with (the geriatrician's review, by a "last" rule).
 *
 * Why it is valid. Take any plan placing every assessment (on the time grid, see
 * time-grid.ts) and sort the n first-assessment starts of the patients who have both: the
 * i-th is no earlier than L_i, the i-th earliest start in the union of each qualified staff
 * member's earliest packing of back-to-back first assessments around their breaks (no staff
 * member can have started more by then). Likewise the j-th latest last-assessment start is no
 * later than G_j, from each qualified staff member's latest packing ending by the MDT. Both
 * packings skip starts that no patient's own day allows (a review in the middle of lunch when
 * the meal fits neither before nor after it): a staff member's k-th start from the end can be
 * no later than the greedy packing's k-th. A patient whose first assessment starts at
 * s ≥ L_i cannot have their last start before R(L_i), the earliest last-assessment start
 * over their own days (patient-schedule-dp.ts, other patients ignored) whose first starts
 * at L_i or later. So the patient with first-rank i and last-rank j needs R(L_i) ≤ G_j; a
 * patient with a last assessment and no first (it was dropped) still takes a last rank. If no
 * one-to-one choice of first ranks and last ranks meets that for everyone, no plan places
 * everything. The search below is exhaustive (equal slot times are interchangeable) with
 * counting cuts; it gives up after a node budget and then claims nothing.
 */
import type { DayProblem, DayStaffMember } from '../../model/day-problem.ts';
import { DEFAULT_WEIGHTS, type ObjectiveWeights } from '../../model/options.ts';
import type { PatientScheduleModel } from './patient-schedule-model.ts';
import { patientScheduleCost, ScheduleDpScratch } from './patient-schedule-dp.ts';
import { patientScheduleModel } from './patient-schedule-model.ts';
import { timeGridMin } from './time-grid.ts';

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

const ZERO_WEIGHTS: ObjectiveWeights = { ...DEFAULT_WEIGHTS, unscheduled: 0, patientIdleMin: 0, patientOnSiteMin: 0, workloadImbalanceMin: 0,
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
  return new BookendCheck(problem, patients, new ScheduleDpScratch(), maxNodes).check();
}

/** The check, set up once, to run again with one patient's assessments changed (a drop). */
export class BookendCheck {
  readonly firstTypeId: string | undefined;
  readonly lastTypeId: string | undefined;
  private readonly L: number[] = [];
  private readonly G: number[] = [];
  private readonly levels: number[] = [];
  /** Need row of each patient who needs both ends (by patient index). */
  private readonly rows = new Map<number, number[]>();
  /** Earliest last-assessment start of each patient who needs the last but not the first (by patient index). */
  private readonly lastOnly = new Map<number, number>();
  constructor(problem: DayProblem, patients: readonly BookendPatient[], private readonly scratch = new ScheduleDpScratch(), private readonly maxNodes = BOOKEND_MAX_NODES) {
    const firstTypeId = problem.precedences.find((r) => r.after === '*' && r.before !== '*')?.before;
    const lastTypeId = problem.precedences.find((r) => r.before === '*' && r.after !== '*')?.after;
    const first = problem.assessmentTypes.find((t) => t.id === firstTypeId);
    const last = problem.assessmentTypes.find((t) => t.id === lastTypeId);
    if (!first || !last || first.id === last.id || first.groupCapacity > 1 || last.groupCapacity > 1) return;
    this.firstTypeId = first.id;
    this.lastTypeId = last.id;
    const involved = patients.flatMap((patient, p) => (this.needsLast(patient) ? [p] : []));
    if (involved.length === 0) return;
    const { mdt, checkInBufferMin, openMin, closeMin } = problem.centre;
    const untilMin = Math.min(mdt.startMin, closeMin);
    const staff = usableStaff(problem);
    const earliestMin = Math.max(openMin, Math.min(...involved.map((p) => problem.patients[p]!.earliestArrivalMin + checkInBufferMin)));
    const grid = timeGridMin(problem);
    const canFirst = startsSomeoneCanTake(problem, involved, first.id, grid, scratch.timeLeft);
    const canLast = startsSomeoneCanTake(problem, involved, last.id, grid, scratch.timeLeft);
    this.L = earliestPacking(staff.filter((s) => s.qualifications.includes(first.qualification)), first.durationMin, earliestMin, untilMin, grid, canFirst).slice(0, patients.length);
    this.G = latestPacking(staff.filter((s) => s.qualifications.includes(last.qualification)), last.durationMin, untilMin, grid, canLast).slice(0, patients.length);
    this.levels = [...new Set(this.L)];
    for (const p of involved) this.add(p, patients[p]!, this.rows, this.lastOnly);
  }

  /** Can everyone have their whole day, as far as the two ends tell? */
  check(): BookendResult {
    return this.search([...this.rows.values()], [...this.lastOnly.values()], this.maxNodes);
  }

  /** The same with patient `p`'s assessments replaced (e.g. one dropped), within `maxNodes`. */
  checkWith(p: number, patient: BookendPatient, maxNodes = this.maxNodes): BookendResult {
    if (this.firstTypeId === undefined) return this.search([], [], maxNodes);
    const rows = new Map([...this.rows].filter(([q]) => q !== p));
    const lastOnly = new Map([...this.lastOnly].filter(([q]) => q !== p));
    this.add(p, patient, rows, lastOnly);
    return this.search([...rows.values()], [...lastOnly.values()], maxNodes);
  }

  /** Patients the check involves (with a last assessment), by index. */
  involved(): number[] {
    return [...this.rows.keys(), ...this.lastOnly.keys()];
  }

  /**
   * How many of the involved patients at least must lose something (one assessment or more
   * each) before the two ends can pair up: taking a patient out altogether is the most any
   * drop of theirs can relax the check, so if no k patients can be taken out to leave a
   * pairing, every plan leaves something out for k + 1 of them or more. First by counting: for
   * a first level a and a time t, the patients who would need a last slot at t or later if
   * they started at level a or later either take one of the first slots before level a or one
   * of the last slots at t or later, and each one taken out lowers the count by one at most.
   * Then by the exhaustive search, allowed to leave k patients out, for k = that count, k + 1,
   * … until it finds a pairing or runs out of `maxNodes`. 0 when nothing is proved.
   */
  minPatientsOut(maxNodes = this.maxNodes): number {
    if (this.firstTypeId === undefined) return 0;
    const rows = [...this.rows.values()];
    const lastOnly = [...this.lastOnly.values()].sort((a, b) => a - b);
    const n = rows.length + lastOnly.length;
    if (n === 0) return 0;
    const thresholds = [...new Set([...rows.flat(), ...lastOnly].filter((t) => t > -Infinity))];
    let proved = 0;
    for (let a = 0; a < this.levels.length; a++) {
      const firstBefore = this.L.filter((t) => t < this.levels[a]!).length;
      for (const t of thresholds) {
        const count = rows.filter((row) => row[a]! >= t).length + lastOnly.filter((x) => x >= t).length;
        proved = Math.max(proved, count - firstBefore - this.G.filter((g) => g >= t).length);
      }
    }
    if (this.L.length < rows.length || this.G.length < n) return proved; // the counts above cover too few slots
    const levelOf = this.L.map((t) => this.levels.indexOf(t));
    let nodesLeft = maxNodes;
    for (let k = proved; k < n; k++) {
      // Out of the patients without a first assessment, the latest needing go first (exchange).
      let pairs = false;
      for (let r = 0; r <= Math.min(k, lastOnly.length) && !pairs; r++) {
        const result = searchRanks(rows, levelOf.slice(0, rows.length), lastOnly.slice(0, lastOnly.length - r), this.G.slice(0, n), Math.max(1, nodesLeft), k - r);
        nodesLeft -= result.nodes;
        if (!result.infeasible) pairs = true;
      }
      if (pairs) break;
      proved = k + 1;
    }
    return proved;
  }

  /**
   * A patient with both ends takes a first rank and a last rank; one with only the last still
   * takes a last slot (their review is booked like everyone's); one with only the first needs
   * nothing here (the packing bounds the i-th earliest of any set of first starts, the
   * both-ends patients' alone included).
   */
  private add(p: number, patient: BookendPatient, rows: Map<number, number[]>, lastOnly: Map<number, number>): void {
    if (!this.needsLast(patient)) return;
    if (patient.placeableTypeIds.includes(this.firstTypeId!)) rows.set(p, this.needRow(patient));
    else lastOnly.set(p, patient.model ? earliestLastStart(patient.model, this.firstTypeId!, this.lastTypeId!, -Infinity, this.scratch).lastMin : -Infinity);
  }

  private needsLast(patient: BookendPatient): boolean {
    return this.firstTypeId !== undefined && patient.placeableTypeIds.includes(this.lastTypeId!);
  }

  /** need[a] = earliest last-assessment start for a first start ≥ level a (−Infinity: unknown). */
  private needRow(patient: BookendPatient): number[] {
    const m = patient.model;
    if (!m) return this.levels.map(() => -Infinity);
    const row: number[] = [];
    // A day found for one level, whose first assessment starts at or after the next levels too, answers for them.
    let found: { lastMin: number; firstMin: number } | undefined;
    for (const level of this.levels) {
      if (!found || found.firstMin < level) {
        found = earliestLastStart(m, this.firstTypeId!, this.lastTypeId!, level, this.scratch);
      }
      row.push(found.lastMin);
    }
    return row;
  }

  private search(need: number[][], lastOnly: number[], maxNodes: number): BookendResult {
    const { firstTypeId, lastTypeId } = this;
    const n = need.length;
    const m = lastOnly.length;
    if (firstTypeId === undefined || n + m === 0) return { everythingImpossible: false, nodes: 0, gaveUp: false };
    if (this.L.length < n || this.G.length < n + m) return { everythingImpossible: true, firstTypeId, lastTypeId, nodes: 0, gaveUp: false };
    const levelOf = this.L.map((t) => this.levels.indexOf(t));
    // Any group of patients must fit the first ranks 1..k and the last ranks 1..k by the same
    // argument, so when everyone is too many for the search, the hardest patients alone are tried
    // (with every last-only patient: they cost no branching).
    const hardest = need.map((_, p) => p).sort((x, y) => compareRows(need[y]!, need[x]!));
    let nodes = 0;
    let gaveUp = false;
    const sizes = n === 0 ? [0] : subsetSizes(n);
    for (const size of sizes) {
      const group = hardest.slice(0, size).map((p) => need[p]!);
      const budget = size === n && sizes.length > 1 ? Math.floor(maxNodes / 4) : maxNodes - nodes;
      const result = searchRanks(group, levelOf.slice(0, size), lastOnly, this.G.slice(0, size + m), Math.max(100, budget));
      nodes += result.nodes;
      if (result.infeasible) return { everythingImpossible: true, firstTypeId, lastTypeId, nodes, gaveUp: false };
      if (!result.gaveUp && size === n) break;
      gaveUp ||= result.gaveUp;
      if (nodes >= maxNodes) break;
    }
    return { everythingImpossible: false, firstTypeId, lastTypeId, nodes, gaveUp };
  }
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

/**
 * Starts of `typeId` that at least one of `patients` can take on the time grid: their day with
 * only that assessment and the meal has a start there (patient-schedule-dp.ts: window, opening
 * hours, MDT, staff on shift, and the meal's lunch window with the transfer between the two).
 * A review in the middle of lunch is none: with 30 min of meal inside the lunch window, before
 * or after it, some starts are out for everyone. Other assessments only take starts away, so a
 * drop never adds one (the check's patients are all who might need the assessment). Answers are
 * remembered per start; an unknown answer (the caller's time is up) is yes.
 */
function startsSomeoneCanTake(problem: DayProblem, patients: readonly number[], typeId: string, gridMin: number, timeLeft: (() => boolean) | undefined): (startMin: number) => boolean {
  const scratch = new ScheduleDpScratch(Infinity, timeLeft);
  const models = patients.flatMap((p) => {
    const patient = problem.patients[p]!;
    const model = patientScheduleModel(problem, patient, [{ typeId }], gridMin, ZERO_WEIGHTS);
    return model ? [model] : [];
  });
  const known = new Map<number, boolean>();
  return (startMin: number): boolean => {
    if (startMin % gridMin !== 0) return false; // plans on the grid suffice (time-grid.ts)
    let answer = known.get(startMin);
    if (answer !== undefined) return answer;
    answer = models.length < patients.length || models.some((model) => {
      const u = startMin / gridMin - model.startU;
      const k = model.items.findIndex((item) => item.typeId === typeId);
      if (k < 0 || u < 0 || u >= model.items[k]!.startCost.length || !Number.isFinite(model.items[k]!.startCost[u]!)) return false;
      const startCost = new Float64Array(model.items[k]!.startCost.length).fill(Infinity);
      startCost[u] = 0;
      const cost = patientScheduleCost({ ...model, items: model.items.map((item, i) => (i === k ? { ...item, startCost } : item)) }, ZERO_WEIGHTS, scratch);
      return !(cost === Infinity);
    });
    known.set(startMin, answer);
    return answer;
  };
}

/**
 * Starts of back-to-back activities of `durationMin`, each staff member from `fromMin` on, around
 * breaks and starts no patient can take (`allowed`), ending by `untilMin`; ascending. Each
 * staff member's k-th start is the earliest their k-th can be (greedy), so the i-th of all is
 * a lower bound on the i-th earliest start of any plan.
 */
function earliestPacking(staff: DayStaffMember[], durationMin: number, fromMin: number, untilMin: number, gridMin: number, allowed: (startMin: number) => boolean): number[] {
  const starts: number[] = [];
  for (const s of staff) {
    const end = Math.min(s.shift.endMin, untilMin);
    let t = Math.max(s.shift.startMin, fromMin);
    while (t + durationMin <= end) {
      const clash = s.breaks.find((b) => b.startMin < t + durationMin && b.endMin > t);
      if (clash) { t = clash.endMin; continue; }
      if (!allowed(t)) { t += gridMin; continue; }
      starts.push(t);
      t += durationMin;
    }
  }
  return starts.sort((a, b) => a - b);
}

/** Starts of back-to-back activities of `durationMin` packed as late as possible before `untilMin`, around breaks and starts no patient can take; descending. */
function latestPacking(staff: DayStaffMember[], durationMin: number, untilMin: number, gridMin: number, allowed: (startMin: number) => boolean): number[] {
  const starts: number[] = [];
  for (const s of staff) {
    let t = Math.min(s.shift.endMin, untilMin) - durationMin;
    while (t >= s.shift.startMin) {
      const clash = s.breaks.find((b) => b.startMin < t + durationMin && b.endMin > t);
      if (clash) { t = clash.startMin - durationMin; continue; }
      if (!allowed(t)) { t -= gridMin; continue; }
      starts.push(t);
      t -= durationMin;
    }
  }
  return starts.sort((a, b) => b - a);
}

/**
 * The earliest start of `lastTypeId` over the patient's days whose `firstTypeId` starts at or
 * after `fromMin` (Infinity: none), and, among those days, the latest first start. Ties are
 * broken inside the DP cost: last start in whole units plus a fraction that falls as the first
 * start grows (units never exceed the horizon, so the fraction stays below one unit).
 */
function earliestLastStart(model: PatientScheduleModel, firstTypeId: string, lastTypeId: string, fromMin: number, scratch: ScheduleDpScratch): { lastMin: number; firstMin: number } {
  const g = model.gridMin;
  const U = model.spanU;
  const items = model.items.map((item) => {
    const startCost = new Float64Array(item.startCost.length);
    for (let u = 0; u < startCost.length; u++) {
      const allowed = Number.isFinite(item.startCost[u]!) && (item.typeId !== firstTypeId || (model.startU + u) * g >= fromMin);
      startCost[u] = !allowed ? Infinity : item.typeId === lastTypeId ? u : item.typeId === firstTypeId ? (U - u) / (U + 2) : 0;
    }
    return { ...item, startCost };
  });
  const cost = patientScheduleCost({ ...model, items }, ZERO_WEIGHTS, scratch);
  // Out of work budget: unknown (no coupling claimed, for this level or later ones).
  if (Number.isNaN(cost)) return { lastMin: -Infinity, firstMin: Infinity };
  if (!Number.isFinite(cost)) return { lastMin: Infinity, firstMin: Infinity };
  const lastU = Math.floor(cost + 1e-9);
  const firstU = U - Math.round((cost - lastU) * (U + 2));
  return { lastMin: (model.startU + lastU) * g, firstMin: (model.startU + firstU) * g };
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
 * that failed once is not searched again. Exhaustive up to `maxNodes`. `fixed` are the
 * thresholds of patients who take a last slot but no first rank (decided from the start).
 */
function searchRanks(need: number[][], levelOf: number[], fixed: readonly number[], G: number[], maxNodes: number, skips = 0): { infeasible: boolean; nodes: number; gaveUp: boolean } {
  const levelCount = need[0]?.length ?? 0;
  const freeAtLevel = new Int32Array(levelCount);
  for (const a of levelOf) freeAtLevel[a]! += 1;
  const slots = [...G].sort((a, b) => b - a);
  const latestSlot = slots[0] ?? -Infinity;
  // Slot groups (equal times), latest first; slotsAfter[g] = slots later than group g's time.
  const slotGroups = [...new Set(slots)];
  const groupTotal = slotGroups.length;
  const slotsAfter = new Int32Array(groupTotal);
  for (let g = 1; g < groupTotal; g++) slotsAfter[g] = slots.filter((t) => t > slotGroups[g]!).length;
  // A threshold's group: the latest group at or after it (−1: after every slot), stored shifted by one.
  const groupOf = (t: number): number => { let g = -1; for (let i = 0; i < groupTotal; i++) if (slotGroups[i]! >= t) g = i; return g; };
  // Hardest first; equal rows next to each other.
  const order = need.map((_, p) => p).sort((x, y) => compareRows(need[y]!, need[x]!));
  const rows = order.map((p) => need[p]!);
  const n = rows.length;
  const sameAsPrevious = rows.map((row, k) => k > 0 && compareRows(row, rows[k - 1]!) === 0);
  const needGroup = rows.map((row) => row.map(groupOf));
  const latestLevel = rows.map((row) => { for (let a = levelCount - 1; a >= 0; a--) if (row[a]! <= latestSlot) return a; return -1; });
  // Suffix counts over the undecided patients k..n−1.
  const W = groupTotal + 1;
  const sufGroup = Array.from({ length: n + 1 }, () => new Int32Array(levelCount * W));
  const sufLatest = Array.from({ length: n + 1 }, () => new Int32Array(levelCount + 1));
  for (let k = n - 1; k >= 0; k--) {
    sufGroup[k]!.set(sufGroup[k + 1]!);
    sufLatest[k]!.set(sufLatest[k + 1]!);
    for (let a = 0; a < levelCount; a++) sufGroup[k]![a * W + needGroup[k]![a]! + 1]! += 1;
    sufLatest[k]![latestLevel[k]! + 1]! += 1;
  }
  const level = new Int32Array(n).fill(-1);
  const groupCount = new Int32Array(groupTotal); // decided patients per threshold group
  for (const t of fixed) {
    const group = groupOf(t);
    if (group < 0) return { infeasible: true, nodes: 0, gaveUp: false };
    groupCount[group]! += 1;
  }
  let nodes = 0;
  let gaveUp = false;
  let skipsLeft = skips;
  const failed = new Set<string>();

  const cutOk = (from: number): boolean => {
    const undecided = sufGroup[from]!;
    const latest = sufLatest[from]!;
    // Each count below may exceed its room by the patients still to be left out (skipsLeft).
    if (latest[0]! > skipsLeft) return false; // someone has no usable level at all
    const firstFree = freeAtLevel.findIndex((c) => c > 0);
    if (from < n && firstFree < 0) return n - from <= skipsLeft;
    // Undecided latest usable levels must cover the free levels (nested sets).
    let withLatestUpTo = 0;
    let freeUpTo = 0;
    for (let a = 0; a < levelCount; a++) {
      withLatestUpTo += latest[a + 1]!;
      freeUpTo += freeAtLevel[a]!;
      if (withLatestUpTo > freeUpTo + skipsLeft) return false;
    }
    // Thresholds later than group g's time need the slots later than it: decided ones as
    // decided, undecided ones at the earliest free level, or (a ≥ 1) at level a unless they
    // take a free level before a.
    let decidedAfter = 0;
    for (let g = 0; g < groupTotal; g++) {
      if (g > 0) decidedAfter += groupCount[g - 1]!;
      const room = slotsAfter[g]! - decidedAfter;
      if (room < 0) return false;
      if (from < n) {
        let atFirst = 0;
        for (let x = 0; x <= g; x++) atFirst += undecided[firstFree * W + x]!;
        if (atFirst > room + skipsLeft) return false;
      }
      let earlyFree = 0;
      for (let a = 1; a < levelCount; a++) {
        earlyFree += freeAtLevel[a - 1]!;
        let critical = 0;
        for (let x = 0; x <= g; x++) critical += undecided[a * W + x]!;
        if (critical > earlyFree + room + skipsLeft) return false;
      }
    }
    return true;
  };

  const dfs = (k: number): boolean => {
    if (++nodes > maxNodes) { gaveUp = true; return true; }
    if (!cutOk(k)) return false;
    if (k === n) return true;
    // Among equal patients, levels rise in order and those left out come last.
    const fromLevel = sameAsPrevious[k] ? level[k - 1]! : 0;
    const key = `${k}|${fromLevel}|${skipsLeft}|${freeAtLevel.join(',')}|${groupCount.join(',')}`;
    if (failed.has(key)) return false;
    for (let a = Math.max(0, fromLevel); fromLevel !== SKIPPED && a < levelCount; a++) {
      const group = needGroup[k]![a]!;
      if (freeAtLevel[a] === 0 || group < 0) continue;
      freeAtLevel[a]! -= 1;
      groupCount[group]! += 1;
      level[k] = a;
      const ok = dfs(k + 1);
      freeAtLevel[a]! += 1;
      groupCount[group]! -= 1;
      if (ok) return true;
    }
    if (skipsLeft > 0) {
      skipsLeft -= 1;
      level[k] = SKIPPED;
      const ok = dfs(k + 1);
      skipsLeft += 1;
      if (ok) return true;
    }
    level[k] = -1;
    failed.add(key);
    return false;
  };
  const feasible = dfs(0);
  return { infeasible: !feasible && !gaveUp, nodes, gaveUp };
}

/** A patient left out of the search (searchRanks with skips). */
const SKIPPED = -2;

function compareRows(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
