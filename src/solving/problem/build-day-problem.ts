// From the centre's entity documents to the solver's DayProblem for one date. Pure: no I/O,
// no clock; the same documents and date always give the same problem.
import type { AssessmentTypeCreate } from '../../domain/assessment-type.ts';
import type { CentreCreate } from '../../domain/centre.ts';
import type { PatientCreate } from '../../domain/patient.ts';
import { patientInitials } from '../../domain/patient.ts';
import type { PrecedenceRuleCreate } from '../../domain/precedence-rule.ts';
import type { PreVisitCreate } from '../../domain/pre-visit.ts';
import { timeToMin, type LocalWindow } from '../../domain/primitives.ts';
import type { ReferralCreate } from '../../domain/referral.ts';
import type { RoomCreate } from '../../domain/room.ts';
import type { ShiftCreate } from '../../domain/shift.ts';
import type { StaffMemberCreate } from '../../domain/staff-member.ts';
import { parseDayProblem } from '../../domain/day-problem-schema.ts';
import { AppError } from '../../errors/app-error.ts';
import {
  MEAL_TYPE_ID,
  type DayPatient,
  type DayPin,
  type DayProblem,
  type DayStaffMember,
  type MinuteWindow,
  type RequiredAssessment,
} from '../../../solver/index.ts';
import { daysBetween, isoWeekday } from '../../domain/local-date.ts';
import { patientPriority } from './patient-priority.ts';

/** An entity document with the id it is stored under. Stored rows (with timestamps) fit too. */
export type WithId<T> = T & { id: string };

/** A patient-specific window, local "HH:MM". */
export interface PatientWindow {
  patientId: string;
  window: LocalWindow;
}

/** Everything the day problem is built from, as the data layer returns it. */
export interface DayProblemEntities {
  centre: WithId<CentreCreate>;
  staff: Array<WithId<StaffMemberCreate>>;
  /** Shifts of any dates; only those on the plan date are used. */
  shifts: ShiftCreate[];
  rooms: Array<WithId<RoomCreate>>;
  assessmentTypes: Array<WithId<AssessmentTypeCreate>>;
  precedenceRules: Array<WithId<PrecedenceRuleCreate>>;
  /** The patients attending on the plan date. */
  patients: Array<WithId<PatientCreate>>;
  /** Their referrals (other patients' referrals are ignored). */
  referrals: Array<WithId<ReferralCreate>>;
  /** Pre-visit outcomes, one per referral. */
  preVisits: Array<PreVisitCreate & { referralId: string }>;
  /** From the transport planner: when a transported patient can be on site (narrower than the default). */
  transportWindows?: PatientWindow[];
  /** When a carer can only be there part of the day. */
  carerWindows?: PatientWindow[];
  /** A coordinator's pins; `typeId` is an assessment type's code or id, or 'meal'. */
  pins?: DayPin[];
}

export interface BuildDayProblemOptions {
  /** On-site window of a patient who comes by their own means. Default 09:00–16:30. */
  ownMeansWindow?: LocalWindow;
}

/** Default on-site window for own-means patients: arrive from 09:00, home by 16:30. */
export const DEFAULT_OWN_MEANS_WINDOW: LocalWindow = { start: '09:00', end: '16:30' };

/** Referrals in these states no longer bring the patient to the ICC. */
const closedReferralStatuses = new Set(['declined', 'cancelled', 'discharged']);

/**
 * Contradictory input: `path` names the offending field, e.g. "preVisits" or "pins[2].typeId".
 * An AppError (400, validation_failed), so the API answers it with the field in `details`.
 */
export class DayProblemInputError extends AppError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super({ code: 'validation_failed', status: 400, message: `${path}: ${message}`, details: [{ path, message }] });
    this.name = 'DayProblemInputError';
  }
}

function minuteWindow(w: LocalWindow): MinuteWindow {
  return { startMin: timeToMin(w.start), endMin: timeToMin(w.end) };
}

function describePatient(p: WithId<PatientCreate>): string {
  return `patient ${p.localRef} (id ${p.id})`;
}

