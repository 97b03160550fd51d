import { describe, expect, it } from 'vitest';
import { generateDemoCentre, type DemoCentre } from '../../../../src/demo/generate-demo-centre.ts';
import { buildDayProblem, DayProblemInputError, type DayProblemEntities } from '../../../../src/solving/problem/build-day-problem.ts';
import { patientPriority } from '../../../../src/solving/problem/patient-priority.ts';

const DATE = '2026-12-01';
const demo = generateDemoCentre({ seed: 4, startDate: '2026-11-30' });

/** The demo's entities with the first `n` patients available on DATE attending. */
function entities(n = 6, c: DemoCentre = structuredClone(demo)): DayProblemEntities {
  return { ...c, patients: c.patients.filter((p) => !p.unavailableDates.includes(DATE)).slice(0, n) };
}

function preVisitOf(e: DayProblemEntities, patientId: string) {
  const referral = e.referrals.find((r) => r.patientId === patientId)!;
  return { referral, preVisit: e.preVisits.find((v) => v.referralId === referral.id)! };
}

function expectInputError(fn: () => unknown, path: string, message: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DayProblemInputError);
    expect((error as DayProblemInputError).path).toBe(path);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', details: [{ path }] });
    expect((error as Error).message).toMatch(message);
    return;
  }
  throw new Error(`expected a DayProblemInputError at ${path}`);
}

