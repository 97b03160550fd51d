/**
 * One patient's day as the exact single-patient bound sees it (patient-schedule-dp.ts):
 * every placeable assessment plus the meal, on the time grid (time-grid.ts), with the
 * starts each may take. A start is allowed when the patient's rules allow it (on-site
 * window, opening hours, the MDT for assessments, the lunch window for the meal, the
 * replanning time, a pin) and some qualified staff member is on shift, off break and free to
 * attend the MDT for the whole activity. Other patients are ignored here.
 */
import { MEAL_TYPE_ID, type DayPatient, type DayProblem, type DayStaffMember, type RequiredAssessment } from '../../model/day-problem.ts';
import type { ObjectiveWeights } from '../../model/options.ts';

export interface ScheduleItem {
  typeId: string;
  isMeal: boolean;
  /** Duration in grid units. */
  durationU: number;
  /** Index into PatientScheduleModel.roomTypes. */
  roomType: number;
  qualification: string | undefined;
  /** 1 for one-to-one; a group session's capacity otherwise. */
  groupCapacity: number;
  /** Cost added when starting at unit u (index u − startU): Infinity where the start is not allowed; else the certain named-clinician/carer penalties there. */
  startCost: Float64Array;
}

export interface PatientScheduleModel {
  patient: DayPatient;
  gridMin: number;
  /** First unit a start may use; arrays are indexed from here. */
  startU: number;
  /** Units covered (last end ≤ startU + spanU). */
  spanU: number;
  items: ScheduleItem[];
  roomTypes: string[];
  /** predMask[k]: items that must end before item k starts. */
  predMask: Int32Array;
  /**
   * The lags timed exactly: those after one item (`before`, the one with the longest lag);
   * needU[k] = units item k must start after before's end (0: none). Lags after other items
   * count as plain order.
   */
  lag: { before: number; needU: Int32Array } | undefined;
  transferU: number;
  /** 0 when the patient has no rest rule. */
  maxConsecutive: number;
  restU: number;
  checkInMin: number;
}

/** Largest number of items the exact bound handles (2^n subsets in its state). */
export const MAX_SCHEDULE_ITEMS = 10;

/**
 * The model of `patient` placing every one of `placeable` and their meal, or undefined when
 * the exact bound does not apply (too many items, a pin it cannot read, a zero duration).
 */
