import { describe, expect, it } from 'vitest';
import { demoDayProblem, PATIENTS_PER_TEAM } from '../../../src/demo/demo-day-problem.ts';
import { parseDayProblem } from '../../../src/domain/day-problem-schema.ts';
import { generateDemoCentre } from '../../../src/demo/generate-demo-centre.ts';

const DATE = '2026-12-01';

describe('demoDayProblem', () => {
  it.each([8, 16, 32, 64])('gives a valid problem with %i attending patients, the same every time', (n) => {
    const problem = demoDayProblem({ seed: 1, date: DATE, patients: n });
    expect(problem.patients).toHaveLength(n);
    expect(problem.date).toBe(DATE);
    expect(parseDayProblem(problem)).toEqual(problem);
    expect(JSON.stringify(demoDayProblem({ seed: 1, date: DATE, patients: n }))).toBe(JSON.stringify(problem));
  });

  it('differs from seed to seed', () => {
    const a = demoDayProblem({ seed: 1, date: DATE, patients: 8 });
    const b = demoDayProblem({ seed: 2, date: DATE, patients: 8 });
    expect(b.patients.map((p) => p.required)).not.toEqual(a.patients.map((p) => p.required));
  });

  it('scales the team and rooms (but not the MDT room) once per further 10 patients', () => {
    const one = demoDayProblem({ seed: 1, date: DATE, patients: PATIENTS_PER_TEAM });
    const mdtRooms = one.rooms.filter((r) => r.type === 'mdt').length;
    for (const n of [16, 32, 64]) {
      const teams = Math.ceil(n / PATIENTS_PER_TEAM);
      const problem = demoDayProblem({ seed: 1, date: DATE, patients: n });
      expect(problem.staff).toHaveLength(one.staff.length * teams);
      expect(problem.rooms).toHaveLength((one.rooms.length - mdtRooms) * teams + mdtRooms);
      expect(new Set(problem.staff.map((s) => s.id)).size).toBe(problem.staff.length);
      expect(new Set(problem.rooms.map((r) => r.id)).size).toBe(problem.rooms.length);
    }
    expect(demoDayProblem({ seed: 1, date: DATE, patients: 64 }).staff.filter((s) => s.discipline === 'geriatrician')).toHaveLength(14);
  });

  it('can place every required assessment in principle: a qualified member on shift and a room of its type', () => {
    for (const date of ['2026-11-30', DATE, '2026-12-02', '2026-12-03', '2026-12-04']) {
      const problem = demoDayProblem({ seed: 1, date, patients: 16 });
      const roomTypes = new Set(problem.rooms.map((r) => r.type));
      for (const type of problem.assessmentTypes) {
        const needed = problem.patients.some((p) => p.required.some((r) => r.typeId === type.id));
        if (!needed) continue;
        expect(problem.staff.some((s) => s.qualifications.includes(type.qualification)), `${date} ${type.id} staff`).toBe(true);
        expect(roomTypes.has(type.roomType), `${date} ${type.id} room`).toBe(true);
      }
      // Each patient's assessments fit, with the meal, into the maximum time on site.
      const duration = new Map(problem.assessmentTypes.map((t) => [t.id, t.durationMin]));
      for (const p of problem.patients) {
        const busyMin = p.required.reduce((sum, r) => sum + duration.get(r.typeId)!, 0) + problem.centre.mealDurationMin;
        expect(busyMin).toBeLessThanOrEqual(p.maxOnSiteMin);
      }
    }
  });

  it('leaves out patients who are unavailable on the date', () => {
    const problem = demoDayProblem({ seed: 1, date: DATE, patients: 40 });
    expect(problem.patients).toHaveLength(40);
    expect(new Set(problem.patients.map((p) => p.id)).size).toBe(40);
    // The same referral list demoDayProblem draws from (60 patients for a 40-patient day).
    const centre = generateDemoCentre({ seed: 1, startDate: DATE, days: 14, patientCount: 60 });
    const byId = new Map(centre.patients.map((p) => [p.id, p]));
    for (const p of problem.patients) expect(byId.get(p.id)!.unavailableDates).not.toContain(DATE);
    const skipped = centre.patients.slice(0, 40).filter((p) => !problem.patients.some((x) => x.id === p.id));
    expect(skipped.length).toBeGreaterThan(0);
    for (const p of skipped) expect(p.unavailableDates).toContain(DATE);
  });

  it('refuses a weekend, a bank holiday and a bad patient count', () => {
    expect(() => demoDayProblem({ seed: 1, date: '2026-12-05', patients: 8 })).toThrow(/closed on 2026-12-05/);
    expect(() => demoDayProblem({ seed: 1, date: '2026-12-25', patients: 8 })).toThrow(/closed on 2026-12-25/);
    expect(() => demoDayProblem({ seed: 1, date: DATE, patients: 0 })).toThrow(/patients/);
  });
});
