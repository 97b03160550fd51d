/**
 * The CP-SAT peer beside planDay: each demo ICC day (the icc suite's days and limits) is
 * written as a day-problem file, solved by bench/peers/cpsat-day.py (OR-Tools CP-SAT, 2
 * workers, the same time limit planDay gets), and its plan is scored by our scorePlan and
 * checked by validatePlan — so the comparison uses one scorer and one checker. planDay's
 * figures beside it are the icc suite's last timed rows (bench-results/icc.json).
 *
 *   pip install ortools        (Python 3; not a dependency of the product)
 *   npm run bench -- icc-peer [--time-limit s] [--filter regex]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchRow, BenchSuite } from '../lib/types.ts';
import { demoDayProblem } from '../../src/demo/demo-day-problem.ts';
import { assembleDayPlan, computeLowerBound, validatePlan, type PlannedActivity, type UnscheduledAssessment } from '../../solver/index.ts';
import { ICC_DATE, ICC_DAYS, ICC_SEED } from './icc.ts';

const PEER_SCRIPT = join(import.meta.dirname, '..', 'peers', 'cpsat-day.py');
const ICC_RESULTS = join(import.meta.dirname, '..', '..', 'bench-results', 'icc.json');

interface PeerOutput {
  status: string;
  objective: number | null;
  bound: number;
  activities: PlannedActivity[];
  unscheduled: UnscheduledAssessment[];
}

const suite: BenchSuite = {
  name: 'icc-peer',
  description:
    "The demo ICC days solved by an OR-Tools CP-SAT model of the same day problem (bench/peers/cpsat-day.py, 2 workers, planDay's time limit), its plan scored by scorePlan and checked by validatePlan; value = CP-SAT's soft score, known = our lower bound; planDay = the icc suite's timed soft score on the same day (bench-results/icc.json), cpsatBound = CP-SAT's own bound.",
  target: 'planDay never behind the peer: soft score ≤ CP-SAT\'s and no more assessments unscheduled, at the same time limit.',
  extraColumns: ['planDay', 'planDayUnscheduled', 'unscheduled', 'cpsatBound', 'status'],
  async run({ timeLimitSec, filter, log }) {
    const rows: BenchRow[] = [];
    const ours = existsSync(ICC_RESULTS) ? (JSON.parse(readFileSync(ICC_RESULTS, 'utf8')) as BenchRow[]) : [];
    const dir = mkdtempSync(join(tmpdir(), 'icc-peer-'));
    for (const day of ICC_DAYS) {
      const name = `icc-${day.patients}`;
      if (filter && !filter.test(name)) continue;
      const problem = demoDayProblem({ seed: ICC_SEED, date: ICC_DATE, patients: day.patients });
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(problem));
      const limit = timeLimitSec ?? day.timeLimitSec;
      const started = performance.now();
      let peer: PeerOutput;
      try {
        peer = JSON.parse(execFileSync('python3', [PEER_SCRIPT, file, '--time-limit', String(limit), '--workers', '2'], { encoding: 'utf8', maxBuffer: 64 << 20 })) as PeerOutput;
      } catch (error) {
        log(`${name}: the peer did not run (is OR-Tools installed? pip install ortools): ${String(error).slice(0, 200)}`);
        continue;
      }
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      const mine = ours.find((r) => r.instance === name);
      const bound = computeLowerBound(problem);
      if (peer.objective === null) {
        rows.push({ instance: name, known: bound.value, value: null, gapPct: null, seconds, valid: false, planDay: mine?.value ?? null, planDayUnscheduled: mine?.unscheduled ?? null, unscheduled: null, cpsatBound: peer.bound, status: peer.status });
        log(`${name}: CP-SAT found no plan in ${limit} s (${peer.status})`);
        continue;
      }
      const plan = assembleDayPlan(problem, { activities: peer.activities, unscheduled: peer.unscheduled, bound, stats: { iterations: 0, improvements: 0, timedOut: true, seed: 0, method: 'OR-Tools CP-SAT peer' } });
      const check = validatePlan(problem, plan);
      const value = Math.round(plan.score.soft * 100) / 100;
      rows.push({
        instance: name,
        known: Math.round(bound.value * 100) / 100,
        value,
        gapPct: plan.gapPct,
        seconds,
        valid: check.valid && plan.score.hard === 0,
        planDay: mine?.value ?? null,
        planDayUnscheduled: mine?.unscheduled ?? null,
        unscheduled: peer.unscheduled.length,
        cpsatBound: Math.round(peer.bound * 100) / 100,
        status: peer.status,
      });
      log(`${name}: CP-SAT ${value} (${peer.unscheduled.length} unscheduled, ${peer.status}) vs planDay ${mine?.value ?? '—'} (${mine?.unscheduled ?? '—'}), ${check.valid ? 'valid' : `INVALID: ${check.violations.slice(0, 2).map((v) => v.message).join('; ')}`}`);
    }
    return rows;
  },
};

export default suite;