describe('buildDayProblem', () => {
  it('converts the centre\'s local times to minutes from midnight', () => {
    const problem = buildDayProblem(entities(), DATE);
    expect(problem.date).toBe(DATE);
    expect(problem.centre).toMatchObject({
      openMin: 8 * 60 + 30,
      closeMin: 17 * 60,
      lunchWindow: { startMin: 12 * 60, endMin: 13 * 60 + 30 },
      mealDurationMin: 30,
      mealRoomType: 'dining',
      mdt: { startMin: 15 * 60 + 30, durationMin: 45, roomId: demo.rooms.find((r) => r.type === 'mdt')!.id },
      transferMin: 5,
      checkInBufferMin: 15,
    });
  });

  it("takes each working clinician's shift and breaks for the date, and leaves out support workers, drivers and staff off that day", () => {
    const e = entities();
    const anp = e.staff.find((s) => s.discipline === 'anp')!;
    e.shifts = e.shifts.filter((s) => !(s.staffId === anp.id && s.date === DATE));
    e.shifts.push({ staffId: anp.id, date: DATE, start: '09:15', end: '16:45', breaks: [{ start: '12:10', end: '12:40' }] });
    const offDuty = e.staff.find((s) => s.discipline === 'ot')!;
    e.shifts = e.shifts.filter((s) => !(s.staffId === offDuty.id && s.date === DATE));
    const problem = buildDayProblem(e, DATE);
    expect(problem.staff.find((s) => s.id === anp.id)).toMatchObject({
      shift: { startMin: 555, endMin: 1005 },
      breaks: [{ startMin: 730, endMin: 760 }],
      qualifications: ['anp-initial', 'phlebotomy'],
      mdtMember: true,
    });
    expect(problem.staff.some((s) => s.id === offDuty.id)).toBe(false);
    expect(problem.staff.some((s) => s.discipline === 'support-worker' || s.discipline === 'driver')).toBe(false);
    expect(problem.staff.filter((s) => s.discipline === 'geriatrician')).toHaveLength(2);
  });

  it('names assessment types by code, in the catalogue and in the precedences', () => {
    const problem = buildDayProblem(entities(), DATE);
    expect(problem.assessmentTypes.map((t) => t.id)).toContain('geriatrician-review');
    expect(problem.precedences.map((p) => [p.before, p.after, p.minLagMin])).toEqual([
      ['anp-initial', '*', 0],
      ['bloods', 'geriatrician-review', 60],
      ['medication-review', 'geriatrician-review', 0],
      ['*', 'geriatrician-review', 0],
    ]);
    const [patient] = problem.patients;
    const { preVisit } = preVisitOf(demo, patient!.id);
    expect(patient!.required.map((r) => r.typeId)).toEqual(preVisit.requiredAssessmentTypeIds.map((id) => demo.assessmentTypes.find((t) => t.id === id)!.code));
  });

  it('gives transported patients the opening hours, own-means patients 09:00–16:30, and the transport planner\'s window when given', () => {
    const e = entities(2);
    const [first, second] = e.patients;
    preVisitOf(e, first!.id).preVisit.transportNeeded = true;
    preVisitOf(e, second!.id).preVisit.transportNeeded = false;
    let problem = buildDayProblem(e, DATE);
    expect(problem.patients[0]).toMatchObject({ earliestArrivalMin: 510, latestDepartureMin: 1020, maxOnSiteMin: 420 });
    expect(problem.patients[1]).toMatchObject({ earliestArrivalMin: 540, latestDepartureMin: 990 });

    e.transportWindows = [{ patientId: first!.id, window: { start: '09:40', end: '15:55' } }];
    problem = buildDayProblem(e, DATE, { ownMeansWindow: { start: '10:00', end: '15:00' } });
    expect(problem.patients[0]).toMatchObject({ earliestArrivalMin: 580, latestDepartureMin: 955 });
    expect(problem.patients[1]).toMatchObject({ earliestArrivalMin: 600, latestDepartureMin: 900 });
  });

  it('applies the centre\'s rest rule to moderately and severely frail patients only', () => {
    const e = entities(3);
    e.patients[0]!.efiCategory = 'mild';
    e.patients[1]!.efiCategory = 'moderate';
    e.patients[2]!.efiCategory = 'severe';
    const problem = buildDayProblem(e, DATE);
    expect(problem.patients.map((p) => p.rest)).toEqual([undefined, { maxConsecutive: 3, minRestMin: 15 }, { maxConsecutive: 3, minRestMin: 15 }]);
  });

  it('puts the carer on site for the whole window when attending, or in their own window; marks carer-required and named-clinician assessments', () => {
    const e = entities(2);
    const [first, second] = e.patients;
    const geriatrician = e.staff.find((s) => s.discipline === 'geriatrician')!;
    const socialCare = e.assessmentTypes.find((t) => t.code === 'social-care')!;
    const geriReview = e.assessmentTypes.find((t) => t.code === 'geriatrician-review')!;
    const pv = preVisitOf(e, first!.id).preVisit;
    Object.assign(pv, {
      transportNeeded: true,
      carerAttending: true,
      requiredAssessmentTypeIds: [...pv.requiredAssessmentTypeIds.filter((id) => id !== socialCare.id), socialCare.id],
      carerRequiredFor: [socialCare.id],
      namedClinicians: [{ assessmentTypeId: geriReview.id, staffId: geriatrician.id }],
    });
    const pv2 = preVisitOf(e, second!.id).preVisit;
    pv2.carerAttending = false;
    let problem = buildDayProblem(e, DATE);
    expect(problem.patients[0]!.carerPresent).toEqual({ startMin: 510, endMin: 1020 });
    expect(problem.patients[0]!.required.find((r) => r.typeId === 'social-care')).toEqual({ typeId: 'social-care', carerRequired: true });
    expect(problem.patients[0]!.required.find((r) => r.typeId === 'geriatrician-review')).toEqual({ typeId: 'geriatrician-review', preferredStaffId: geriatrician.id });
    expect(problem.patients[1]!.carerPresent).toBeUndefined();

    e.carerWindows = [{ patientId: second!.id, window: { start: '10:00', end: '13:00' } }];
    problem = buildDayProblem(e, DATE);
    expect(problem.patients[1]!.carerPresent).toEqual({ startMin: 600, endMin: 780 });
  });

  it('sets priority from eFI, urgency and days waited until the plan date', () => {
    const e = entities(1);
    const [patient] = e.patients;
    const { referral } = preVisitOf(e, patient!.id);
    patient!.efiCategory = 'severe';
    referral.urgent = true;
    referral.referredDate = '2026-10-20'; // 42 days before DATE
    expect(buildDayProblem(e, DATE).patients[0]!.priority).toBe(1 + 3 + 3 + 1.5);
  });

  it('carries the patient\'s local reference and initials, never the name or NHS number', () => {
    const e = entities(1);
    const [patient] = e.patients;
    const problem = buildDayProblem(e, DATE);
    expect(problem.patients[0]).toMatchObject({ id: patient!.id, ref: patient!.localRef, initials: `${patient!.givenName[0]}${patient!.familyName[0]}` });
    expect(JSON.stringify(problem)).not.toContain(patient!.nhsNumber);
    expect(JSON.stringify(problem.patients)).not.toContain(patient!.familyName);
    expect(JSON.stringify(problem.patients)).not.toContain(patient!.givenName);
  });

  it('maps pins given by assessment type id to codes and keeps meal pins', () => {
    const e = entities(1);
    const patientId = e.patients[0]!.id;
    const anp = e.assessmentTypes.find((t) => t.code === 'anp-initial')!;
    e.pins = [
      { patientId, typeId: anp.id, startMin: 540 },
      { patientId, typeId: 'meal', startMin: 720 },
    ];
    expect(buildDayProblem(e, DATE).pins).toEqual([
      { patientId, typeId: 'anp-initial', startMin: 540 },
      { patientId, typeId: 'meal', startMin: 720 },
    ]);
  });

  it('does not change its input', () => {
    const e = entities();
    const before = structuredClone(e);
    buildDayProblem(e, DATE);
    expect(e).toEqual(before);
  });

  describe('contradictory input gets an error naming the field', () => {
    it('a patient without a pre-visit outcome', () => {
      const e = entities(3);
      const patient = e.patients[1]!;
      const { referral } = preVisitOf(e, patient.id);
      e.preVisits = e.preVisits.filter((v) => v.referralId !== referral.id);
      expectInputError(() => buildDayProblem(e, DATE), 'preVisits', new RegExp(`no pre-visit outcome for patient ${patient.localRef}`));
    });

    it('a patient without an open referral', () => {
      const e = entities(2);
      preVisitOf(e, e.patients[0]!.id).referral.status = 'cancelled';
      expectInputError(() => buildDayProblem(e, DATE), 'referrals', new RegExp(`no open referral for patient ${e.patients[0]!.localRef}`));
    });

    it('an unknown assessment type id in a pre-visit outcome', () => {
      const e = entities(1);
      const { preVisit } = preVisitOf(e, e.patients[0]!.id);
      const index = e.preVisits.indexOf(preVisit);
      preVisit.requiredAssessmentTypeIds[1] = '00000000-0000-4000-8000-000000000000';
      expectInputError(() => buildDayProblem(e, DATE), `preVisits[${index}].requiredAssessmentTypeIds[1]`, /unknown assessment type id "00000000-0000-4000-8000-000000000000"/);
    });

    it('an unknown type in a precedence rule', () => {
      const e = entities(1);
      e.precedenceRules[1]!.before = 'f0000000-0000-4000-8000-000000000000';
      expectInputError(() => buildDayProblem(e, DATE), 'precedenceRules[1].before', /unknown assessment type id/);
    });

    it('a shift of an unknown staff member, and two shifts on one day', () => {
      const e = entities(1);
      e.shifts.push({ staffId: 'a0000000-0000-4000-8000-000000000000', date: DATE, start: '09:00', end: '17:00', breaks: [] });
      expectInputError(() => buildDayProblem(e, DATE), `shifts[${e.shifts.length - 1}].staffId`, /unknown staff member/);
      const f = entities(1);
      const twice = f.shifts.find((s) => s.date === DATE)!;
      f.shifts.push({ ...twice });
      expectInputError(() => buildDayProblem(f, DATE), `shifts[${f.shifts.length - 1}]`, /has two shifts on 2026-12-01/);
    });

    it('a closed date, a weekend and a patient unavailable that day', () => {
      const e = entities(1);
      e.centre.closedDates = [DATE];
      expectInputError(() => buildDayProblem(e, DATE), 'date', /closed on 2026-12-01/);
      expectInputError(() => buildDayProblem(entities(1), '2026-12-05'), 'date', /weekday 6 is not in centre.openWeekdays/);
      const u = entities(1);
      u.patients[0]!.unavailableDates = [DATE];
      expectInputError(() => buildDayProblem(u, DATE), 'patients[0].unavailableDates', /unavailable on 2026-12-01/);
    });

    it('a pin with an unknown type', () => {
      const e = entities(1);
      e.pins = [{ patientId: e.patients[0]!.id, typeId: 'aromatherapy', startMin: 600 }];
      expectInputError(() => buildDayProblem(e, DATE), 'pins[0].typeId', /unknown assessment type "aromatherapy"/);
    });

    it('a pin naming a staff member not in the problem fails the final check, naming the path', () => {
      const e = entities(1);
      e.pins = [{ patientId: e.patients[0]!.id, typeId: 'anp-initial', startMin: 600, staffId: 'nobody' }];
      expect(() => buildDayProblem(e, DATE)).toThrow(/pins\[0\]\.staffId: unknown staff member "nobody"/);
    });
  });
});

describe('patientPriority', () => {
  it('is 1 for a fit patient referred today and grows with frailty, urgency and waiting', () => {
    expect(patientPriority({ efiCategory: 'fit', urgent: false, daysWaited: 0 })).toBe(1);
    expect(patientPriority({ efiCategory: 'mild', urgent: false, daysWaited: 0 })).toBe(2);
    expect(patientPriority({ efiCategory: 'moderate', urgent: false, daysWaited: 14 })).toBe(3.5);
    expect(patientPriority({ efiCategory: 'severe', urgent: true, daysWaited: 0 })).toBe(7);
  });

  it('caps the waiting part at 3 points (12 weeks) and ignores negative waits', () => {
    expect(patientPriority({ efiCategory: 'severe', urgent: true, daysWaited: 84 })).toBe(10);
    expect(patientPriority({ efiCategory: 'severe', urgent: true, daysWaited: 400 })).toBe(10);
    expect(patientPriority({ efiCategory: 'fit', urgent: false, daysWaited: -5 })).toBe(1);
  });
});