/**
 * Builds the solver's DayProblem for `date` from entity documents.
 *
 * - times: local "HH:MM" → minutes from local midnight;
 * - assessment types are identified by their `code` in the problem;
 * - staff: active members with a shift on `date` who hold a qualification the catalogue uses;
 * - priority: see `patientPriority` (eFI, urgency, days waited until `date`);
 * - rest: the centre's rest rule for moderately and severely frail patients;
 * - on-site window: the transport planner's window if given; otherwise opening hours for
 *   transported patients (generous, until transport narrows it) and `ownMeansWindow` for the rest;
 * - carer present: the carer window if given, else the whole on-site window when the carer attends;
 * - max on site: the centre's `maxOnSiteMin`.
 *
 * @throws DayProblemInputError naming the field when the documents contradict each other
 *   (closed date, patient without referral or pre-visit outcome, unknown type or staff ids, …).
 * @example buildDayProblem(await loadDayEntities(db, centreId, '2026-12-01'), '2026-12-01')
 */
export function buildDayProblem(input: DayProblemEntities, date: string, options: BuildDayProblemOptions = {}): DayProblem {
  const { centre } = input;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new DayProblemInputError('date', `must be "YYYY-MM-DD", got "${date}"`);
  if (centre.closedDates.includes(date)) throw new DayProblemInputError('date', `the centre is closed on ${date} (centre.closedDates)`);
  if (!centre.openWeekdays.includes(isoWeekday(date))) {
    throw new DayProblemInputError('date', `the centre does not run ICC days on ${date}: ISO weekday ${isoWeekday(date)} is not in centre.openWeekdays`);
  }

  const typeById = new Map(input.assessmentTypes.map((t) => [t.id, t]));
  const typeCodes = new Set(input.assessmentTypes.map((t) => t.code));
  const codeOf = (typeId: string, path: string): string => {
    const type = typeById.get(typeId);
    if (!type) throw new DayProblemInputError(path, `unknown assessment type id "${typeId}"`);
    return type.code;
  };

  const openMin = timeToMin(centre.openingHours.start);
  const closeMin = timeToMin(centre.openingHours.end);
  const mdtRoom = input.rooms.find((r) => r.type === 'mdt');

  const problem: DayProblem = {
    date,
    centre: {
      id: centre.id,
      name: centre.name,
      openMin,
      closeMin,
      lunchWindow: minuteWindow(centre.lunchWindow),
      mealDurationMin: centre.mealDurationMin,
      mealRoomType: centre.mealRoomType,
      mdt: { startMin: timeToMin(centre.mdt.start), durationMin: centre.mdt.durationMin, ...(mdtRoom ? { roomId: mdtRoom.id } : {}) },
      transferMin: centre.transferMin,
      checkInBufferMin: centre.checkInBufferMin,
    },
    assessmentTypes: input.assessmentTypes.map((t) => ({
      id: t.code,
      name: t.name,
      discipline: t.discipline,
      kind: t.kind,
      durationMin: t.durationMin,
      roomType: t.roomType,
      qualification: t.qualification,
      groupCapacity: t.groupCapacity,
    })),
    precedences: input.precedenceRules.map((rule, i) => ({
      id: rule.id,
      before: rule.before === '*' ? '*' : codeOf(rule.before, `precedenceRules[${i}].before`),
      after: rule.after === '*' ? '*' : codeOf(rule.after, `precedenceRules[${i}].after`),
      minLagMin: rule.minLagMin,
      ...(rule.reason !== null ? { reason: rule.reason } : {}),
    })),
    staff: dayStaff(input, date),
    rooms: input.rooms.map((r) => ({ id: r.id, name: r.name, type: r.type, capacity: r.capacity })),
    patients: input.patients.map((p, i) => dayPatient(input, p, i, date, options, codeOf)),
  };
  if (input.pins && input.pins.length > 0) problem.pins = input.pins.map((pin, i) => dayPin(pin, i, typeById, typeCodes));
  // Final check of references and ranges; throws naming the path in the problem document.
  return parseDayProblem(problem);
}

function dayStaff(input: DayProblemEntities, date: string): DayStaffMember[] {
  const usedQualifications = new Set(input.assessmentTypes.map((t) => t.qualification));
  const staffById = new Map(input.staff.map((s) => [s.id, s]));
  const shiftByStaff = new Map<string, ShiftCreate>();
  input.shifts.forEach((shift, i) => {
    if (shift.date !== date) return;
    if (!staffById.has(shift.staffId)) throw new DayProblemInputError(`shifts[${i}].staffId`, `unknown staff member "${shift.staffId}"`);
    if (shiftByStaff.has(shift.staffId)) {
      throw new DayProblemInputError(`shifts[${i}]`, `staff member "${staffById.get(shift.staffId)!.name}" has two shifts on ${date}`);
    }
    shiftByStaff.set(shift.staffId, shift);
  });
  return input.staff.flatMap((member) => {
    const shift = shiftByStaff.get(member.id);
    if (!shift || !member.active || !member.qualifications.some((q) => usedQualifications.has(q))) return [];
    return [{
      id: member.id,
      name: member.name,
      discipline: member.discipline,
      qualifications: [...member.qualifications],
      shift: minuteWindow(shift),
      breaks: shift.breaks.map(minuteWindow),
      mdtMember: member.mdtMember,
    }];
  });
}

