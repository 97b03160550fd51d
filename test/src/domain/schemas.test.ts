import { describe, expect, it } from 'vitest';
import {
  assessmentTypeCreateSchema, centreCreateSchema, centreDocumentSchema, centreUpdateSchema, patientCreateSchema,
  precedenceRuleCreateSchema, referralCreateSchema, roomCreateSchema, shiftCreateSchema, staffMemberCreateSchema,
  vehicleCreateSchema, preVisitCreateSchema,
} from '../../../src/domain/index.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The issue paths of a failed parse, joined with dots. */
function failedPaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => i.path.join('.'));
}

const centre = {
  name: 'Jean Bishop ICC',
  openingHours: { start: '08:30', end: '17:00' },
  lunchWindow: { start: '12:00', end: '13:30' },
  mdt: { start: '15:30', durationMin: 60 },
};

describe('centre schema', () => {
  it('accepts a minimal centre and fills the documented defaults', () => {
    const c = centreCreateSchema.parse(centre);
    expect(c.timeZone).toBe('Europe/London');
    expect(c.fullPatientDetailsInFeeds).toBe(false);
    expect(c.mealDurationMin).toBe(30);
    expect(c.openWeekdays).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects an unknown time zone, naming timeZone', () => {
    expect(failedPaths(centreCreateSchema.safeParse({ ...centre, timeZone: 'Europe/Hull' }))).toContain('timeZone');
  });

  it('rejects opening hours that close before they open', () => {
    expect(failedPaths(centreCreateSchema.safeParse({ ...centre, openingHours: { start: '17:00', end: '08:30' } }))).toContain('openingHours.end');
  });

  it('rejects an MDT that runs past closing, naming mdt.start', () => {
    expect(failedPaths(centreCreateSchema.safeParse({ ...centre, mdt: { start: '16:30', durationMin: 60 } }))).toContain('mdt.start');
  });

  it('rejects a lunch window outside opening hours', () => {
    expect(failedPaths(centreCreateSchema.safeParse({ ...centre, lunchWindow: { start: '07:00', end: '08:00' } }))).toContain('lunchWindow');
  });

  it('rejects a malformed time naming the nested field', () => {
    expect(failedPaths(centreCreateSchema.safeParse({ ...centre, lunchWindow: { start: '12:60', end: '13:30' } }))).toContain('lunchWindow.start');
  });

  it('rejects unknown fields by name', () => {
    const result = centreCreateSchema.safeParse({ ...centre, colour: 'blue' });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('colour');
  });

  it('update schema applies no defaults, so a patch never resets other fields', () => {
    expect(centreUpdateSchema.parse({ name: 'Renamed' })).toEqual({ name: 'Renamed' });
  });

  it('the document schema re-checks a merged update', () => {
    const stored = centreCreateSchema.parse(centre);
    expect(failedPaths(centreDocumentSchema.safeParse({ ...stored, mealDurationMin: 120 }))).toContain('mealDurationMin');
  });
});

describe('shift schema', () => {
  const shift = { staffId: uuid(1), date: '2026-03-02', start: '08:30', end: '16:30', breaks: [{ start: '12:30', end: '13:00' }] };

  it('accepts a shift with a break inside it', () => {
    expect(shiftCreateSchema.parse(shift).breaks).toHaveLength(1);
  });

  it('rejects a shift that ends before it starts, naming end', () => {
    expect(failedPaths(shiftCreateSchema.safeParse({ ...shift, start: '16:30', end: '08:30', breaks: [] }))).toEqual(['end']);
  });

  it('rejects a break outside the shift, naming the break', () => {
    expect(failedPaths(shiftCreateSchema.safeParse({ ...shift, breaks: [{ start: '16:00', end: '17:00' }] }))).toEqual(['breaks.0']);
  });

  it('rejects overlapping breaks', () => {
    const breaks = [{ start: '10:00', end: '10:30' }, { start: '10:15', end: '10:45' }];
    expect(failedPaths(shiftCreateSchema.safeParse({ ...shift, breaks }))).toEqual(['breaks']);
  });

  it('rejects an impossible date', () => {
    expect(failedPaths(shiftCreateSchema.safeParse({ ...shift, date: '2026-02-30' }))).toEqual(['date']);
  });
});

