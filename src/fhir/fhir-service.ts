// The FHIR R4 read API over the centre's records: each resource type's search and read.
// Everything is read through the repositories; the resources are built in ./resources.
import type { Knex } from 'knex';
import { z } from 'zod';
import type { DayPlan } from '../../solver/index.ts';
import { assessmentTypes } from '../db/repositories/assessment-types.ts';
import { patients } from '../db/repositories/patients.ts';
import { plans } from '../db/repositories/plans.ts';
import { referralIdentifiers } from '../db/repositories/referral-identifiers.ts';
import { referralTransitions } from '../db/repositories/referral-transitions.ts';
import { referrals } from '../db/repositories/referrals.ts';
import { rooms } from '../db/repositories/rooms.ts';
import { shifts } from '../db/repositories/shifts.ts';
import { staffMembers } from '../db/repositories/staff-members.ts';
import type { Centre } from '../domain/centre.ts';
import { compactNhsNumber } from '../domain/nhs-number.ts';
import { postcodeMatcher } from '../domain/postcode.ts';
import type { Referral } from '../domain/referral.ts';
import { requireCentre } from '../api/services/centre-scoped-service.ts';
import {
  dateParam, dateRange, inRange, parseSearch, referencedId, resourceNotFound, searchsetBundle, singleParam, type SearchContext,
} from './fhir-search.ts';
import {
  appointmentId, appointmentResource, dateOfAppointmentId, parseSlotId, scheduleResource, shiftStretches, slotResources,
} from './resources/appointment-resource.ts';
import type { FhirResource } from './resources/fhir-resource.ts';
import { patientResource } from './resources/patient-resource.ts';
import { locationResource, practitionerResource } from './resources/practitioner-resource.ts';
import { serviceRequestResource, serviceRequestStatusOf } from './resources/service-request-resource.ts';
import { NHS_NUMBER_SYSTEM } from './uk-core.ts';

export const fhirResourceTypes = ['Patient', 'Practitioner', 'Location', 'Schedule', 'Slot', 'Appointment', 'ServiceRequest'] as const;
export type FhirResourceType = (typeof fhirResourceTypes)[number];

const lower = (s: string) => s.toLocaleLowerCase('en-GB');
/** A stored day plan's document holds { problem, plan, source }: the plan is the solver's DayPlan. */
const dayPlanOf = (stored: { document: Record<string, unknown> }) => stored.document.plan as DayPlan;
const summaryParam = z.enum(['true', 'false'], { message: 'must be true or false' });

/** The search parameters of each type (FHIR names), as the CapabilityStatement lists them. */
export const searchParams = {
  Patient: { identifier: singleParam, name: singleParam, 'address-postalcode': singleParam, birthdate: singleParam, _full: summaryParam },
  Practitioner: { name: singleParam },
  Location: { name: singleParam },
  Schedule: { actor: singleParam },
  Slot: { schedule: singleParam, start: dateParam, status: singleParam },
  Appointment: { date: dateParam, patient: singleParam, practitioner: singleParam, location: singleParam, status: singleParam },
  ServiceRequest: { patient: singleParam, status: singleParam, identifier: singleParam, authored: dateParam },
} satisfies Record<FhirResourceType, z.ZodRawShape>;

/** "system|value", "|value" or "value" → its parts. */
function tokenParts(token: string): { system?: string; value: string } {
  const bar = token.indexOf('|');
  return bar < 0 ? { value: token } : { ...(bar > 0 ? { system: token.slice(0, bar) } : {}), value: token.slice(bar + 1) };
}

// ---- Appointments: the published plans' activities -------------------------------------

interface DayContext {
  centre: Centre;
  typeNames: Map<string, string>;
  staffNames: Map<string, string>;
  roomNames: Map<string, string>;
  referralFor: (patientId: string, date: string) => Referral | undefined;
}

async function dayContext(db: Knex, centre: Centre): Promise<DayContext> {
  const [types, staff, roomList, referralList] = await Promise.all([
    assessmentTypes.list(db, centre.id), staffMembers.list(db, centre.id), rooms.list(db, centre.id), referrals.list(db, centre.id),
  ]);
  const bookings = new Map((await referralTransitions.listBookings(db, referralList.map((r) => r.id))).map((b) => [b.referralId, b]));
  return {
    centre,
    typeNames: new Map(types.map((t) => [t.code, t.name])),
    staffNames: new Map(staff.map((s) => [s.id, s.name])),
    roomNames: new Map(roomList.map((r) => [r.id, r.name])),
    // The referral holding that ICC day, else the patient's most recent one.
    referralFor: (patientId, date) => {
      const theirs = referralList.filter((r) => r.patientId === patientId);
      return theirs.find((r) => bookings.get(r.id)?.iccDate === date) ?? theirs.at(-1);
    },
  };
}

