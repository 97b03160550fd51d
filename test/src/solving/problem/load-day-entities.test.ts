import { beforeAll, expect, it } from 'vitest';
import { patients } from '../../../../src/db/index.ts';
import { generateDemoCentre } from '../../../../src/demo/generate-demo-centre.ts';
import { loadDemoCentre } from '../../../../src/demo/load-demo-centre.ts';
import { buildDayProblem, DayProblemInputError } from '../../../../src/solving/problem/build-day-problem.ts';
import { loadDayEntities } from '../../../../src/solving/problem/load-day-entities.ts';
import type { DayProblem } from '../../../../solver/model/day-problem.ts';
import { describeEachDatabase } from '../../../helpers/describe-each-database.ts';
import { truncateAll } from '../../../helpers/test-database.ts';

const START = '2026-11-30';
const DATE = '2026-12-01';
const demo = generateDemoCentre({ seed: 1, startDate: START });
const attendingNhs = demo.patients.filter((p) => !p.unavailableDates.includes(DATE)).slice(0, 10).map((p) => p.nhsNumber);

/** The problem with database-made ids replaced, so two copies of the same centre compare equal. */
function comparable(problem: DayProblem) {
  const staffName = new Map(problem.staff.map((s) => [s.id, s.name]));
  return {
    centre: { ...problem.centre, id: 'x', mdt: { ...problem.centre.mdt, roomId: 'x' } },
    assessmentTypes: [...problem.assessmentTypes].sort((a, b) => a.id.localeCompare(b.id)),
    precedences: problem.precedences.map((p) => ({ ...p, id: 'x' })).sort((a, b) => `${a.before}>${a.after}`.localeCompare(`${b.before}>${b.after}`)),
    staff: problem.staff.map((s) => ({ ...s, id: 'x' })).sort((a, b) => a.name.localeCompare(b.name)),
    rooms: problem.rooms.map((r) => ({ ...r, id: 'x' })).sort((a, b) => a.name.localeCompare(b.name)),
    patients: problem.patients.map((p) => ({
      ...p,
      id: 'x',
      required: p.required.map((r) => ({ ...r, preferredStaffId: r.preferredStaffId && staffName.get(r.preferredStaffId) })),
    })),
  };
}

describeEachDatabase('loadDayEntities', (getDb) => {
  let centreId: string;
  let attendingIds: string[];

  beforeAll(async () => {
    await truncateAll(getDb());
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: START })).centreId!;
    const stored = await patients.list(getDb(), centreId);
    attendingIds = attendingNhs.map((nhs) => stored.find((p) => p.nhsNumber === nhs)!.id);
  }, 180_000);

  it('reads a day the database gives the same problem for as the generator, ids aside', async () => {
    const entities = await loadDayEntities(getDb(), centreId, DATE, attendingIds);
    expect(entities.shifts.every((s) => s.date === DATE)).toBe(true);
    expect(entities.patients.map((p) => p.id)).toEqual(attendingIds);
    const fromDb = buildDayProblem(entities, DATE);
    const fromGenerator = buildDayProblem({ ...demo, patients: demo.patients.filter((p) => attendingNhs.includes(p.nhsNumber)) }, DATE);
    expect(fromDb.patients).toHaveLength(10);
    expect(comparable(fromDb)).toEqual(comparable(fromGenerator));
  });

  it('names an unknown centre or patient', async () => {
    await expect(loadDayEntities(getDb(), '00000000-0000-4000-8000-000000000000', DATE, [])).rejects.toThrow(DayProblemInputError);
    await expect(loadDayEntities(getDb(), centreId, DATE, [attendingIds[0]!, 'nobody'])).rejects.toThrow(/patientIds\[1\]: no patient with id "nobody"/);
  });
});
