// The ICC day's problem leaves out the staff who are on that date's outreach team (they are at
// care homes), on both databases; other dates keep them.
import { beforeAll, expect, it } from 'vitest';
import { outreachDays, patients, shifts } from '../../../../src/db/index.ts';
import { loadDemoCentre } from '../../../../src/demo/load-demo-centre.ts';
import { buildJobProblem } from '../../../../src/solving/problem/build-job-problem.ts';
import { centreShifts } from '../../../../src/solving/problem/outreach-teams.ts';
import { describeEachDatabase } from '../../../helpers/describe-each-database.ts';
import { truncateAll } from '../../../helpers/test-database.ts';

const START = '2026-11-30';
const DAY = '2026-12-02';
const OTHER_DAY = '2026-12-01';

describeEachDatabase('buildJobProblem and the outreach team', (getDb) => {
  let centreId: string;
  let attendingIds: string[];

  beforeAll(async () => {
    await truncateAll(getDb());
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: START })).centreId!;
    const everyone = await patients.list(getDb(), centreId);
    attendingIds = everyone.filter((p) => !p.careHomeId && !p.unavailableDates.includes(DAY) && !p.unavailableDates.includes(OTHER_DAY)).slice(0, 3).map((p) => p.id);
  }, 180_000);

  it("plans the ICC day without the staff who are out on that date's outreach team", async () => {
    const before = await buildJobProblem(getDb(), centreId, DAY, attendingIds);
    const onShift = (await shifts.list(getDb(), centreId, { date: DAY })).map((s) => s.staffId);
    const team = before.staff.filter((s) => onShift.includes(s.id)).slice(0, 2).map((s) => s.id);
    expect(team).toHaveLength(2);
    await outreachDays.insert(getDb(), centreId, { date: DAY, staffIds: team, maxResidents: 4 });

    const after = await buildJobProblem(getDb(), centreId, DAY, attendingIds);
    expect(after.staff.map((s) => s.id).sort()).toEqual(before.staff.map((s) => s.id).filter((id) => !team.includes(id)).sort());
    // Another date's ICC day still has them.
    const otherDay = await buildJobProblem(getDb(), centreId, OTHER_DAY, attendingIds);
    const onOtherDay = new Set((await shifts.list(getDb(), centreId, { date: OTHER_DAY })).map((s) => s.staffId));
    expect(team.filter((id) => onOtherDay.has(id)).length).toBeGreaterThan(0);
    for (const id of team.filter((id) => onOtherDay.has(id))) expect(otherDay.staff.map((s) => s.id)).toContain(id);
  });

  it('keeps the shifts of staff who are not out that date', () => {
    const shiftsOf = [{ date: DAY, staffId: 'a' }, { date: DAY, staffId: 'b' }, { date: OTHER_DAY, staffId: 'a' }];
    expect(centreShifts(shiftsOf, new Set([`${DAY}:a`]))).toEqual([{ date: DAY, staffId: 'b' }, { date: OTHER_DAY, staffId: 'a' }]);
  });
});
