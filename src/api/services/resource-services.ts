// The centre-owned resources and their cross-record checks.
import type { Knex } from 'knex';
import { z } from 'zod';
import { assessmentTypes } from '../../db/repositories/assessment-types.ts';
import { patients } from '../../db/repositories/patients.ts';
import { precedenceRules } from '../../db/repositories/precedence-rules.ts';
import { rooms } from '../../db/repositories/rooms.ts';
import { shifts } from '../../db/repositories/shifts.ts';
import { staffMembers } from '../../db/repositories/staff-members.ts';
import { vehicles } from '../../db/repositories/vehicles.ts';
import { careHomes } from '../../db/repositories/care-homes.ts';
import { outreachDays } from '../../db/repositories/outreach-days.ts';
import { plans } from '../../db/repositories/plans.ts';
import { lockDayStaffing } from '../../db/day-staffing-lock.ts';
import { careHomeCreateSchema, careHomeDocumentSchema, careHomeUpdateSchema } from '../../domain/care-home.ts';
import { defaultOutreachSettings, outreachDayCreateSchema, outreachDayDocumentSchema, outreachDayUpdateSchema } from '../../domain/outreach.ts';
import { assessmentTypeCreateSchema, assessmentTypeDocumentSchema, assessmentTypeUpdateSchema } from '../../domain/assessment-type.ts';
import { patientCreateSchema, patientDocumentSchema, patientUpdateSchema } from '../../domain/patient.ts';
import { precedenceRuleCreateSchema, precedenceRuleDocumentSchema, precedenceRuleUpdateSchema } from '../../domain/precedence-rule.ts';
import { idSchema, localDateSchema, minToTime, slugSchema, timeToMin } from '../../domain/primitives.ts';
import { roomCreateSchema, roomDocumentSchema, roomUpdateSchema } from '../../domain/room.ts';
import { shiftCreateSchema, shiftDocumentSchema, shiftUpdateSchema } from '../../domain/shift.ts';
import { staffMemberCreateSchema, staffMemberDocumentSchema, staffMemberUpdateSchema } from '../../domain/staff-member.ts';
import { vehicleCreateSchema, vehicleDocumentSchema, vehicleUpdateSchema } from '../../domain/vehicle.ts';
import { appError, type ErrorDetail } from '../../errors/app-error.ts';
import { centreScopedService } from './centre-scoped-service.ts';
import { patientListQuerySchema, patientSearchOf, type PatientListQuery } from './patient-search.ts';
import { requireInCentre } from './references.ts';

const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const staffService = centreScopedService({
  entity: 'staff member',
  repository: staffMembers,
  createSchema: staffMemberCreateSchema,
  updateSchema: staffMemberUpdateSchema,
  documentSchema: staffMemberDocumentSchema,
  listQuerySchema: z.strictObject({ discipline: slugSchema, active: queryBoolean }).partial(),
});

export const shiftService = centreScopedService({
  entity: 'shift',
  repository: shifts,
  createSchema: shiftCreateSchema,
  updateSchema: shiftUpdateSchema,
  documentSchema: shiftDocumentSchema,
  listQuerySchema: z.strictObject({ date: localDateSchema, staffId: idSchema }).partial(),
  // The staff member must work for this centre, and the shift must lie inside opening hours.
  async check(trx, centre, shift) {
    await requireInCentre(trx, staffMembers, centre.id, shift.staffId, 'staffId', 'staff member');
    const { start: open, end: close } = centre.openingHours;
    const problems: ErrorDetail[] = [];
    if (timeToMin(shift.start) < timeToMin(open)) problems.push({ path: 'start', message: `start (${shift.start}) is before the centre opens at ${open}` });
    if (timeToMin(shift.end) > timeToMin(close)) problems.push({ path: 'end', message: `end (${shift.end}) is after the centre closes at ${close}` });
    if (problems.length > 0) throw appError.validation(`Invalid shift: ${problems.map((p) => p.message).join('; ')}`, problems);
  },
});

export const roomService = centreScopedService({
  entity: 'room',
  repository: rooms,
  createSchema: roomCreateSchema,
  updateSchema: roomUpdateSchema,
  documentSchema: roomDocumentSchema,
  listQuerySchema: z.strictObject({ type: slugSchema }).partial(),
});

export const assessmentTypeService = centreScopedService({
  entity: 'assessment type',
  repository: assessmentTypes,
  createSchema: assessmentTypeCreateSchema,
  updateSchema: assessmentTypeUpdateSchema,
  documentSchema: assessmentTypeDocumentSchema,
  listQuerySchema: z.strictObject({ discipline: slugSchema, code: slugSchema }).partial(),
});

