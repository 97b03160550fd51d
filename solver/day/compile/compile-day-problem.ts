/**
 * Turns a DayProblem into flat, index-based arrays for the search: one entry per activity
 * (each patient's required assessments and meal), the staff and rooms that could host it,
 * its static time window, and its precedence pairs with lags ('*' expanded per patient).
 * Anything that can never be placed (unknown type, nobody qualified, no room of the type,
 * an empty window) is reported here once, with its reason, instead of inside the search.
 */
import { MEAL_TYPE_ID } from '../../model/day-problem.ts';
import type { DayAssessmentType, DayPin, DayProblem } from '../../model/day-problem.ts';
import type { UnscheduledAssessment } from '../../model/day-plan.ts';
import type { ObjectiveWeights } from '../../model/options.ts';
import { validateDayProblemInput } from './validate-day-problem-input.ts';
import { formatMinutes } from '../../model/format-minutes.ts';

export interface PrecedenceArc {
  /** The other activity (before it for `preds`, after it for `succs`). */
  other: number;
  lagMin: number;
}

export interface CompiledDay {
  problem: DayProblem;
  weights: ObjectiveWeights;
  /** No activity ends after this minute. */
  horizonMin: number;
  activityCount: number;
  activityId: string[];
  activityTypeId: string[];
  activityKind: Array<'assessment' | 'diagnostic' | 'meal'>;
  activityPatient: Int32Array;
  durationMin: Int32Array;
  /** Static earliest start and latest end, through precedence (e.g. everything ends in time for the review after it). */
  earliestStartMin: Int32Array;
  latestEndMin: Int32Array;
  /**
   * The activity's own window, before precedence narrows it: what binds once the activities
   * it precedes (or follows) are left out, since precedence only links placed activities.
   */
  ownEarliestStartMin: Int32Array;
  ownLatestEndMin: Int32Array;
  /** Indices into problem.staff (empty for the meal). */
  staffOptions: number[][];
  /** Indices into problem.rooms. */
  roomOptions: number[][];
  /** Group size limit (1 = one-to-one). */
  groupCapacity: Int32Array;
  preferredStaff: Int32Array;
  carerRequired: Uint8Array;
  preds: PrecedenceArc[][];
  succs: PrecedenceArc[][];
  /** Pinned activities (placed first, never moved). */
  pin: Array<DayPin | undefined>;
  /** Activities of each patient. */
  patientActivities: number[][];
  patientPriority: Float64Array;
  /** Check-in buffer before the first activity, and the on-site limit (arrival = first start − buffer). */
  checkInMin: number;
  maxOnSiteMin: Int32Array;
  restMaxConsecutive: Int32Array;
  restMinMin: Int32Array;
  transferMin: number;
  /** Booked minutes are compared within each discipline (workload balance). */
  staffDiscipline: Int32Array;
  disciplineCount: number;
  /** Assessments that can never be placed, with their reasons. */
  impossible: UnscheduledAssessment[];
  /** Their unscheduled penalty (a constant of every plan). */
  impossibleCost: number;
}

