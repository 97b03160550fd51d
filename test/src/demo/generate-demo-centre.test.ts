import { describe, expect, it } from 'vitest';
import { generateDemoCentre, MAX_ASSESSMENT_MIN_PER_DAY, type DemoCentre } from '../../../src/demo/generate-demo-centre.ts';
import {
  assessmentTypeCreateSchema, centreCreateSchema, patientCreateSchema, precedenceRuleCreateSchema, preVisitCreateSchema,
  referralCreateSchema, roomCreateSchema, shiftCreateSchema, staffMemberCreateSchema, vehicleCreateSchema,
} from '../../../src/domain/index.ts';
import { isValidNhsNumber } from '../../../src/domain/nhs-number.ts';
import { isValidUkPostcode } from '../../../src/domain/postcode.ts';
import { isoWeekday } from '../../../src/domain/local-date.ts';

const demo = generateDemoCentre({ seed: 1, startDate: '2026-11-30' });

/** Great-circle distance in km. */
function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
const hullCentre = { lat: 53.745, lon: -0.335 };

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function codeOfType(c: DemoCentre, id: string): string {
  return c.assessmentTypes.find((t) => t.id === id)!.code;
}

describe('generateDemoCentre', () => {
  it('gives byte-identical output for the same seed, and a different centre for another seed', () => {
    const again = generateDemoCentre({ seed: 1, startDate: '2026-11-30' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = generateDemoCentre({ seed: 2, startDate: '2026-11-30' });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(demo));
    expect(other.patients.map((p) => p.nhsNumber)).not.toEqual(demo.patients.map((p) => p.nhsNumber));
  });

  it('keeps each patient the same whatever the number of patients asked for', () => {
    const more = generateDemoCentre({ seed: 1, startDate: '2026-11-30', patientCount: 80 });
    expect(more.patients).toHaveLength(80);
    expect(more.patients.slice(0, 60)).toEqual(demo.patients);
    expect(more.staff).toEqual(demo.staff);
  });

  it('has the staff mix of SPEC §1 (plus a radiographer for the X-ray)', () => {
    expect(countBy(demo.staff, (s) => s.discipline)).toEqual({
      geriatrician: 2,
      anp: 3,
      pharmacy: 2,
      'pharmacy-technician': 1,
      ot: 2,
      physio: 2,
      'social-care': 2,
      phlebotomy: 1,
      radiography: 1,
      voluntary: 3,
      'support-worker': 4,
      driver: 3,
    });
    const voluntaryOrgs = demo.staff.filter((s) => s.discipline === 'voluntary').map((s) => s.organisation.name).sort();
    expect(voluntaryOrgs).toEqual(["Age UK Hull", "Alzheimer's UK", "Parkinson's UK"]);
    expect(demo.staff.filter((s) => s.discipline === 'voluntary').every((s) => s.organisation.kind === 'voluntary' && !s.mdtMember)).toBe(true);
    expect(demo.staff.filter((s) => s.discipline === 'social-care').every((s) => s.organisation.kind === 'council')).toBe(true);
    expect(demo.staff.filter((s) => s.discipline === 'geriatrician').every((s) => s.mdtMember && s.name.startsWith('Dr '))).toBe(true);
    expect(new Set(demo.staff.map((s) => s.name.replace(/^Dr /, ''))).size).toBe(demo.staff.length);
  });

  it('has ~60 patients with valid NHS numbers in the 999 test range, all different', () => {
    expect(demo.patients).toHaveLength(60);
    for (const p of demo.patients) {
      expect(isValidNhsNumber(p.nhsNumber), p.nhsNumber).toBe(true);
      expect(p.nhsNumber).toMatch(/^999\d{7}$/);
    }
    expect(new Set(demo.patients.map((p) => p.nhsNumber)).size).toBe(60);
    expect(new Set(demo.patients.map((p) => p.localRef)).size).toBe(60);
  });

  it('puts patients at valid HU1–HU9 postcodes, with coordinates within 8 km of Hull', () => {
    for (const p of demo.patients) {
      expect(isValidUkPostcode(p.postcode), p.postcode).toBe(true);
      expect(p.postcode).toMatch(/^HU[1-9] \d[A-Z]{2}$/);
      expect(distanceKm(hullCentre, { lat: p.lat!, lon: p.lon! })).toBeLessThan(8);
    }
    // Spread over the city, not piled in one district.
    expect(new Set(demo.patients.map((p) => p.postcode.split(' ')[0])).size).toBeGreaterThanOrEqual(6);
    expect(isValidUkPostcode(demo.centre.postcode!)).toBe(true);
    for (const v of demo.vehicles) expect(distanceKm(hullCentre, { lat: v.depot.lat!, lon: v.depot.lon! })).toBeLessThan(8);
  });

  it('draws a realistic mix of frailty, mobility, carers and care-home residents', () => {
    const efi = countBy(demo.patients, (p) => p.efiCategory);
    expect((efi.moderate ?? 0) + (efi.severe ?? 0)).toBeGreaterThan(30);
    expect(new Set(demo.patients.map((p) => p.mobility))).toEqual(new Set(['walks', 'walking-aid', 'wheelchair']));
    expect(demo.patients.some((p) => p.careHomeResident)).toBe(true);
    expect(demo.patients.some((p) => p.carer?.attending)).toBe(true);
    expect(demo.patients.some((p) => p.dietaryNeeds.length > 0)).toBe(true);
    expect(demo.patients.some((p) => p.unavailableDates.length > 0)).toBe(true);
  });

  it('has the catalogue durations asked for, and the four precedences of SPEC §3C rule 6', () => {
    const duration = Object.fromEntries(demo.assessmentTypes.map((t) => [t.code, t.durationMin]));
    expect(duration).toMatchObject({
      'anp-initial': 45, bloods: 10, 'x-ray': 20, 'medication-review': 30, 'ot-assessment': 45,
      'physio-assessment': 45, 'social-care': 30, 'age-uk': 30, 'geriatrician-review': 45,
    });
    const code = (id: string) => (id === '*' ? '*' : codeOfType(demo, id));
    expect(demo.precedenceRules.map((r) => [code(r.before), code(r.after), r.minLagMin])).toEqual([
      ['anp-initial', '*', 0],
      ['bloods', 'geriatrician-review', 60],
      ['medication-review', 'geriatrician-review', 0],
      ['*', 'geriatrician-review', 0],
    ]);
  });

  it('gives every patient one pre-visit outcome whose required assessments exist in the catalogue', () => {
    const typeIds = new Set(demo.assessmentTypes.map((t) => t.id));
    expect(demo.preVisits).toHaveLength(60);
    let bloods = 0;
    let pharmacist = 0;
    for (const patient of demo.patients) {
      const referral = demo.referrals.find((r) => r.patientId === patient.id)!;
      const preVisit = demo.preVisits.find((v) => v.referralId === referral.id)!;
      for (const id of preVisit.requiredAssessmentTypeIds) expect(typeIds.has(id)).toBe(true);
      const codes = preVisit.requiredAssessmentTypeIds.map((id) => codeOfType(demo, id));
      expect(codes).toContain('anp-initial');
      expect(codes).toContain('geriatrician-review');
      expect(new Set(codes).size).toBe(codes.length);
      const minutes = preVisit.requiredAssessmentTypeIds.reduce((sum, id) => sum + demo.assessmentTypes.find((t) => t.id === id)!.durationMin, 0);
      expect(minutes).toBeLessThanOrEqual(MAX_ASSESSMENT_MIN_PER_DAY);
      if (codes.includes('bloods')) bloods++;
      if (codes.includes('medication-review')) pharmacist++;
      // The pre-visit was before the rota and not before the referral.
      expect(preVisit.visitDate! < demo.startDate && preVisit.visitDate! >= referral.referredDate).toBe(true);
      expect(preVisit.carerAttending).toBe(patient.carer?.attending ?? false);
      if (preVisit.carerRequiredFor.length > 0) expect(preVisit.carerAttending).toBe(true);
    }
    expect(bloods / 60).toBeGreaterThan(0.6);
    expect(pharmacist / 60).toBeGreaterThan(0.5);
  });

  it('has the rooms and vehicles of an ICC', () => {
    const types = countBy(demo.rooms, (r) => r.type);
    expect(types).toMatchObject({ gym: 1, 'ot-kitchen': 2, phlebotomy: 1, 'x-ray': 1, dining: 1, mdt: 1 });
    expect(types.consult).toBeGreaterThanOrEqual(6);
    expect(demo.rooms.find((r) => r.type === 'dining')!.capacity).toBeGreaterThanOrEqual(16);
    expect(demo.vehicles).toHaveLength(3);
    const driverIds = new Set(demo.staff.filter((s) => s.discipline === 'driver').map((s) => s.id));
    for (const v of demo.vehicles) {
      expect(v.wheelchairSpaces).toBeGreaterThan(0);
      expect(v.seats).toBeGreaterThan(0);
      expect(driverIds.has(v.driverStaffId!)).toBe(true);
    }
  });

  it('rotas two weeks of weekdays with breaks, the odd day off, and cover for every discipline each day', () => {
    const dates = [...new Set(demo.shifts.map((s) => s.date))].sort();
    expect(dates).toHaveLength(10);
    expect(dates.every((d) => isoWeekday(d) <= 5)).toBe(true);
    expect(demo.shifts.every((s) => s.breaks.length >= 1)).toBe(true);
    const staffDays = demo.staff.length * dates.length;
    expect(demo.shifts.length).toBeLessThan(staffDays);
    expect(demo.shifts.length).toBeGreaterThan(staffDays * 0.9);
    const disciplineOf = new Map(demo.staff.map((s) => [s.id, s.discipline]));
    const disciplines = new Set(demo.staff.map((s) => s.discipline));
    for (const date of dates) {
      const working = new Set(demo.shifts.filter((s) => s.date === date).map((s) => disciplineOf.get(s.staffId)));
      expect(working).toEqual(disciplines);
    }
  });

  it('closes on bank holidays: no shifts on Christmas, Boxing Day substitute or New Year', () => {
    const christmas = generateDemoCentre({ seed: 1, startDate: '2026-12-21', days: 14 });
    expect(christmas.centre.closedDates).toEqual(['2026-12-25', '2026-12-28', '2027-01-01']);
    const dates = new Set(christmas.shifts.map((s) => s.date));
    for (const d of christmas.centre.closedDates) expect(dates.has(d)).toBe(false);
    expect(dates.size).toBe(7);
  });

  it('produces documents the domain create schemas accept unchanged', () => {
    const without = <T extends { id: string }>(doc: T, ...keys: string[]) => {
      const copy: Record<string, unknown> = { ...doc };
      for (const k of ['id', ...keys]) delete copy[k];
      return copy;
    };
    const check = (schema: { parse(x: unknown): unknown }, docs: Array<{ id: string }>, ...keys: string[]) => {
      for (const doc of docs) expect(schema.parse(without(doc, ...keys))).toEqual(without(doc, ...keys));
    };
    check(centreCreateSchema, [demo.centre]);
    check(staffMemberCreateSchema, demo.staff);
    check(shiftCreateSchema, demo.shifts);
    check(roomCreateSchema, demo.rooms);
    check(assessmentTypeCreateSchema, demo.assessmentTypes);
    check(precedenceRuleCreateSchema, demo.precedenceRules);
    check(patientCreateSchema, demo.patients);
    check(referralCreateSchema, demo.referrals);
    check(preVisitCreateSchema, demo.preVisits, 'referralId');
    check(vehicleCreateSchema, demo.vehicles);
  });

  it('rejects bad options naming them', () => {
    expect(() => generateDemoCentre({ seed: 1, startDate: '1/12/2026' })).toThrow(/startDate/);
    expect(() => generateDemoCentre({ seed: 1, startDate: '2026-12-01', days: 0 })).toThrow(/days/);
  });
});
