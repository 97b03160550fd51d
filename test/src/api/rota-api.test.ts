import request from 'supertest';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { assessmentTypeBody, centreBody, shiftBody, staffBody, vehicleBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const errorPaths = (body: { error: { details: { path: string }[] } }) => body.error.details.map((d) => d.path);

describeEachDatabase('staff, shifts, rooms, catalogue and vehicles API', (getDb) => {
  const app = () => createApp({ db: getDb() });
  let centreId: string;
  let staffId: string;
  const api = (path: string) => `/api/centres/${centreId}${path}`;

  beforeEach(async () => {
    await truncateAll(getDb());
    centreId = (await request(app()).post('/api/centres').send(centreBody()).expect(201)).body.id;
    staffId = (await request(app()).post(api('/staff')).send(staffBody()).expect(201)).body.id;
  });

  it('staff: create with defaults, list by discipline, patch, delete', async () => {
    const created = await request(app()).get(api(`/staff/${staffId}`)).expect(200);
    expect(created.body).toMatchObject({ centreId, mdtMember: true, active: true, qualifications: ['geriatric-review'] });
    await request(app()).post(api('/staff')).send(staffBody({ name: 'Sam OT', discipline: 'ot', qualifications: ['ot-assessment'] })).expect(201);

    const geriatricians = await request(app()).get(api('/staff?discipline=geriatrician')).expect(200);
    expect(geriatricians.body.map((s: { id: string }) => s.id)).toEqual([staffId]);
    await request(app()).get(api('/staff?discipline=Not A Slug')).expect(400);

    const patched = await request(app()).patch(api(`/staff/${staffId}`)).send({ mdtMember: false }).expect(200);
    expect(patched.body).toMatchObject({ mdtMember: false, name: 'Dr Amira Khan' });
    await request(app()).delete(api(`/staff/${staffId}`)).expect(204);
    await request(app()).get(api(`/staff/${staffId}`)).expect(404);
  });

  it('staff of another centre is not visible here (404)', async () => {
    const other = (await request(app()).post('/api/centres').send(centreBody('Other ICC')).expect(201)).body.id;
    await request(app()).get(`/api/centres/${other}/staff/${staffId}`).expect(404);
  });

  it('shift: created, listed by date and staff, patched', async () => {
    const created = await request(app()).post(api('/shifts')).send(shiftBody(staffId)).expect(201);
    expect(created.body).toMatchObject({ staffId, date: '2026-03-02', start: '08:30', end: '16:30', breaks: [{ start: '12:30', end: '13:00' }] });
    const listed = await request(app()).get(api(`/shifts?date=2026-03-02&staffId=${staffId}`)).expect(200);
    expect(listed.body).toHaveLength(1);
    expect((await request(app()).get(api('/shifts?date=2026-03-03')).expect(200)).body).toEqual([]);
    const patched = await request(app()).patch(api(`/shifts/${created.body.id}`)).send({ end: '15:00' }).expect(200);
    expect(patched.body.end).toBe('15:00');
  });

  it('shift ending before it starts → 400 naming end', async () => {
    const res = await request(app()).post(api('/shifts')).send(shiftBody(staffId, { start: '16:00', end: '09:00', breaks: [] })).expect(400);
    expect(errorPaths(res.body)).toEqual(['end']);
  });

  it('a patch that makes the shift end before it starts → 400 naming end, nothing changed', async () => {
    const { body } = await request(app()).post(api('/shifts')).send(shiftBody(staffId)).expect(201);
    const res = await request(app()).patch(api(`/shifts/${body.id}`)).send({ end: '08:00', breaks: [] }).expect(400);
    expect(errorPaths(res.body)).toEqual(['end']);
    expect((await request(app()).get(api(`/shifts/${body.id}`)).expect(200)).body.end).toBe('16:30');
  });

  it('shift outside the centre opening hours (08:30–17:00) → 400 naming start / end', async () => {
    const early = await request(app()).post(api('/shifts')).send(shiftBody(staffId, { start: '07:00', breaks: [] })).expect(400);
    expect(errorPaths(early.body)).toEqual(['start']);
    const late = await request(app()).post(api('/shifts')).send(shiftBody(staffId, { end: '18:00' })).expect(400);
    expect(errorPaths(late.body)).toEqual(['end']);
  });

  it('narrowing the centre hours so an existing shift falls outside → 400 naming openingHours', async () => {
    await request(app()).post(api('/shifts')).send(shiftBody(staffId, { end: '16:30' })).expect(201);
    const res = await request(app()).patch(`/api/centres/${centreId}`).send({ openingHours: { start: '08:30', end: '16:45' } }).expect(200);
    expect(res.body.openingHours.end).toBe('16:45');
    const narrowed = await request(app()).patch(`/api/centres/${centreId}`).send({ openingHours: { start: '09:00', end: '16:45' } }).expect(400);
    expect(errorPaths(narrowed.body)).toEqual(['openingHours']);
    expect(narrowed.body.error.message).toContain('1 shift(s)');
  });

  it('shift break outside the shift → 400 naming the break', async () => {
    const res = await request(app()).post(api('/shifts')).send(shiftBody(staffId, { breaks: [{ start: '16:15', end: '16:45' }] })).expect(400);
    expect(errorPaths(res.body)).toEqual(['breaks.0']);
  });

  it('shift for staff unknown in this centre → 400 naming staffId', async () => {
    const other = (await request(app()).post('/api/centres').send(centreBody('Other ICC')).expect(201)).body.id;
    const outsider = (await request(app()).post(`/api/centres/${other}/staff`).send(staffBody()).expect(201)).body.id;
    const res = await request(app()).post(api('/shifts')).send(shiftBody(outsider)).expect(400);
    expect(res.body.error.code).toBe('reference_not_found');
    expect(errorPaths(res.body)).toEqual(['staffId']);
  });

  it('a second shift for the same staff member and date → 409 naming date', async () => {
    await request(app()).post(api('/shifts')).send(shiftBody(staffId)).expect(201);
    const res = await request(app()).post(api('/shifts')).send(shiftBody(staffId, { start: '09:00' })).expect(409);
    expect(res.body.error.code).toBe('conflict');
    expect(errorPaths(res.body)).toEqual(['date']);
  });

  it('a bulk rota whose third shift clashes with its first writes nothing', async () => {
    const rota = [shiftBody(staffId), shiftBody(staffId, { date: '2026-03-03' }), shiftBody(staffId)];
    const res = await request(app()).post(api('/shifts')).send(rota).expect(409);
    expect(errorPaths(res.body)).toEqual(['2.date']);
    expect((await request(app()).get(api('/shifts')).expect(200)).body).toEqual([]);
    expect(await getDb()('audit_log').where({ entity: 'shift' })).toEqual([]);
  });

  it('a bulk rota that is all valid is written in full', async () => {
    const rota = ['2026-03-02', '2026-03-03', '2026-03-04'].map((date) => shiftBody(staffId, { date }));
    const res = await request(app()).post(api('/shifts')).send(rota).expect(201);
    expect(res.body).toHaveLength(3);
    expect((await request(app()).get(api('/shifts')).expect(200)).body.map((s: { date: string }) => s.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
  });

  it('rooms: capacity defaults to 1, must be ≥ 1, names unique per centre', async () => {
    const room = await request(app()).post(api('/rooms')).send({ name: 'Consult 1', type: 'consult' }).expect(201);
    expect(room.body.capacity).toBe(1);
    expect(errorPaths((await request(app()).post(api('/rooms')).send({ name: 'Gym', type: 'gym', capacity: 0 }).expect(400)).body)).toEqual(['capacity']);
    expect(errorPaths((await request(app()).post(api('/rooms')).send({ name: 'Consult 1', type: 'consult' }).expect(409)).body)).toEqual(['name']);
    await request(app()).post(api('/rooms')).send({ name: 'Dining', type: 'dining', capacity: 20 }).expect(201);
    expect((await request(app()).get(api('/rooms?type=dining')).expect(200)).body).toMatchObject([{ name: 'Dining', capacity: 20 }]);
  });

  it('assessment types: duration > 0; code unique per centre', async () => {
    await request(app()).post(api('/assessment-types')).send(assessmentTypeBody('anp-initial')).expect(201);
    expect(errorPaths((await request(app()).post(api('/assessment-types')).send(assessmentTypeBody('ot', { durationMin: 0 })).expect(400)).body)).toEqual(['durationMin']);
    expect(errorPaths((await request(app()).post(api('/assessment-types')).send(assessmentTypeBody('anp-initial')).expect(409)).body)).toEqual(['code']);
  });

  it("precedence rules: '*' stays '*', referenced types must exist in the centre, deleting a type removes its rules", async () => {
    const anp = (await request(app()).post(api('/assessment-types')).send(assessmentTypeBody('anp-initial')).expect(201)).body.id;
    const bloods = (await request(app()).post(api('/assessment-types')).send(assessmentTypeBody('bloods', { kind: 'diagnostic', durationMin: 15 })).expect(201)).body.id;
    const geri = (await request(app()).post(api('/assessment-types')).send(assessmentTypeBody('geriatrician-review')).expect(201)).body.id;

    const first = await request(app()).post(api('/precedence-rules')).send({ before: anp, after: '*', reason: 'ANP first' }).expect(201);
    expect(first.body).toMatchObject({ before: anp, after: '*', minLagMin: 0 });
    const lag = await request(app()).post(api('/precedence-rules')).send({ before: bloods, after: geri, minLagMin: 60 }).expect(201);
    expect(lag.body.minLagMin).toBe(60);

    const missing = await request(app()).post(api('/precedence-rules')).send({ before: '*', after: '00000000-0000-4000-8000-000000000001' }).expect(400);
    expect(errorPaths(missing.body)).toEqual(['after']);
    expect(errorPaths((await request(app()).post(api('/precedence-rules')).send({ before: '*', after: '*' }).expect(400)).body)).toEqual(['after']);

    await request(app()).delete(api(`/assessment-types/${bloods}`)).expect(204);
    const left = (await request(app()).get(api('/precedence-rules')).expect(200)).body;
    expect(left.map((r: { id: string }) => r.id)).toEqual([first.body.id]);
  });

  it('vehicles: create, driver must be staff of the centre, bad depot postcode → 400 naming depot.postcode', async () => {
    const v = await request(app()).post(api('/vehicles')).send(vehicleBody({ driverStaffId: staffId })).expect(201);
    expect(v.body).toMatchObject({ seats: 6, wheelchairSpaces: 2, driverStaffId: staffId, depot: { postcode: 'HU8 9HE' } });
    const bad = await request(app()).post(api('/vehicles')).send(vehicleBody({ name: 'Bus 2', depot: { postcode: 'XX', lat: null, lon: null } })).expect(400);
    expect(errorPaths(bad.body)).toEqual(['depot.postcode']);
    const ghost = await request(app()).post(api('/vehicles')).send(vehicleBody({ name: 'Bus 3', driverStaffId: '00000000-0000-4000-8000-000000000002' })).expect(400);
    expect(errorPaths(ghost.body)).toEqual(['driverStaffId']);
    // Deleting the driver leaves the vehicle without one (ON DELETE SET NULL).
    await request(app()).delete(api(`/staff/${staffId}`)).expect(204);
    expect((await request(app()).get(api(`/vehicles/${v.body.id}`)).expect(200)).body.driverStaffId).toBeNull();
  });

  it('resources of an unknown centre → 404', async () => {
    const res = await request(app()).get('/api/centres/00000000-0000-4000-8000-000000000009/staff').expect(404);
    expect(res.body.error.code).toBe('not_found');
    await request(app()).post('/api/centres/00000000-0000-4000-8000-000000000009/rooms').send({ name: 'R', type: 'consult' }).expect(404);
  });
});
