import request from 'supertest';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { careHomeBody, errorPaths, freshCentreApi, patientBody, staffBody } from '../../helpers/fixtures.ts';

describeEachDatabase('care homes, residents, outreach settings and outreach days API', (getDb) => {
  const { app, api, centreId } = freshCentreApi(getDb);

  it('care home: create with defaults, list by postcode, patch, delete', async () => {
    const { body: home } = await request(app()).post(api('/care-homes')).send(careHomeBody({ phone: undefined })).expect(201);
    expect(home).toMatchObject({ centreId: centreId(), name: 'Ashcourt Care Home', phone: null, sharedRooms: [{ key: 'lounge', capacity: 1 }], visitingHours: { start: '09:30', end: '17:00' } });
    expect((await request(app()).get(api('/care-homes?postcode=HU5 2DH')).expect(200)).body).toHaveLength(1);
    expect((await request(app()).get(api('/care-homes?postcode=HU1 1AA')).expect(200)).body).toEqual([]);
    const patched = await request(app()).patch(api(`/care-homes/${home.id}`)).send({ sharedRooms: [{ key: 'lounge', name: 'Lounge', capacity: 2 }, { key: 'quiet-room', name: 'Quiet room', capacity: 1 }] }).expect(200);
    expect(patched.body.sharedRooms).toHaveLength(2);
    await request(app()).delete(api(`/care-homes/${home.id}`)).expect(204);
    await request(app()).get(api(`/care-homes/${home.id}`)).expect(404);
  });

  it('bad care homes → 400 naming each field, nothing written', async () => {
    const bad = await request(app()).post(api('/care-homes')).send(careHomeBody({ postcode: 'NOT A POSTCODE', visitingHours: { start: '17:00', end: '09:00' }, lat: 53.7, lon: null })).expect(400);
    expect(errorPaths(bad.body).sort()).toEqual(['lon', 'postcode', 'visitingHours.end']);
    const twice = await request(app()).post(api('/care-homes')).send(careHomeBody({ sharedRooms: [{ key: 'lounge', name: 'A', capacity: 1 }, { key: 'quiet', name: 'B', capacity: 0 }] })).expect(400);
    expect(errorPaths(twice.body).sort()).toEqual(['sharedRooms.1.capacity']);
    const dup = await request(app()).post(api('/care-homes')).send(careHomeBody({ sharedRooms: [{ key: 'lounge', name: 'A', capacity: 1 }, { key: 'lounge', name: 'B', capacity: 1 }] })).expect(400);
    expect(errorPaths(dup.body)).toEqual(['sharedRooms.1.key']);
    expect((await request(app()).get(api('/care-homes')).expect(200)).body).toEqual([]);
  });

  it('residents are linked to their home; a home with residents cannot be deleted', async () => {
    const { body: home } = await request(app()).post(api('/care-homes')).send(careHomeBody()).expect(201);
    const { body: resident } = await request(app()).post(api('/patients')).send(patientBody(1, { careHomeResident: true, careHomeId: home.id })).expect(201);
    expect(resident).toMatchObject({ careHomeResident: true, careHomeId: home.id });
    const listed = await request(app()).get(api(`/patients?careHomeId=${home.id}`)).expect(200);
    expect(listed.body.map((p: { id: string }) => p.id)).toEqual([resident.id]);
    // Not flagged as a resident, or an unknown home: named.
    const unflagged = await request(app()).post(api('/patients')).send(patientBody(2, { careHomeId: home.id })).expect(400);
    expect(errorPaths(unflagged.body)).toEqual(['careHomeResident']);
    const unknown = await request(app()).post(api('/patients')).send(patientBody(3, { careHomeResident: true, careHomeId: '00000000-0000-4000-8000-000000000000' })).expect(400);
    expect(errorPaths(unknown.body)).toEqual(['careHomeId']);
    const del = await request(app()).delete(api(`/care-homes/${home.id}`)).expect(409);
    expect(del.body.error.code).toBe('still_referenced');
    await request(app()).patch(api(`/patients/${resident.id}`)).send({ careHomeId: null }).expect(200);
    await request(app()).delete(api(`/care-homes/${home.id}`)).expect(204);
  });

  it('outreach settings on the centre: defaults to null, validated when set', async () => {
    expect((await request(app()).get(api('')).expect(200)).body.outreach).toBeNull();
    const settings = { disciplines: ['anp', 'pharmacy', 'geriatrician'], homesPerTeamPerDay: 3, mdtMode: 'remote', nearbyKm: 2 };
    const patched = await request(app()).patch(api('')).send({ outreach: settings }).expect(200);
    expect(patched.body.outreach).toEqual(settings);
    const bad = await request(app()).patch(api('')).send({ outreach: { ...settings, homesPerTeamPerDay: 0, mdtMode: 'teleport' } }).expect(400);
    expect(errorPaths(bad.body).sort()).toEqual(['outreach.homesPerTeamPerDay', 'outreach.mdtMode']);
  });

  it('outreach day: the team must go out (by discipline) and work here', async () => {
    const anp = (await request(app()).post(api('/staff')).send(staffBody({ name: 'Ann ANP', discipline: 'anp', qualifications: ['anp-initial'] })).expect(201)).body.id;
    const radiographer = (await request(app()).post(api('/staff')).send(staffBody({ name: 'Ray X', discipline: 'radiography', qualifications: ['radiography'] })).expect(201)).body.id;
    const { body: day } = await request(app()).post(api('/outreach-days')).send({ date: '2026-12-09', staffIds: [anp] }).expect(201);
    expect(day).toMatchObject({ date: '2026-12-09', staffIds: [anp], maxResidents: 6 });
    expect((await request(app()).get(api('/outreach-days?date=2026-12-09')).expect(200)).body).toHaveLength(1);
    const notOut = await request(app()).post(api('/outreach-days')).send({ date: '2026-12-10', staffIds: [anp, radiographer] }).expect(400);
    expect(errorPaths(notOut.body)).toEqual(['staffIds.1']);
    expect(notOut.body.error.message).toContain("'radiography' does not go out");
    const twice = await request(app()).post(api('/outreach-days')).send({ date: '2026-12-09', staffIds: [anp] }).expect(409);
    expect(twice.body.error.code).toBe('conflict');
    const patched = await request(app()).patch(api(`/outreach-days/${day.id}`)).send({ maxResidents: 4 }).expect(200);
    expect(patched.body.maxResidents).toBe(4);
  });
});
