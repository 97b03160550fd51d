// Appointment (each assessment of a published day plan), Schedule (a staff member's) and Slot
// (their shift cut into busy, free and on-break stretches by the published plan).
import { createHash } from 'node:crypto';
import type { PlannedActivity } from '../../../solver/index.ts';
import type { ReferralStatus } from '../../domain/referral.ts';
import type { Shift } from '../../domain/shift.ts';
import type { StaffMember } from '../../domain/staff-member.ts';
import { timeToMin } from '../../domain/primitives.ts';
import { minutesToInstant } from '../../feeds/minutes-to-instant.ts';
import { fhirInstant, metaOf, ref, type FhirResource } from './fhir-resource.ts';

/** Plan minutes of `date` in the centre's zone → a FHIR instant with its offset (e.g. 2026-06-01T09:30:00+01:00). */
export const instantOf = (date: string, minutes: number, timeZone: string) => fhirInstant(minutesToInstant(date, minutes, timeZone).toISOString());

/**
 * A stable FHIR id for an activity of a day: the date (so a read knows which plan to open) and
 * a hash of the centre, date and activity id (an activity id holds a colon, which FHIR ids may not).
 */
export function appointmentId(centreId: string, date: string, activityId: string): string {
  return `${date.replaceAll('-', '')}-${createHash('sha256').update(`${centreId}|${date}|${activityId}`).digest('hex').slice(0, 16)}`;
}

/** The date an appointment id names, or undefined for an id this API did not make. */
export function dateOfAppointmentId(id: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})-[0-9a-f]{16}$/.exec(id);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** What the referral's pathway says about the day: booked until attended (fulfilled) or not (noshow, cancelled). */
export function appointmentStatusOf(referralStatus: ReferralStatus | undefined): 'booked' | 'fulfilled' | 'noshow' | 'cancelled' {
  switch (referralStatus) {
    case 'attended': case 'mdt-outcome-recorded': case 'follow-up-booked': case 'follow-up': case 'discharged': return 'fulfilled';
    case 'did-not-attend': return 'noshow';
    case 'cancelled': case 'declined': return 'cancelled';
    default: return 'booked';
  }
}

export interface AppointmentContext {
  centreId: string;
  date: string;
  timeZone: string;
  typeName: string;
  staffName?: string;
  roomName?: string;
  referral?: { id: string; status: ReferralStatus };
  lastUpdated: string;
}

const PRIMARY_PERFORMER = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PPRF', display: 'primary performer' }] };

export function appointmentResource(activity: PlannedActivity, context: AppointmentContext): FhirResource {
  const { date, timeZone } = context;
  const participant = (actor: object, type?: object) => ({ ...(type ? { type: [type] } : {}), actor, required: 'required', status: 'accepted' });
  return {
    resourceType: 'Appointment',
    id: appointmentId(context.centreId, date, activity.id),
    meta: metaOf('Appointment', context.lastUpdated),
    status: appointmentStatusOf(context.referral?.status),
    serviceType: [{ text: context.typeName }],
    description: `${context.typeName} at the integrated care centre`,
    start: instantOf(date, activity.startMin, timeZone),
    end: instantOf(date, activity.endMin, timeZone),
    minutesDuration: activity.endMin - activity.startMin,
    ...(context.referral ? { basedOn: [ref('ServiceRequest', context.referral.id)] } : {}),
    participant: [
      participant(ref('Patient', activity.patientId)),
      ...(activity.staffId ? [participant(ref('Practitioner', activity.staffId, context.staffName), PRIMARY_PERFORMER)] : []),
      participant(ref('Location', activity.roomId, context.roomName)),
    ],
  };
}

export function scheduleResource(member: StaffMember): FhirResource {
  return {
    resourceType: 'Schedule',
    id: member.id,
    meta: metaOf('Schedule', member.updatedAt),
    active: member.active,
    serviceType: [{ text: member.discipline }],
    actor: [ref('Practitioner', member.id, member.name)],
    comment: `${member.name}'s working time at the centre: its Slots are the shifts, busy where the published plan books them`,
  };
}

export type SlotStatus = 'free' | 'busy' | 'busy-unavailable';
export interface Stretch { startMin: number; endMin: number; status: SlotStatus }

/**
 * A shift cut into stretches: breaks are busy-unavailable, what the published plan books
 * (activities, the MDT) busy, the rest free; neighbours of one status are merged.
 */
export function shiftStretches(shift: Shift, busy: Array<{ startMin: number; endMin: number }>): Stretch[] {
  const start = timeToMin(shift.start);
  const end = timeToMin(shift.end);
  const statusAt = new Array<SlotStatus>(end - start).fill('free');
  const mark = (from: number, to: number, status: SlotStatus) => {
    for (let m = Math.max(from, start); m < Math.min(to, end); m++) if (statusAt[m - start] !== 'busy-unavailable') statusAt[m - start] = status;
  };
  for (const b of shift.breaks) mark(timeToMin(b.start), timeToMin(b.end), 'busy-unavailable');
  for (const b of busy) mark(b.startMin, b.endMin, 'busy');
  const stretches: Stretch[] = [];
  statusAt.forEach((status, i) => {
    const last = stretches.at(-1);
    if (last && last.status === status) last.endMin = start + i + 1;
    else stretches.push({ startMin: start + i, endMin: start + i + 1, status });
  });
  return stretches;
}

/** Slot ids: the shift's id and the stretch's index ("<shift uuid>-3"). */
export const slotId = (shiftId: string, index: number) => `${shiftId}-${index}`;
export function parseSlotId(id: string): { shiftId: string; index: number } | undefined {
  const match = /^([0-9a-f-]{36})-(\d{1,4})$/i.exec(id);
  return match ? { shiftId: match[1]!, index: Number(match[2]) } : undefined;
}

export function slotResources(shift: Shift, stretches: Stretch[], timeZone: string): FhirResource[] {
  return stretches.map((s, index) => ({
    resourceType: 'Slot',
    id: slotId(shift.id, index),
    meta: metaOf('Slot', shift.updatedAt),
    schedule: ref('Schedule', shift.staffId),
    status: s.status,
    start: instantOf(shift.date, s.startMin, timeZone),
    end: instantOf(shift.date, s.endMin, timeZone),
  }));
}