export function patientScheduleModel(problem: DayProblem, patient: DayPatient, placeable: readonly RequiredAssessment[], gridMin: number, weights: ObjectiveWeights): PatientScheduleModel | undefined {
  const { centre } = problem;
  const g = gridMin;
  const pins = new Map((problem.pins ?? []).filter((p) => p.patientId === patient.id).map((p) => [p.typeId, p]));
  const typeIds = new Set(placeable.map((r) => r.typeId));
  for (const typeId of pins.keys()) if (typeId !== MEAL_TYPE_ID && !typeIds.has(typeId)) return undefined;
  const needsMeal = patient.needsMeal !== false;
  if (pins.has(MEAL_TYPE_ID) && !needsMeal) return undefined;
  const firstMin = Math.max(centre.openMin, patient.earliestArrivalMin + centre.checkInBufferMin);
  const lastMin = Math.min(centre.closeMin, patient.latestDepartureMin);
  const startU = Math.ceil(firstMin / g);
  const endU = Math.floor(lastMin / g);
  if (endU <= startU) return undefined;
  const spanU = endU - startU;
  const mdtStart = centre.mdt.startMin;
  const mdtEnd = mdtStart + centre.mdt.durationMin;
  const usable = problem.staff.filter((s) => !s.mdtMember || (s.shift.startMin <= mdtStart && s.shift.endMin >= mdtEnd
    && s.breaks.every((b) => b.endMin <= mdtStart || b.startMin >= mdtEnd)));

  const roomTypes: string[] = [];
  const roomIndex = (type: string): number => {
    let i = roomTypes.indexOf(type);
    if (i < 0) { i = roomTypes.length; roomTypes.push(type); }
    return i;
  };
  const items: ScheduleItem[] = [];
  const requirements: Array<RequiredAssessment | undefined> = [];
  const seen = new Set<string>();
  for (const r of placeable) {
    if (seen.has(r.typeId)) continue;
    seen.add(r.typeId);
    const type = problem.assessmentTypes.find((t) => t.id === r.typeId);
    if (!type) return undefined;
    const pin = pins.get(r.typeId);
    const durationMin = pin?.durationMin ?? type.durationMin;
    const lo = pin ? firstMin : Math.max(firstMin, problem.replanFromMin ?? firstMin);
    const hi = Math.min(lastMin, mdtStart);
    const qualified = usable.filter((s) => s.qualifications.includes(type.qualification) && (!pin?.staffId || s.id === pin.staffId));
    const named = r.preferredStaffId !== undefined ? problem.staff.find((s) => s.id === r.preferredStaffId && s.qualifications.includes(type.qualification) && usable.includes(s)) : undefined;
    const carer = r.carerRequired ? patient.carerPresent : undefined;
    const startCost = new Float64Array(spanU + 1).fill(Infinity);
    for (let u = 0; u <= spanU; u++) {
      const t = (startU + u) * g;
      if (t < lo || t + durationMin > hi || (pin && t !== pin.startMin)) continue;
      if (!qualified.some((s) => staffFree(s, t, t + durationMin))) continue;
      let cost = 0;
      if (r.preferredStaffId !== undefined && !(named && staffFree(named, t, t + durationMin))) cost += weights.namedClinicianMissed;
      if (r.carerRequired && !(carer && t >= carer.startMin && t + durationMin <= carer.endMin)) cost += weights.carerAbsent;
      startCost[u] = cost;
    }
    items.push({ typeId: r.typeId, isMeal: false, durationU: durationMin / g, roomType: roomIndex(type.roomType), qualification: type.qualification,
      groupCapacity: Math.max(1, type.groupCapacity), startCost });
    requirements.push(r);
  }
  if (needsMeal) {
    const pin = pins.get(MEAL_TYPE_ID);
    const durationMin = pin?.durationMin ?? centre.mealDurationMin;
    const lo = Math.max(pin ? firstMin : Math.max(firstMin, problem.replanFromMin ?? firstMin), centre.lunchWindow.startMin);
    const hi = Math.min(lastMin, centre.lunchWindow.endMin);
    const startCost = new Float64Array(spanU + 1).fill(Infinity);
    for (let u = 0; u <= spanU; u++) {
      const t = (startU + u) * g;
      if (t >= lo && t + durationMin <= hi && (!pin || t === pin.startMin)) startCost[u] = 0;
    }
    items.push({ typeId: MEAL_TYPE_ID, isMeal: true, durationU: durationMin / g, roomType: roomIndex(centre.mealRoomType), qualification: undefined, groupCapacity: 1, startCost });
  }
  if (items.length > MAX_SCHEDULE_ITEMS || items.some((i) => !Number.isInteger(i.durationU) || i.durationU <= 0)) return undefined;
  // Nothing ends after the last allowed end: trim the horizon there.
  let lastEndU = 0;
  for (const item of items) for (let u = spanU; u >= 0; u--) if (Number.isFinite(item.startCost[u]!)) { lastEndU = Math.max(lastEndU, u + item.durationU); break; }
  const trimmedSpanU = Math.min(spanU, lastEndU);
  for (const item of items) item.startCost = item.startCost.slice(0, trimmedSpanU + 1);

  // Precedence among the clinical items ('*' never covers the meal), as in precedenceWithLag.
  const predMask = new Int32Array(items.length);
  const lagU: Int32Array[] = items.map(() => new Int32Array(items.length));
  const clinical = items.map((it, k) => (it.isMeal ? -1 : k)).filter((k) => k >= 0);
  for (const rule of problem.precedences) {
    if (rule.before === '*' && rule.after === '*') continue;
    const befores = rule.before === '*' ? clinical.filter((k) => items[k]!.typeId !== rule.after) : clinical.filter((k) => items[k]!.typeId === rule.before);
    const afters = rule.after === '*' ? clinical.filter((k) => items[k]!.typeId !== rule.before) : clinical.filter((k) => items[k]!.typeId === rule.after);
    if (rule.before !== '*' && rule.after !== '*' && (befores.length === 0 || afters.length === 0)) continue;
    for (const b of befores) {
      for (const a of afters) {
        if (a === b) continue;
        predMask[a]! |= 1 << b;
        lagU[b]![a] = Math.max(lagU[b]![a]!, Math.ceil(rule.minLagMin / g));
      }
    }
  }
  const lag = longestLag(lagU);
  return {
    patient, gridMin: g, startU, spanU: trimmedSpanU, items, roomTypes, predMask, lag,
    transferU: Math.ceil(centre.transferMin / g),
    // A rest of 0 minutes is any gap: the rule then never binds.
    maxConsecutive: patient.rest && patient.rest.maxConsecutive > 0 && patient.rest.minRestMin > 0 ? patient.rest.maxConsecutive : 0,
    restU: patient.rest ? Math.ceil(patient.rest.minRestMin / g) : 0,
    checkInMin: centre.checkInBufferMin,
  };
}

/** On shift and off break for all of [startMin, endMin). */
function staffFree(staff: DayStaffMember, startMin: number, endMin: number): boolean {
  if (startMin < staff.shift.startMin || endMin > staff.shift.endMin) return false;
  return staff.breaks.every((b) => b.endMin <= startMin || b.startMin >= endMin);
}

/**
 * The lag the schedule model tracks exactly: the item whose minimum lags to others (`lagU[b][a]`,
 * in grid units) reach furthest, with those lags; undefined when no rule has a lag.
 */
export function longestLag(lagU: readonly Int32Array[]): PatientScheduleModel['lag'] {
  let lag: PatientScheduleModel['lag'];
  let longest = 0;
  lagU.forEach((needU, b) => {
    const most = Math.max(0, ...needU);
    if (most > longest) {
      longest = most;
      lag = { before: b, needU };
    }
  });
  return lag;
}
