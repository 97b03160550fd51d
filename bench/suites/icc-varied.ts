/**
 * Days that differ from the demo days, the way real days differ: the 8-patient demo day with
 * staff off, a single geriatrician, longer assessments, a care-home cohort with carers, or
 * pins; and the days the service plans (the demo centre's one team, not scaled up, with 11
 * and 12 patients). planDay at a fixed iteration budget (deterministic, load-free) beside the
 * CP-SAT peer at a time limit (bench/lib/cpsat-peer.ts; skipped when OR-Tools is missing),
 * both plans scored by scorePlan and checked by validatePlan.
 *
 *   npm run bench -- icc-varied [--time-limit s for the peer, default 10] [--filter regex]
 */
import { performance } from 'node:perf_hooks';
import type { BenchRow, BenchSuite } from '../lib/types.ts';
import { runCpsatPeer } from '../lib/cpsat-peer.ts';
import { demoDayAttendance, demoDayProblem } from '../../src/demo/demo-day-problem.ts';
import { buildDayProblem } from '../../src/solving/problem/build-day-problem.ts';
import { computeLowerBound, planDay, validatePlan, type DayProblem } from '../../solver/index.ts';
import { ICC_DATE, ICC_SEED } from './icc.ts';

/** planDay's budget on every varied day: a 16-patient day's quarter budget, about 1–4 s here. */
export const VARIED_ITERATIONS = 16_000;
const PEER_SECONDS = 10;

const base = (): DayProblem => demoDayProblem({ seed: ICC_SEED, date: ICC_DATE, patients: 8 });
const round5 = (min: number) => Math.round(min / 5) * 5;
/** The demo centre's own team (two geriatricians, three ANPs) with `patients` attending: demoDayProblem adds a team per 10 patients, the service does not. */
const oneTeam = (patients: number): DayProblem => {
  const { centre, attending } = demoDayAttendance({ seed: ICC_SEED, date: ICC_DATE, patients });
  return buildDayProblem({ ...centre, patients: attending }, ICC_DATE);
};

/** pinned-4's pins: patient, activity type, start (minutes from midnight), clinician, room. */
const PINNED_4: ReadonlyArray<[string, string, number, string, string]> = [
  ['JB-0001', 'anp-initial', 525, 'Sophie Kirk', 'Consult room 4'],
  ['JB-0007', 'social-care', 620, 'Nadia Storey', 'Consult room 7'],
  ['JB-0008', 'medication-review', 680, 'Kwame Johnson', 'Consult room 8'],
  ['JB-0001', 'alzheimers-support', 775, 'Priya Jackson', 'Consult room 4'],
];

/** Each varied day by its row name. */
export const VARIED_DAYS: Record<string, () => DayProblem> = {
  'demo-8': base,
  'staff-off': () => {
    // An ANP and a pharmacist off sick.
    const p = base();
    const offAnp = p.staff.find((s) => s.qualifications.includes('anp-initial'))!;
    const offPharmacist = p.staff.find((s) => s.qualifications.includes('medication-review'))!;
    return { ...p, staff: p.staff.filter((s) => s !== offAnp && s !== offPharmacist) };
  },
  'one-geriatrician': () => {
    const p = base();
    const geriatricians = p.staff.filter((s) => s.qualifications.includes('geriatrician-review'));
    return { ...p, staff: p.staff.filter((s) => !geriatricians.slice(1).includes(s)) };
  },
  'longer-x1.3': () => {
    const p = base();
    return { ...p, assessmentTypes: p.assessmentTypes.map((t) => ({ ...t, durationMin: round5(t.durationMin * 1.3) })) };
  },
  'care-home-carers': () => {
    // Residents who come 10:00–16:00 with a carer, who must be there for social care and the review.
    const p = base();
    return {
      ...p,
      patients: p.patients.map((pt) => ({
        ...pt, earliestArrivalMin: 600, latestDepartureMin: 960, carerPresent: { startMin: 600, endMin: 960 },
        required: pt.required.map((r) => (r.typeId === 'social-care' || r.typeId === 'geriatrician-review' ? { ...r, carerRequired: true } : r)),
      })),
    };
  },
  'pinned-4': () => {
    // Four activities pinned, as a coordinator pins them: the pins a quick planDay plan (seed 7,
    // 2000 iterations) gave at 25ead38, written out so that the day stays the same when planDay
    // changes (drawn from planDay each run, the day itself moved between 4164be5 and 25ead38).
    const p = base();
    const patientId = (ref: string) => p.patients.find((pt) => pt.ref === ref)!.id;
    const staffId = (name: string) => p.staff.find((s) => s.name === name)!.id;
    const roomId = (name: string) => p.rooms.find((r) => r.name === name)!.id;
    const pins = PINNED_4.map(([ref, typeId, startMin, staff, room]) => ({ patientId: patientId(ref), typeId, startMin, staffId: staffId(staff), roomId: roomId(room) }));
    return { ...p, pins };
  },
  'one-team-11': () => oneTeam(11),
  'one-team-12': () => oneTeam(12),
};