function appointmentsOf(context: DayContext, plan: { date: string; document: Record<string, unknown>; updatedAt: string }): FhirResource[] {
  const day = dayPlanOf(plan);
  return day.activities.filter((a) => a.kind !== 'meal').map((activity) => {
    const referral = context.referralFor(activity.patientId, plan.date);
    const staffName = activity.staffId ? context.staffNames.get(activity.staffId) : undefined;
    const roomName = context.roomNames.get(activity.roomId);
    return appointmentResource(activity, {
      centreId: context.centre.id,
      date: plan.date,
      timeZone: context.centre.timeZone,
      typeName: context.typeNames.get(activity.typeId) ?? activity.typeId,
      ...(staffName ? { staffName } : {}),
      ...(roomName ? { roomName } : {}),
      ...(referral ? { referral: { id: referral.id, status: referral.status } } : {}),
      lastUpdated: plan.updatedAt,
    });
  });
}

const participantIs = (resource: FhirResource, type: string, id: string) =>
  (resource.participant as Array<{ actor: { reference?: string } }>).some((p) => p.actor.reference === `${type}/${id}`);

// ---- Slots: shifts cut by the published plans ---------------------------------------------

async function slotsOfShifts(db: Knex, centre: Centre, shiftList: Awaited<ReturnType<typeof shifts.list>>): Promise<FhirResource[]> {
  const dates = [...new Set(shiftList.map((s) => s.date))].sort();
  const published = dates.length === 0 ? [] : await plans.listNewestPublished(db, centre.id, { from: dates[0]!, to: dates.at(-1)! });
  const dayByDate = new Map(published.map((p) => [p.date, dayPlanOf(p)]));
  return shiftList.flatMap((shift) => {
    const day = dayByDate.get(shift.date);
    const busy = day ? [
      ...day.activities.filter((a) => a.staffId === shift.staffId),
      ...(day.mdt.attendeeStaffIds.includes(shift.staffId) ? [day.mdt] : []),
    ] : [];
    return slotResources(shift, shiftStretches(shift, busy), centre.timeZone);
  });
}

// ---- ServiceRequests ----------------------------------------------------------------------

async function serviceRequestsOf(db: Knex, centre: Centre, list: Referral[]): Promise<FhirResource[]> {
  const ids = list.map((r) => r.id);
  const [bookings, identifiers] = await Promise.all([referralTransitions.listBookings(db, ids), referralIdentifiers.listFor(db, ids)]);
  const iccDate = new Map(bookings.map((b) => [b.referralId, b.iccDate]));
  return list.map((r) => serviceRequestResource(r, { centreName: centre.name, iccDate: iccDate.get(r.id) ?? null, identifiers: identifiers.get(r.id) ?? [] }));
}

// ---- The service --------------------------------------------------------------------------

export const fhirService = {
  async search(db: Knex, centreId: string, type: FhirResourceType, context: Omit<SearchContext, 'type'>): Promise<FhirResource> {
    const centre = await requireCentre(db, centreId);
    const { _count, _offset, ...p } = parseSearch(type, searchParams[type], context.query) as Record<string, unknown> & { _count?: number; _offset?: number };
    const matches = await searchMatches(db, centre, type, p);
    return searchsetBundle({ ...context, type }, matches, { ...(_count === undefined ? {} : { _count }), ...(_offset === undefined ? {} : { _offset }) });
  },

  async read(db: Knex, centreId: string, type: FhirResourceType, id: string, options: { full?: boolean } = {}): Promise<FhirResource> {
    const centre = await requireCentre(db, centreId);
    const found = await readOne(db, centre, type, id, options);
    if (!found) throw resourceNotFound(type, id);
    return found;
  },
};