export const precedenceRuleService = centreScopedService({
  entity: 'precedence rule',
  repository: precedenceRules,
  createSchema: precedenceRuleCreateSchema,
  updateSchema: precedenceRuleUpdateSchema,
  documentSchema: precedenceRuleDocumentSchema,
  async check(trx, centre, rule) {
    for (const side of ['before', 'after'] as const) {
      if (rule[side] !== '*') await requireInCentre(trx, assessmentTypes, centre.id, rule[side], side, 'assessment type');
    }
  },
});

export const patientService = centreScopedService({
  entity: 'patient',
  repository: patients,
  createSchema: patientCreateSchema,
  updateSchema: patientUpdateSchema,
  documentSchema: patientDocumentSchema,
  listQuerySchema: patientListQuerySchema,
  search: (db, centreId, filters, page) => patients.search(db, centreId, patientSearchOf(filters as PatientListQuery), page),
  async check(trx, centre, patient) {
    if (patient.careHomeId) await requireInCentre(trx, careHomes, centre.id, patient.careHomeId, 'careHomeId', 'care home');
  },
});

export const careHomeService = centreScopedService({
  entity: 'care home',
  repository: careHomes,
  createSchema: careHomeCreateSchema,
  updateSchema: careHomeUpdateSchema,
  documentSchema: careHomeDocumentSchema,
  listQuerySchema: z.strictObject({ postcode: z.string() }).partial(),
});

/**
 * A team member who already has activities in the date's newest ICC day plan cannot also go out:
 * they would be at a care home and in the centre at once. The coordinator takes them off the ICC
 * day first (a replan with them off), then sends them out.
 */
async function refuseStaffBookedAtTheCentre(db: Knex, centreId: string, day: { date: string; staffIds: string[] }): Promise<void> {
  // In turn with the ICC day's plan writes: a version being saved now is seen, not missed.
  await lockDayStaffing(db, centreId, day.date);
  const iccPlan = await plans.latest(db, centreId, day.date, 'day');
  const activities = (iccPlan?.document as { plan?: { activities?: Array<{ staffId?: string; startMin: number; endMin: number }> } } | undefined)?.plan?.activities ?? [];
  const details: ErrorDetail[] = [];
  for (const [i, staffId] of day.staffIds.entries()) {
    const theirs = activities.filter((a) => a.staffId === staffId);
    if (theirs.length === 0) continue;
    const from = minToTime(Math.min(...theirs.map((a) => a.startMin)));
    const to = minToTime(Math.max(...theirs.map((a) => a.endMin)));
    const name = (await staffMembers.findById(db, centreId, staffId))?.name ?? staffId;
    details.push({ path: `staffIds.${i}`, message: `${name} has ${theirs.length} activities between ${from} and ${to} in the ICC day's plan (version ${iccPlan!.version}); replan the ICC day with them off first` });
  }
  if (details.length > 0) throw appError.conflict(`Staff booked at the centre on ${day.date} cannot go out to care homes that day`, details);
}

export const outreachDayService = centreScopedService({
  entity: 'outreach day',
  repository: outreachDays,
  createSchema: outreachDayCreateSchema,
  updateSchema: outreachDayUpdateSchema,
  documentSchema: outreachDayDocumentSchema,
  listQuerySchema: z.strictObject({ date: localDateSchema }).partial(),
  // The team works for this centre, and the date is not a day the centre is closed.
  async check(trx, centre, day) {
    const goOut = (centre.outreach ?? defaultOutreachSettings).disciplines;
    for (const [i, staffId] of day.staffIds.entries()) {
      const member = await requireInCentre(trx, staffMembers, centre.id, staffId, `staffIds.${i}`, 'staff member');
      if (!goOut.includes(member.discipline)) {
        const message = `${member.name}'s discipline '${member.discipline}' does not go out to care homes (the centre's outreach.disciplines: ${goOut.join(', ')})`;
        throw appError.validation(`Invalid outreach day: ${message}`, [{ path: `staffIds.${i}`, message }]);
      }
    }
    if (new Set(day.staffIds).size !== day.staffIds.length) throw appError.validation('Invalid outreach day: a staff member is listed twice', [{ path: 'staffIds', message: 'lists a staff member twice' }]);
    await refuseStaffBookedAtTheCentre(trx, centre.id, day);
  },
});

export const vehicleService = centreScopedService({
  entity: 'vehicle',
  repository: vehicles,
  createSchema: vehicleCreateSchema,
  updateSchema: vehicleUpdateSchema,
  documentSchema: vehicleDocumentSchema,
  async check(trx, centre, vehicle) {
    if (vehicle.driverStaffId) await requireInCentre(trx, staffMembers, centre.id, vehicle.driverStaffId, 'driverStaffId', 'staff member');
  },
});