function dayPatient(
  input: DayProblemEntities,
  patient: WithId<PatientCreate>,
  index: number,
  date: string,
  options: BuildDayProblemOptions,
  codeOf: (typeId: string, path: string) => string,
): DayPatient {
  const { centre } = input;
  if (patient.unavailableDates.includes(date)) {
    throw new DayProblemInputError(`patients[${index}].unavailableDates`, `${describePatient(patient)} is unavailable on ${date}`);
  }
  const referral = input.referrals
    .filter((r) => r.patientId === patient.id && !closedReferralStatuses.has(r.status))
    .sort((a, b) => (a.referredDate === b.referredDate ? a.id.localeCompare(b.id) : b.referredDate.localeCompare(a.referredDate)))[0];
  if (!referral) throw new DayProblemInputError('referrals', `no open referral for ${describePatient(patient)}`);
  const preVisitIndex = input.preVisits.findIndex((v) => v.referralId === referral.id);
  const preVisit = input.preVisits[preVisitIndex];
  if (!preVisit) {
    throw new DayProblemInputError('preVisits', `no pre-visit outcome for ${describePatient(patient)} (referral ${referral.id}): the pre-visit decides what they need`);
  }
  const path = `preVisits[${preVisitIndex}]`;

  const namedClinician = new Map(preVisit.namedClinicians.map((n) => [n.assessmentTypeId, n.staffId]));
  const carerRequired = new Set(preVisit.carerRequiredFor);
  preVisit.carerRequiredFor.forEach((typeId, j) => codeOf(typeId, `${path}.carerRequiredFor[${j}]`));
  const required: RequiredAssessment[] = preVisit.requiredAssessmentTypeIds.map((typeId, j) => {
    const requirement: RequiredAssessment = { typeId: codeOf(typeId, `${path}.requiredAssessmentTypeIds[${j}]`) };
    const staffId = namedClinician.get(typeId);
    if (staffId !== undefined) requirement.preferredStaffId = staffId;
    if (carerRequired.has(typeId)) requirement.carerRequired = true;
    return requirement;
  });

  const onSite = onSiteWindow(input, patient.id, preVisit.transportNeeded, options);
  const dayPatientDoc: DayPatient = {
    id: patient.id,
    ref: patient.localRef,
    initials: patientInitials(patient),
    priority: patientPriority({ efiCategory: patient.efiCategory, urgent: referral.urgent, daysWaited: daysBetween(referral.referredDate, date) }),
    earliestArrivalMin: onSite.startMin,
    latestDepartureMin: onSite.endMin,
    maxOnSiteMin: centre.maxOnSiteMin,
    required,
    needsMeal: true,
  };
  if (centre.restRule && (patient.efiCategory === 'moderate' || patient.efiCategory === 'severe')) dayPatientDoc.rest = { ...centre.restRule };
  const carerWindow = input.carerWindows?.find((w) => w.patientId === patient.id);
  if (carerWindow) dayPatientDoc.carerPresent = minuteWindow(carerWindow.window);
  else if (preVisit.carerAttending) dayPatientDoc.carerPresent = { ...onSite };
  return dayPatientDoc;
}

function onSiteWindow(input: DayProblemEntities, patientId: string, transportNeeded: boolean, options: BuildDayProblemOptions): MinuteWindow {
  const transport = input.transportWindows?.findIndex((w) => w.patientId === patientId) ?? -1;
  if (transport >= 0) return minuteWindow(input.transportWindows![transport]!.window);
  if (transportNeeded) return minuteWindow(input.centre.openingHours);
  return minuteWindow(options.ownMeansWindow ?? DEFAULT_OWN_MEANS_WINDOW);
}

function dayPin(pin: DayPin, index: number, typeById: Map<string, WithId<AssessmentTypeCreate>>, typeCodes: Set<string>): DayPin {
  let typeId = pin.typeId;
  if (typeId !== MEAL_TYPE_ID && !typeCodes.has(typeId)) {
    const type = typeById.get(typeId);
    if (!type) throw new DayProblemInputError(`pins[${index}].typeId`, `unknown assessment type "${pin.typeId}"`);
    typeId = type.code;
  }
  return { ...pin, typeId };
}
