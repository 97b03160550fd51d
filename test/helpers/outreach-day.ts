// An outreach day on the demo centre made through the API, for tests' set-up: residents of
// Ashcourt Care Home, each referred with a pre-visit asking for the ANP, a medication review and
// the geriatrician, and a team of one ANP, pharmacist and geriatrician on shift that day.
import type { Express } from 'express';
import request from 'supertest';
import { patientBody } from './fixtures.ts';

export interface SeededOutreachDay {
  residentIds: string[];
  /** The assessment type's record id for a catalogue code. */
  typeId: (code: string) => string;
  teamStaffIds: string[];
}

/** `refs` name the residents (local references); `nhsSeed(i)` gives each a distinct test NHS number. */
export async function seedOutreachDay(app: Express, centreId: string, day: string, refs: string[], nhsSeed: (i: number) => number): Promise<SeededOutreachDay> {
  const api = (path: string) => `/api/centres/${centreId}${path}`;
  const home = ((await request(app).get(api('/care-homes')).expect(200)).body as Array<{ id: string; name: string; addressLines: string[] }>).find((h) => h.name === 'Ashcourt Care Home')!;
  const types = (await request(app).get(api('/assessment-types')).expect(200)).body as Array<{ id: string; code: string }>;
  const typeId = (code: string) => types.find((t) => t.code === code)!.id;
  const residentIds: string[] = [];
  for (const [i, ref] of refs.entries()) {
    const resident = (await request(app).post(api('/patients')).send(patientBody(nhsSeed(i), { localRef: ref, careHomeResident: true, careHomeId: home.id, addressLines: home.addressLines })).expect(201)).body;
    residentIds.push(resident.id);
    const referral = (await request(app).post(api('/referrals')).send({ patientId: resident.id, referrer: { kind: 'care-home', name: 'Ashcourt senior carer' }, referredDate: '2026-11-16', urgent: true }).expect(201)).body;
    await request(app).put(api(`/referrals/${referral.id}/pre-visit`)).send({
      visitDate: '2026-11-25', requiredAssessmentTypeIds: ['anp-initial', 'medication-review', 'geriatrician-review'].map(typeId),
      consentRecordAccess: true, consentSpeakToCarers: true, carerAttending: false, mobility: 'walking-aid', dietaryNeeds: [], transportNeeded: false,
    }).expect(200);
  }
  const staff = (await request(app).get(api('/staff')).expect(200)).body as Array<{ id: string; discipline: string }>;
  const onShift = new Set(((await request(app).get(api(`/shifts?date=${day}`)).expect(200)).body as Array<{ staffId: string }>).map((s) => s.staffId));
  const teamStaffIds = ['anp', 'pharmacy', 'geriatrician'].map((d) => staff.find((s) => s.discipline === d && onShift.has(s.id))!.id);
  await request(app).post(api('/outreach-days')).send({ date: day, staffIds: teamStaffIds, maxResidents: 4 }).expect(201);
  return { residentIds, typeId, teamStaffIds };
}