describe('patient schema', () => {
  const patient = {
    nhsNumber: '943 476 5919', givenName: 'Margaret', familyName: 'Hall', addressLines: ['12 Beverley Road'],
    postcode: 'hu3 2jz', efiCategory: 'moderate', gpPractice: 'Newland Health Centre', localRef: 'ICC-0001',
  };

  it('accepts a patient, compacting the NHS number and normalising the postcode', () => {
    const p = patientCreateSchema.parse(patient);
    expect(p.nhsNumber).toBe('9434765919');
    expect(p.postcode).toBe('HU3 2JZ');
    expect(p.mobility).toBe('walks');
  });

  it('rejects a bad NHS number, naming nhsNumber', () => {
    expect(failedPaths(patientCreateSchema.safeParse({ ...patient, nhsNumber: '943 476 5918' }))).toEqual(['nhsNumber']);
  });

  it('rejects a bad postcode, naming postcode', () => {
    expect(failedPaths(patientCreateSchema.safeParse({ ...patient, postcode: 'HULL 1' }))).toEqual(['postcode']);
  });

  it('rejects coordinates out of range and half-given coordinates', () => {
    expect(failedPaths(patientCreateSchema.safeParse({ ...patient, lat: 91, lon: 0 }))).toEqual(['lat']);
    expect(failedPaths(patientCreateSchema.safeParse({ ...patient, lat: 53.74 }))).toEqual(['lon']);
  });

  it('rejects an unknown mobility and eFI category', () => {
    expect(failedPaths(patientCreateSchema.safeParse({ ...patient, mobility: 'crawls', efiCategory: 'frail' })).sort()).toEqual(['efiCategory', 'mobility']);
  });
});

describe('catalogue, staff, rooms, vehicles, referrals', () => {
  it('assessment type: duration must be > 0 and group capacity >= 1', () => {
    const type = { code: 'bloods', name: 'Bloods', discipline: 'phlebotomy', kind: 'diagnostic', durationMin: 15, roomType: 'phlebotomy', qualification: 'phlebotomy' };
    expect(assessmentTypeCreateSchema.parse(type).groupCapacity).toBe(1);
    expect(failedPaths(assessmentTypeCreateSchema.safeParse({ ...type, durationMin: 0 }))).toEqual(['durationMin']);
    expect(failedPaths(assessmentTypeCreateSchema.safeParse({ ...type, groupCapacity: 0 }))).toEqual(['groupCapacity']);
  });

  it("precedence rule: '*' on one side only, lag >= 0", () => {
    expect(precedenceRuleCreateSchema.parse({ before: uuid(1), after: '*' }).minLagMin).toBe(0);
    expect(failedPaths(precedenceRuleCreateSchema.safeParse({ before: '*', after: '*' }))).toEqual(['after']);
    expect(failedPaths(precedenceRuleCreateSchema.safeParse({ before: uuid(1), after: uuid(2), minLagMin: -5 }))).toEqual(['minLagMin']);
    expect(failedPaths(precedenceRuleCreateSchema.safeParse({ before: 'bloods', after: uuid(2) }))).toEqual(['before']);
  });

  it('staff member: organisation kind from the list; defaults mdtMember true', () => {
    const s = staffMemberCreateSchema.parse({ name: 'Dr A', discipline: 'geriatrician', qualifications: ['geriatric-review'] });
    expect(s.mdtMember).toBe(true);
    expect(failedPaths(staffMemberCreateSchema.safeParse({ name: 'B', discipline: 'voluntary', organisation: { kind: 'charity', name: 'Age UK' } }))).toEqual(['organisation.kind']);
    expect(failedPaths(staffMemberCreateSchema.safeParse({ name: 'C', discipline: 'Social Care' }))).toEqual(['discipline']);
  });

  it('room: capacity >= 1', () => {
    expect(roomCreateSchema.parse({ name: 'Consult 1', type: 'consult' }).capacity).toBe(1);
    expect(failedPaths(roomCreateSchema.safeParse({ name: 'Gym', type: 'gym', capacity: 0 }))).toEqual(['capacity']);
  });

  it('vehicle: depot postcode validated; driver shift must end after it starts', () => {
    const v = { name: 'Bus 1', seats: 6, wheelchairSpaces: 2, depot: { postcode: 'HU8 9HE', lat: 53.77, lon: -0.3 }, driverShift: { start: '07:30', end: '17:30' } };
    expect(vehicleCreateSchema.parse(v).driverStaffId).toBeNull();
    expect(failedPaths(vehicleCreateSchema.safeParse({ ...v, depot: { ...v.depot, postcode: 'nope' } }))).toEqual(['depot.postcode']);
    expect(failedPaths(vehicleCreateSchema.safeParse({ ...v, driverShift: { start: '17:30', end: '07:30' } }))).toEqual(['driverShift.end']);
  });

  it('referral: defaults status received and urgent false', () => {
    const r = referralCreateSchema.parse({ patientId: uuid(1), referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-02-01' });
    expect(r.status).toBe('received');
    expect(r.urgent).toBe(false);
    expect(failedPaths(referralCreateSchema.safeParse({ patientId: uuid(1), referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-02-01', status: 'lost' }))).toEqual(['status']);
  });

  it('pre-visit: a named clinician must be for a required type', () => {
    const ok = preVisitCreateSchema.parse({ requiredAssessmentTypeIds: [uuid(1)], namedClinicians: [{ assessmentTypeId: uuid(1), staffId: uuid(9) }] });
    expect(ok.consentRecordAccess).toBe(false);
    expect(failedPaths(preVisitCreateSchema.safeParse({ requiredAssessmentTypeIds: [uuid(1)], namedClinicians: [{ assessmentTypeId: uuid(2), staffId: uuid(9) }] })))
      .toEqual(['namedClinicians.0.assessmentTypeId']);
  });
});