const assessmentsLeftOut = (unscheduled: readonly { typeId: string }[]) => unscheduled.filter((u) => u.typeId !== 'meal').length;

const suite: BenchSuite = {
  name: 'icc-varied',
  description:
    `Varied ICC days (the 8-patient demo day with an ANP and a pharmacist off, one geriatrician, assessments ×1.3, a care-home cohort with carers 10:00–16:00, four activities pinned; the demo centre's one team with 11 and 12 patients) planned by planDay at ${VARIED_ITERATIONS} iterations (deterministic) beside the CP-SAT peer at ${PEER_SECONDS} s (bench/peers/cpsat-day.py, 2 workers); value = planDay's soft score, known = our lower bound, peer = CP-SAT's soft score, both scored by scorePlan; valid and peerValid = validatePlan accepted planDay's and CP-SAT's plan.`,
  target: 'Issue 17: report planDay on days other than the demo days; never more assessments unscheduled than CP-SAT.',
  extraColumns: ['unscheduled', 'peer', 'peerUnscheduled', 'peerValid', 'peerStatus', 'iterations'],
  async run({ timeLimitSec, filter, log }) {
    const rows: BenchRow[] = [];
    const peerSeconds = timeLimitSec ?? PEER_SECONDS;
    for (const [name, make] of Object.entries(VARIED_DAYS)) {
      if (filter && !filter.test(name)) continue;
      const problem = make();
      const started = performance.now();
      const plan = planDay(problem, { seed: ICC_SEED, maxIterations: VARIED_ITERATIONS });
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      const oursValid = validatePlan(problem, plan).valid;
      const peer = runCpsatPeer(problem, peerSeconds, plan.bound);
      if (!peer.ran) log(`${name}: ${peer.reason}`);
      const peerPlan = peer.ran ? peer.plan : null;
      rows.push({
        instance: name,
        known: Math.round(computeLowerBound(problem).value * 100) / 100,
        value: plan.score.soft,
        gapPct: plan.gapPct,
        seconds,
        valid: oursValid,
        unscheduled: assessmentsLeftOut(plan.unscheduled),
        peer: peerPlan ? Math.round(peerPlan.score.soft * 100) / 100 : null,
        peerUnscheduled: peerPlan ? assessmentsLeftOut(peerPlan.unscheduled) : null,
        peerValid: peer.ran && peerPlan ? peer.valid : null,
        peerStatus: peer.ran ? peer.status : 'not run',
        iterations: plan.stats.iterations,
      });
      log(`${name}: planDay ${plan.score.soft} (${assessmentsLeftOut(plan.unscheduled)}) in ${seconds} s; CP-SAT ${peerPlan ? `${peerPlan.score.soft} (${assessmentsLeftOut(peerPlan.unscheduled)})` : peer.ran ? `no plan (${peer.status})` : 'not run'}`);
    }
    return rows;
  },
};

export default suite;
