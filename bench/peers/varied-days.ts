/**
 * Varied days beside the demo days: the 8-patient demo day changed the way real days differ
 * (staff off, a single geriatrician, longer assessments, a care-home cohort with carers, pins),
 * and the days seen in the service: one team (the demo centre as it is, not scaled) with 11
 * and 12 patients,
 * planned by planDay at a fixed iteration budget (deterministic) and by the CP-SAT peer at a time
 * limit; both plans scored by scorePlan and checked by validatePlan. Prints a Markdown table.
 *
 *   npx tsx bench/peers/varied-days.ts [--iterations 16000] [--peer-seconds 10]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { demoDayAttendance, demoDayProblem } from '../../src/demo/demo-day-problem.ts';
import { buildDayProblem } from '../../src/solving/problem/build-day-problem.ts';
import { assembleDayPlan, computeLowerBound, planDay, validatePlan, type DayProblem, type PlannedActivity, type UnscheduledAssessment } from '../../solver/index.ts';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '16000' }, 'peer-seconds': { type: 'string', default: '10' } } });
const iterations = Number(values.iterations);
const peerSeconds = Number(values['peer-seconds']);
const base = () => demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
const round5 = (min: number) => Math.round(min / 5) * 5;
/** The demo centre's own team (two geriatricians, three ANPs) with `patients` attending: demoDayProblem adds a team per 10 patients, the service does not. */
const oneTeam = (patients: number): DayProblem => {
  const { centre, attending } = demoDayAttendance({ seed: 1, date: '2026-12-01', patients });
  return buildDayProblem({ ...centre, patients: attending }, '2026-12-01');
};

const DAYS: Record<string, () => DayProblem> = {
  'demo day (8 patients)': base,
  'staff off (an ANP and a pharmacist)': () => {
    const p = base();
    const offAnp = p.staff.find((s) => s.qualifications.includes('anp-initial'))!;
    const offPharm = p.staff.find((s) => s.qualifications.includes('medication-review'))!;
    return { ...p, staff: p.staff.filter((s) => s !== offAnp && s !== offPharm) };
  },
  'a single geriatrician': () => {
    const p = base();
    const gers = p.staff.filter((s) => s.qualifications.includes('geriatrician-review'));
    return { ...p, staff: p.staff.filter((s) => !gers.slice(1).includes(s)) };
  },
  'longer assessments (×1.3)': () => {
    const p = base();
    return { ...p, assessmentTypes: p.assessmentTypes.map((t) => ({ ...t, durationMin: round5(t.durationMin * 1.3) })) };
  },
  'care-home cohort with carers': () => {
    const p = base();
    return {
      ...p,
      patients: p.patients.map((pt) => ({
        ...pt, earliestArrivalMin: 600, latestDepartureMin: 960, carerPresent: { startMin: 600, endMin: 960 },
        required: pt.required.map((r) => (r.typeId === 'social-care' || r.typeId === 'geriatrician-review' ? { ...r, carerRequired: true } : r)),
      })),
    };
  },
  'pinned day (4 activities pinned)': () => {
    const p = base();
    const plan = planDay(p, { seed: 7, maxIterations: 2000 });
    const pins = plan.activities.filter((a) => a.kind !== 'meal').filter((_, i) => i % 12 === 0).slice(0, 4)
      .map((a) => ({ patientId: a.patientId, typeId: a.typeId, startMin: a.startMin, staffId: a.staffId, roomId: a.roomId }));
    return { ...p, pins };
  },
  'one team, 11 patients (as in the service)': () => oneTeam(11),
  'one team, 12 patients (as in the service)': () => oneTeam(12),
};

const dir = mkdtempSync(join(tmpdir(), 'varied-days-'));
console.log(`| day | bound | planDay ${iterations / 1000}k it: soft (unscheduled) | CP-SAT ${peerSeconds} s: soft (unscheduled) | both valid |`);
console.log('|---|---|---|---|---|');
for (const [name, make] of Object.entries(DAYS)) {
  const problem = make();
  const ours = planDay(problem, { seed: 1, maxIterations: iterations });
  const oursValid = validatePlan(problem, ours).valid;
  const file = join(dir, 'day.json');
  writeFileSync(file, JSON.stringify(problem));
  let peerText = 'did not run';
  let peerValid = false;
  try {
    const peer = JSON.parse(execFileSync('python3', [join(import.meta.dirname, 'cpsat-day.py'), file, '--time-limit', String(peerSeconds), '--workers', '2'], { encoding: 'utf8', maxBuffer: 64 << 20 })) as
      { status: string; activities: PlannedActivity[]; unscheduled: UnscheduledAssessment[] };
    if (peer.activities.length > 0 || peer.status === 'OPTIMAL' || peer.status === 'FEASIBLE') {
      const plan = assembleDayPlan(problem, { activities: peer.activities, unscheduled: peer.unscheduled, bound: ours.bound, stats: { iterations: 0, improvements: 0, timedOut: true, seed: 0 } });
      peerValid = validatePlan(problem, plan).valid;
      peerText = `${plan.score.soft} (${peer.unscheduled.length})`;
    } else peerText = `no plan (${peer.status})`;
  } catch (error) {
    peerText = `did not run: ${String(error).slice(0, 60)}`;
  }
  const unscheduled = ours.unscheduled.filter((u) => u.typeId !== 'meal').length;
  console.log(`| ${name} | ${Math.round(computeLowerBound(problem).value * 100) / 100} | ${ours.score.soft} (${unscheduled}) | ${peerText} | ${oursValid && peerValid ? 'yes' : `planDay ${oursValid}, CP-SAT ${peerValid}`} |`);
}