async function searchMatches(db: Knex, centre: Centre, type: FhirResourceType, p: Record<string, unknown>): Promise<FhirResource[]> {
  const s = (name: string) => p[name] as string | undefined;
  switch (type) {
    case 'Patient': {
      const identifier = s('identifier') === undefined ? undefined : tokenParts(s('identifier')!);
      const name = s('name') === undefined ? undefined : lower(s('name')!);
      const postcode = s('address-postalcode') === undefined ? undefined : postcodeMatcher(s('address-postalcode')!);
      const list = (await patients.list(db, centre.id)).filter((patient) =>
        (!identifier || (identifier.system === undefined || identifier.system === NHS_NUMBER_SYSTEM ? patient.nhsNumber === compactNhsNumber(identifier.value) : false))
        && (!name || lower(`${patient.givenName} ${patient.familyName}`).includes(name))
        && (!postcode || postcode(patient.postcode))
        && (s('birthdate') === undefined || patient.dateOfBirth === s('birthdate')));
      return list.map((patient) => patientResource(patient, { full: s('_full') === 'true' }));
    }
    case 'Practitioner':
      return (await staffMembers.list(db, centre.id)).filter((m) => s('name') === undefined || lower(m.name).includes(lower(s('name')!))).map(practitionerResource);
    case 'Location':
      return (await rooms.list(db, centre.id)).filter((r) => s('name') === undefined || lower(r.name).includes(lower(s('name')!))).map((r) => locationResource(r, centre.name));
    case 'Schedule':
      return (await staffMembers.list(db, centre.id)).filter((m) => s('actor') === undefined || m.id === referencedId(s('actor')!, 'Practitioner')).map(scheduleResource);
    case 'Slot': {
      const range = dateRange(p.start as Parameters<typeof dateRange>[0]);
      const schedule = s('schedule') === undefined ? undefined : referencedId(s('schedule')!, 'Schedule');
      const shiftList = (await shifts.list(db, centre.id)).filter((shift) => inRange(shift.date, range) && (!schedule || shift.staffId === schedule));
      return (await slotsOfShifts(db, centre, shiftList)).filter((slot) => s('status') === undefined || slot.status === s('status'));
    }
    case 'Appointment': {
      const context = await dayContext(db, centre);
      const published = await plans.listNewestPublished(db, centre.id, dateRange(p.date as Parameters<typeof dateRange>[0]));
      return published.flatMap((plan) => appointmentsOf(context, plan)).filter((a) =>
        (s('patient') === undefined || participantIs(a, 'Patient', referencedId(s('patient')!, 'Patient')))
        && (s('practitioner') === undefined || participantIs(a, 'Practitioner', referencedId(s('practitioner')!, 'Practitioner')))
        && (s('location') === undefined || participantIs(a, 'Location', referencedId(s('location')!, 'Location')))
        && (s('status') === undefined || a.status === s('status')));
    }
    case 'ServiceRequest': {
      const range = dateRange(p.authored as Parameters<typeof dateRange>[0]);
      const patient = s('patient') === undefined ? undefined : referencedId(s('patient')!, 'Patient');
      let list = (await referrals.list(db, centre.id)).filter((r) => (!patient || r.patientId === patient)
        && inRange(r.referredDate, range)
        && (s('status') === undefined || serviceRequestStatusOf[r.status] === s('status')));
      if (s('identifier') !== undefined) {
        const { system, value } = tokenParts(s('identifier')!);
        const identifiers = await referralIdentifiers.listFor(db, list.map((r) => r.id));
        list = list.filter((r) => (system === undefined || system === 'urn:icc-scheduler:referral') && r.id === value
          || (identifiers.get(r.id) ?? []).some((i) => i.value === value && (system === undefined || i.system === system)));
      }
      return serviceRequestsOf(db, centre, list);
    }
  }
}

async function readOne(db: Knex, centre: Centre, type: FhirResourceType, id: string, options: { full?: boolean }): Promise<FhirResource | undefined> {
  switch (type) {
    case 'Patient': {
      const patient = await patients.findById(db, centre.id, id);
      return patient && patientResource(patient, options);
    }
    case 'Practitioner': {
      const member = await staffMembers.findById(db, centre.id, id);
      return member && practitionerResource(member);
    }
    case 'Schedule': {
      const member = await staffMembers.findById(db, centre.id, id);
      return member && scheduleResource(member);
    }
    case 'Location': {
      const room = await rooms.findById(db, centre.id, id);
      return room && locationResource(room, centre.name);
    }
    case 'Slot': {
      const parts = parseSlotId(id);
      const shift = parts && (await shifts.findById(db, centre.id, parts.shiftId));
      return shift && (await slotsOfShifts(db, centre, [shift])).find((slot) => slot.id === id);
    }
    case 'Appointment': {
      const date = dateOfAppointmentId(id);
      const plan = date && (await plans.listNewestPublished(db, centre.id, { from: date, to: date }))[0];
      if (!plan) return undefined;
      const day = dayPlanOf(plan);
      if (!day.activities.some((a) => appointmentId(centre.id, plan.date, a.id) === id)) return undefined;
      return appointmentsOf(await dayContext(db, centre), plan).find((a) => a.id === id);
    }
    case 'ServiceRequest': {
      const referral = await referrals.findById(db, centre.id, id);
      return referral && (await serviceRequestsOf(db, centre, [referral]))[0];
    }
  }
}
