// A demo care-home resident through the outreach pathway via the API, on both databases:
// referral, pre-visit, booked to an outreach day (not an ICC day, so no transport), the day
// planned (team from the centre to the home and back), published, the printable round, the
// resident assessed and the MDT outcome recorded; replanning when a resident is unwell.
import request from 'supertest';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { demoCentreApi, patientBody } from '../../helpers/fixtures.ts';

const START = '2026-11-30'; // Monday: the demo rota's first day
const DAY = '2026-12-02'; // the outreach day, a Wednesday

describeEachDatabase('care-home outreach walkthrough API', (getDb) => {
  const { app, api, centreId } = demoCentreApi(getDb, START);

  it('takes a care-home resident from referral to a published outreach day', async () => {
    // The demo's care homes, and a new resident of one of them.
    const homes = (await request(app()).get(api('/care-homes')).expect(200)).body as Array<{ id: string; name: string; addressLines: string[] }>;
    expect(homes.map((h) => h.name)).toContain('Ashcourt Care Home');
    const home = homes.find((h) => h.name === 'Ashcourt Care Home')!;
    const resident = (await request(app()).post(api('/patients')).send(patientBody(7101, { localRef: 'CH-WALK', careHomeResident: true, careHomeId: home.id, addressLines: home.addressLines })).expect(201)).body;
    const referral = (await request(app()).post(api('/referrals')).send({ patientId: resident.id, referrer: { kind: 'care-home', name: 'Ashcourt senior carer' }, referredDate: '2026-11-16', urgent: true }).expect(201)).body;
    const transitions = api(`/referrals/${referral.id}/transitions`);

    // The pre-visit decides what the team brings.
    const types = (await request(app()).get(api('/assessment-types')).expect(200)).body as Array<{ id: string; code: string }>;
    const typeId = (code: string) => types.find((t) => t.code === code)!.id;
    await request(app()).put(api(`/referrals/${referral.id}/pre-visit`)).send({
      visitDate: '2026-11-25', requiredAssessmentTypeIds: ['anp-initial', 'bloods', 'medication-review', 'geriatrician-review'].map(typeId),
      consentRecordAccess: true, consentSpeakToCarers: true, carerAttending: false, mobility: 'walking-aid', dietaryNeeds: [], transportNeeded: false,
    }).expect(200);

    // The outreach team that day: an ANP, a phlebotomist, a pharmacist and a geriatrician on shift.
    const staff = (await request(app()).get(api('/staff')).expect(200)).body as Array<{ id: string; discipline: string }>;
    const onShift = new Set(((await request(app()).get(api(`/shifts?date=${DAY}`)).expect(200)).body as Array<{ staffId: string }>).map((s) => s.staffId));
    const team = ['anp', 'phlebotomy', 'pharmacy', 'geriatrician'].map((d) => staff.find((s) => s.discipline === d && onShift.has(s.id))!.id);
    await request(app()).post(api('/outreach-days')).send({ date: DAY, staffIds: team, maxResidents: 4 }).expect(201);

    // Booked to the outreach day, never to an ICC day.
    const icc = (await request(app()).post(api('/bookings/plan')).send({ from: START, days: 14 }).expect(200)).body;
    expect(icc.proposals.map((p: { referralId: string }) => p.referralId)).not.toContain(referral.id);
    const proposal = (await request(app()).post(api('/outreach-bookings/plan')).send({ from: START, days: 14 }).expect(200)).body;
    const mine = proposal.proposals.find((p: { referralId: string }) => p.referralId === referral.id);
    expect(mine, JSON.stringify(proposal.unbooked)).toMatchObject({ outreachDate: DAY, careHomeId: home.id, pinned: false });
    const confirmed = (await request(app()).post(api('/outreach-bookings/confirm')).send({ proposals: [{ referralId: referral.id, outreachDate: DAY }] }).expect(200)).body;
    expect(confirmed.confirmed).toEqual([{ referralId: referral.id, status: 'day-booked', outreachDate: DAY }]);
    const pathway = (await request(app()).get(transitions).expect(200)).body;
    expect(pathway.booking).toEqual({ preVisitDate: null, iccDate: null, outreachDate: DAY });

    // Planned: the team drives out to the home and back; ANP first, geriatrician last.
    const planned = await request(app()).post(api(`/days/${DAY}/outreach-plan`)).send({ patientIds: [resident.id], maxIterations: 200 }).expect(201);
    expect(planned.headers.etag).toBe('"1"');
    const plan = planned.body.plan;
    expect(plan.unscheduled).toEqual([]);
    const visit = (code: string) => plan.visits.find((v: { typeId: string }) => v.typeId === code);
    expect(plan.visits).toHaveLength(4);
    expect(visit('anp-initial').endMin).toBeLessThanOrEqual(visit('bloods').startMin);
    expect(visit('geriatrician-review').startMin).toBeGreaterThanOrEqual(visit('bloods').endMin + 60);
    expect(visit('geriatrician-review').startMin).toBeGreaterThanOrEqual(visit('medication-review').endMin);
    expect(plan.homesVisited).toEqual([home.id]);
    expect(plan.rounds.every((r: { legs: Array<{ fromId: string; toId: string }> }) => r.legs[0]!.fromId === centreId() && r.legs.at(-1)!.toId === centreId())).toBe(true);
    expect(planned.body.homes[0]).toMatchObject({ id: home.id, name: 'Ashcourt Care Home', address: home.addressLines.join(', ') });

    // Published like an ICC day's plan: If-Match required, then a new published version.
    await request(app()).post(api(`/days/${DAY}/outreach-plan/publish`)).expect(428);
    await request(app()).post(api(`/days/${DAY}/outreach-plan/publish`)).set('If-Match', '"7"').expect(412);
    const published = await request(app()).post(api(`/days/${DAY}/outreach-plan/publish`)).set('If-Match', '"1"').expect(200);
    expect(published.body).toMatchObject({ version: 2, status: 'published' });
    expect((await request(app()).get(api(`/days/${DAY}/outreach-plan?status=published`)).expect(200)).body.version).toBe(2);

    // The team's printable round names the home, its address and the resident by reference only.
    const round = await request(app()).get(api(`/days/${DAY}/outreach-round.html`)).expect(200);
    expect(round.headers['content-type']).toMatch(/text\/html/);
    expect(round.text).toContain('Ashcourt Care Home');
    expect(round.text).toContain(home.addressLines[0]);
    expect(round.text).toContain('CH-WALK');
    expect(round.text).not.toContain(resident.familyName);

    // Assessed, and the MDT outcome recorded as for an ICC day.
    await request(app()).post(transitions).send({ to: 'attended' }).expect(201);
    await request(app()).post(api(`/referrals/${referral.id}/mdt-outcome`)).send({ carePlan: 'Medicines rationalised; falls plan shared with the home', followUps: [] }).expect(201);
    expect((await request(app()).get(transitions).expect(200)).body.status).toBe('mdt-outcome-recorded');
  });

  it('replans when a resident is unwell, and refuses a change that names nobody', async () => {
    const current = (await request(app()).get(api(`/days/${DAY}/outreach-plan`)).expect(200)).body;
    const residentId = current.plan.visits[0].residentId;
    const bad = await request(app()).post(api(`/days/${DAY}/outreach-plan/replan`)).set('If-Match', `"${current.version}"`).send({ now: '08:00', changes: [{ kind: 'resident-unwell', residentId: 'nobody' }] }).expect(400);
    expect(bad.body.error.details[0].path).toBe('changes[0].residentId');
    const replanned = await request(app()).post(api(`/days/${DAY}/outreach-plan/replan`)).set('If-Match', `"${current.version}"`).send({ now: '08:00', changes: [{ kind: 'resident-unwell', residentId }] }).expect(200);
    expect(replanned.body.status).toBe('draft');
    expect(replanned.body.plan.visits).toEqual([]);
    expect(replanned.body.moves.filter((m: { kind: string }) => m.kind === 'removed')).toHaveLength(4);
  });
});
