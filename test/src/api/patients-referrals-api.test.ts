import request from 'supertest';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { assessmentTypeBody, errorPaths, freshCentreApi, patientBody, staffBody } from '../../helpers/fixtures.ts';

describeEachDatabase('patients, referrals and pre-visits API', (getDb) => {
  const { app, api } = freshCentreApi(getDb);

  it('patient: stored with the NHS number compacted and the postcode normalised', async () => {
    const res = await request(app()).post(api('/patients')).send(patientBody(1, { nhsNumber: '943 476 5919', postcode: 'hu3 2jz' })).expect(201);
    expect(res.body).toMatchObject({ nhsNumber: '9434765919', postcode: 'HU3 2JZ', mobility: 'walking-aid', carer: { attending: true }, careHomeResident: false });
    const again = await request(app()).get(api(`/patients/${res.body.id}`)).expect(200);
    expect(again.body).toEqual(res.body);
  });

  it('bad NHS number → 400 naming nhsNumber', async () => {
    const res = await request(app()).post(api('/patients')).send(patientBody(1, { nhsNumber: '943 476 5918' })).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(errorPaths(res.body)).toEqual(['nhsNumber']);
    expect(res.body.error.message).toMatch(/nhsNumber/);
  });

  it('bad postcode → 400 naming postcode', async () => {
    const res = await request(app()).post(api('/patients')).send(patientBody(1, { postcode: 'HULL 1' })).expect(400);
    expect(errorPaths(res.body)).toEqual(['postcode']);
  });

  it('bad NHS number in a patch → 400, patient unchanged', async () => {
    const { body } = await request(app()).post(api('/patients')).send(patientBody(1)).expect(201);
    const res = await request(app()).patch(api(`/patients/${body.id}`)).send({ nhsNumber: '1234567890' }).expect(400);
    expect(errorPaths(res.body)).toEqual(['nhsNumber']);
    expect((await request(app()).get(api(`/patients/${body.id}`)).expect(200)).body.nhsNumber).toBe(body.nhsNumber);
  });

  it('the same NHS number twice in a centre → 409 naming nhsNumber', async () => {
    await request(app()).post(api('/patients')).send(patientBody(1)).expect(201);
    const res = await request(app()).post(api('/patients')).send(patientBody(1, { localRef: 'ICC-9999' })).expect(409);
    expect(errorPaths(res.body)).toEqual(['nhsNumber']);
  });

  it('a bulk intake with one bad patient writes none of them', async () => {
    const res = await request(app()).post(api('/patients')).send([patientBody(1), patientBody(2), patientBody(3, { postcode: 'nope' })]).expect(400);
    expect(errorPaths(res.body)).toEqual(['2.postcode']);
    expect((await request(app()).get(api('/patients')).expect(200)).body).toEqual([]);
  });

  it('referral: history starts with received; a status change appends to it', async () => {
    const patientId = (await request(app()).post(api('/patients')).send(patientBody(1)).expect(201)).body.id;
    const created = await request(app()).post(api('/referrals')).set('x-actor', 'gp-liaison')
      .send({ patientId, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-02-01', urgent: true }).expect(201);
    expect(created.body).toMatchObject({ status: 'received', urgent: true, statusHistory: [{ status: 'received', by: 'gp-liaison' }] });

    const moved = await request(app()).patch(api(`/referrals/${created.body.id}`)).send({ status: 'pre-visit-booked', statusNote: 'visit Tuesday' }).expect(200);
    expect(moved.body.statusHistory.map((h: { status: string }) => h.status)).toEqual(['received', 'pre-visit-booked']);
    expect(moved.body.statusHistory[1].note).toBe('visit Tuesday');

    const sameStatus = await request(app()).patch(api(`/referrals/${created.body.id}`)).send({ notes: 'prefers mornings' }).expect(200);
    expect(sameStatus.body.statusHistory).toHaveLength(2);
    expect((await request(app()).get(api('/referrals?status=pre-visit-booked')).expect(200)).body).toHaveLength(1);
    expect((await request(app()).get(api('/referrals?status=received')).expect(200)).body).toHaveLength(0);
  });

  it('referral for an unknown patient → 400 naming patientId; bad status → 400 naming status', async () => {
    const res = await request(app()).post(api('/referrals'))
      .send({ patientId: '00000000-0000-4000-8000-000000000003', referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-02-01' }).expect(400);
    expect(errorPaths(res.body)).toEqual(['patientId']);
    const patientId = (await request(app()).post(api('/patients')).send(patientBody(1)).expect(201)).body.id;
    const bad = await request(app()).post(api('/referrals')).send({ patientId, referrer: { kind: 'gp', name: 'Dr P' }, referredDate: '2026-02-01', status: 'lost' }).expect(400);
    expect(errorPaths(bad.body)).toEqual(['status']);
  });

  it('a patient with a referral cannot be deleted (409), and nothing is removed', async () => {
    const patientId = (await request(app()).post(api('/patients')).send(patientBody(1)).expect(201)).body.id;
    await request(app()).post(api('/referrals')).send({ patientId, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-02-01' }).expect(201);
    const res = await request(app()).delete(api(`/patients/${patientId}`)).expect(409);
    expect(res.body.error.code).toBe('still_referenced');
    await request(app()).get(api(`/patients/${patientId}`)).expect(200);
  });

  it('pre-visit outcome: saved, replaced, read back; references checked', async () => {
    const patientId = (await request(app()).post(api('/patients')).send(patientBody(1)).expect(201)).body.id;
    const referralId = (await request(app()).post(api('/referrals')).send({ patientId, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-02-01' }).expect(201)).body.id;
    const anp = (await request(app()).post(api('/assessment-types')).send(assessmentTypeBody('anp-initial')).expect(201)).body.id;
    const geri = (await request(app()).post(api('/staff')).send(staffBody()).expect(201)).body.id;

    await request(app()).get(api(`/referrals/${referralId}/pre-visit`)).expect(404);
    const saved = await request(app()).put(api(`/referrals/${referralId}/pre-visit`))
      .send({ requiredAssessmentTypeIds: [anp], namedClinicians: [{ assessmentTypeId: anp, staffId: geri }], consentRecordAccess: true, transportNeeded: true, mobility: 'wheelchair' })
      .expect(200);
    expect(saved.body).toMatchObject({ referralId, requiredAssessmentTypeIds: [anp], consentRecordAccess: true, carerAttending: false, mobility: 'wheelchair' });

    const replaced = await request(app()).put(api(`/referrals/${referralId}/pre-visit`)).send({ requiredAssessmentTypeIds: [anp], carerAttending: true }).expect(200);
    expect(replaced.body).toMatchObject({ id: saved.body.id, carerAttending: true, transportNeeded: false });
    expect((await request(app()).get(api(`/referrals/${referralId}/pre-visit`)).expect(200)).body.carerAttending).toBe(true);

    const unknownType = await request(app()).put(api(`/referrals/${referralId}/pre-visit`)).send({ requiredAssessmentTypeIds: [anp, '00000000-0000-4000-8000-000000000004'] }).expect(400);
    expect(errorPaths(unknownType.body)).toEqual(['requiredAssessmentTypeIds.1']);
  });

  it('dietary needs recorded at the pre-visit and on the patient are read back unchanged', async () => {
    const needs = ['diabetic', 'soft diet (dysphagia)', 'nut allergy'];
    const patient = (await request(app()).post(api('/patients')).send(patientBody(1, { dietaryNeeds: needs })).expect(201)).body;
    expect((await request(app()).get(api(`/patients/${patient.id}`)).expect(200)).body.dietaryNeeds).toEqual(needs);
    const referralId = (await request(app()).post(api('/referrals')).send({ patientId: patient.id, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-02-01' }).expect(201)).body.id;
    const anp = (await request(app()).post(api('/assessment-types')).send(assessmentTypeBody('anp-initial')).expect(201)).body.id;
    await request(app()).put(api(`/referrals/${referralId}/pre-visit`)).send({ requiredAssessmentTypeIds: [anp], dietaryNeeds: needs.slice(0, 2) }).expect(200);
    expect((await request(app()).get(api(`/referrals/${referralId}/pre-visit`)).expect(200)).body.dietaryNeeds).toEqual(needs.slice(0, 2));
    // A patch of another field keeps them.
    await request(app()).patch(api(`/patients/${patient.id}`)).send({ phone: '01482 000000' }).expect(200);
    expect((await request(app()).get(api(`/patients/${patient.id}`)).expect(200)).body.dietaryNeeds).toEqual(needs);
  });
});