/** Compiles the problem; throws an Error naming the field on malformed input. */
export function compileDayProblem(problem: DayProblem, weights: ObjectiveWeights): CompiledDay {
  validateDayProblemInput(problem);
  const { centre } = problem;
  const typeById = new Map(problem.assessmentTypes.map((t) => [t.id, t]));
  const mdtStart = centre.mdt.startMin;
  const mdtEnd = mdtStart + centre.mdt.durationMin;

  const staffCoversMdt = problem.staff.map(
    (s) => s.shift.startMin <= mdtStart && s.shift.endMin >= mdtEnd && s.breaks.every((b) => b.endMin <= mdtStart || b.startMin >= mdtEnd),
  );
  const disciplines = new Map<string, number>();
  const staffDiscipline = Int32Array.from(problem.staff, (s) => {
    if (!disciplines.has(s.discipline)) disciplines.set(s.discipline, disciplines.size);
    return disciplines.get(s.discipline)!;
  });

  let horizonMin = centre.closeMin;
  for (const p of problem.patients) horizonMin = Math.max(horizonMin, p.latestDepartureMin);
  for (const s of problem.staff) horizonMin = Math.max(horizonMin, s.shift.endMin);

  const pinByKey = new Map<string, DayPin>();
  for (const pin of problem.pins ?? []) pinByKey.set(`${pin.patientId}:${pin.typeId}`, pin);

  const activityId: string[] = [];
  const activityTypeId: string[] = [];
  const activityKind: CompiledDay['activityKind'] = [];
  const patientOf: number[] = [];
  const duration: number[] = [];
  const earliest: number[] = [];
  const latest: number[] = [];
  const staffOptions: number[][] = [];
  const roomOptions: number[][] = [];
  const groupCap: number[] = [];
  const preferred: number[] = [];
  const carer: number[] = [];
  const pins: Array<DayPin | undefined> = [];
  const patientActivities: number[][] = [];
  const impossible: UnscheduledAssessment[] = [];
  const staffIndex = new Map(problem.staff.map((s, i) => [s.id, i]));

  problem.patients.forEach((patient, p) => {
    const own: number[] = [];
    patientActivities.push(own);
    const lo = Math.max(centre.openMin, patient.earliestArrivalMin + centre.checkInBufferMin);
    const hi = Math.min(centre.closeMin, patient.latestDepartureMin);
    const seen = new Set<string>();
    const add = (typeId: string, type: DayAssessmentType | undefined, extra: { preferredStaffId?: string; carerRequired?: boolean }) => {
      const isMeal = type === undefined;
      // When replanning, nothing that is not pinned can start in the past.
      const pinned = pinByKey.has(`${patient.id}:${typeId}`);
      const notBefore = pinned ? lo : Math.max(lo, problem.replanFromMin ?? lo);
      const startLo = isMeal ? Math.max(notBefore, centre.lunchWindow.startMin) : notBefore;
      const endHi = isMeal ? Math.min(hi, centre.lunchWindow.endMin) : Math.min(hi, mdtStart);
      const d = pinByKey.get(`${patient.id}:${typeId}`)?.durationMin ?? (isMeal ? centre.mealDurationMin : type.durationMin);
      const staff = isMeal
        ? []
        : problem.staff.flatMap((s, i) => (s.qualifications.includes(type.qualification) && (!s.mdtMember || staffCoversMdt[i]) ? [i] : []));
      const roomType = isMeal ? centre.mealRoomType : type.roomType;
      const rooms = problem.rooms.flatMap((r, i) => (r.type === roomType ? [i] : []));
      const unscheduled = (reason: UnscheduledAssessment['reason'], message: string) =>
        impossible.push({ patientId: patient.id, typeId, reason, message });
      if (!isMeal && !problem.staff.some((s) => s.qualifications.includes(type.qualification)))
        return unscheduled('no-qualified-staff', `Nobody on shift holds the '${type.qualification}' qualification for ${type.name}.`);
      if (!isMeal && staff.length === 0)
        return unscheduled('no-qualified-staff', `Every clinician qualified for ${type.name} is off shift during the MDT at ${clock(mdtStart)}, which they would have to attend.`);
      if (rooms.length === 0) return unscheduled('no-room', `There is no room of type '${roomType}' for ${isMeal ? 'the meal' : type.name}.`);
      if (startLo + d > endHi) {
        const why = isMeal
          ? `the lunch window ${clock(centre.lunchWindow.startMin)}–${clock(centre.lunchWindow.endMin)} does not overlap the patient's time on site enough for a ${d}-minute meal`
          : `only ${Math.max(0, endHi - startLo)} minutes lie between the patient's earliest start ${clock(startLo)} and ${endHi === mdtStart ? `the MDT at ${clock(mdtStart)}` : `departure ${clock(endHi)}`}, and it takes ${d}`;
        return unscheduled(endHi === mdtStart && !isMeal ? 'after-mdt' : 'window-too-tight', `${isMeal ? 'Meal' : type.name} cannot fit: ${why}.`);
      }
      const a = activityId.length;
      own.push(a);
      activityId.push(`${patient.id}:${typeId}`);
      activityTypeId.push(typeId);
      activityKind.push(isMeal ? 'meal' : type.kind);
      patientOf.push(p);
      duration.push(d);
      earliest.push(startLo);
      latest.push(endHi);
      staffOptions.push(staff);
      roomOptions.push(rooms);
      groupCap.push(isMeal ? 1 : Math.max(1, type.groupCapacity));
      preferred.push(extra.preferredStaffId !== undefined ? (staffIndex.get(extra.preferredStaffId) ?? -1) : -1);
      carer.push(extra.carerRequired ? 1 : 0);
      pins.push(pinByKey.get(`${patient.id}:${typeId}`));
    };
    for (const req of patient.required) {
      if (seen.has(req.typeId)) continue; // one activity per patient and type
      seen.add(req.typeId);
      const type = typeById.get(req.typeId);
      if (!type) {
        impossible.push({ patientId: patient.id, typeId: req.typeId, reason: 'unknown-type', message: `Assessment type '${req.typeId}' is not in the catalogue.` });
        continue;
      }
      add(req.typeId, type, req);
    }
    if (patient.needsMeal !== false) add(MEAL_TYPE_ID, undefined, {});
  });

  const n = activityId.length;
  const preds: PrecedenceArc[][] = Array.from({ length: n }, () => []);
  const succs: PrecedenceArc[][] = Array.from({ length: n }, () => []);
  for (const own of patientActivities) {
    const clinical = own.filter((a) => activityKind[a] !== 'meal');
    const ofType = (typeId: string) => clinical.filter((a) => activityTypeId[a] === typeId);
    for (const rule of problem.precedences) {
      const afters = rule.after === '*' ? clinical.filter((a) => activityTypeId[a] !== rule.before) : ofType(rule.after);
      const befores = rule.before === '*' ? clinical.filter((a) => activityTypeId[a] !== rule.after) : ofType(rule.before);
      if (rule.before !== '*' && rule.after !== '*' && (befores.length === 0 || afters.length === 0)) continue;
      for (const b of befores)
        for (const a of afters) {
          if (a === b) continue;
          preds[a]!.push({ other: b, lagMin: rule.minLagMin });
          succs[b]!.push({ other: a, lagMin: rule.minLagMin });
        }
    }
  }

  // Deadlines flow backwards through precedence: an activity must end early enough for its
  // successors to fit before their own deadlines (e.g. everything before the geriatrician's
  // review, which is last and must end by the MDT). Earliest starts flow forwards likewise.
  const latestEnd = Int32Array.from(latest);
  const earliestStart = Int32Array.from(earliest);
  for (let pass = 0, changed = true; changed && pass < 50; pass++) {
    changed = false;
    for (let a = 0; a < n; a++)
      for (const arc of succs[a]!) {
        const gap = Math.max(arc.lagMin, centre.transferMin);
        const deadline = latestEnd[arc.other]! - duration[arc.other]! - gap;
        if (deadline < latestEnd[a]!) {
          latestEnd[a] = deadline;
          changed = true;
        }
        const release = earliestStart[a]! + duration[a]! + gap;
        if (release > earliestStart[arc.other]!) {
          earliestStart[arc.other] = release;
          changed = true;
        }
      }
  }

  return {
    problem,
    weights,
    horizonMin,
    activityCount: n,
    activityId,
    activityTypeId,
    activityKind,
    activityPatient: Int32Array.from(patientOf),
    durationMin: Int32Array.from(duration),
    earliestStartMin: earliestStart,
    latestEndMin: latestEnd,
    ownEarliestStartMin: Int32Array.from(earliest),
    ownLatestEndMin: Int32Array.from(latest),
    staffOptions,
    roomOptions,
    groupCapacity: Int32Array.from(groupCap),
    preferredStaff: Int32Array.from(preferred),
    carerRequired: Uint8Array.from(carer),
    preds,
    succs,
    pin: pins,
    patientActivities,
    patientPriority: Float64Array.from(problem.patients, (p) => p.priority),
    checkInMin: centre.checkInBufferMin,
    maxOnSiteMin: Int32Array.from(problem.patients, (p) => p.maxOnSiteMin),
    restMaxConsecutive: Int32Array.from(problem.patients, (p) => p.rest?.maxConsecutive ?? 0),
    restMinMin: Int32Array.from(problem.patients, (p) => p.rest?.minRestMin ?? 0),
    transferMin: centre.transferMin,
    staffDiscipline,
    disciplineCount: disciplines.size,
    impossible,
    impossibleCost: impossible.reduce((sum, item) => sum + weights.unscheduled * (problem.patients.find((x) => x.id === item.patientId)?.priority ?? 1), 0),
  };
}

/** 'HH:MM' for messages. */
export function clock(min: number): string {
  return formatMinutes(min);
}
