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
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchRow, BenchSuite } from '../lib/types.ts';
import { runCpsatPeer } from '../lib/cpsat-peer.ts';
import { demoDayProblem } from '../../src/demo/demo-day-problem.ts';
import { computeLowerBound } from '../../solver/index.ts';
import { ICC_DATE, ICC_DAYS, ICC_SEED } from './icc.ts';

const ICC_RESULTS = join(import.meta.dirname, '..', '..', 'bench-results', 'icc.json');

const suite: BenchSuite = {
  name: 'icc-peer',
  description:
    "The demo ICC days solved by an OR-Tools CP-SAT model of the same day problem (bench/peers/cpsat-day.py, 2 workers, planDay's time limit), its plan scored by scorePlan and checked by validatePlan; value = CP-SAT's soft score, known = our lower bound; planDay = the icc suite's timed soft score on the same day (bench-results/icc.json), cpsatBound = CP-SAT's own bound.",
  target: 'planDay never behind the peer: soft score ≤ CP-SAT\'s and no more assessments unscheduled, at the same time limit.',
  extraColumns: ['planDay', 'planDayUnscheduled', 'unscheduled', 'cpsatBound', 'status'],
  async run({ timeLimitSec, filter, log }) {
    const rows: BenchRow[] = [];
    const ours = existsSync(ICC_RESULTS) ? (JSON.parse(readFileSync(ICC_RESULTS, 'utf8')) as BenchRow[]) : [];
    for (const day of ICC_DAYS) {
      const name = `icc-${day.patients}`;
      if (filter && !filter.test(name)) continue;
      const problem = demoDayProblem({ seed: ICC_SEED, date: ICC_DATE, patients: day.patients });
      const limit = timeLimitSec ?? day.timeLimitSec;
      const bound = computeLowerBound(problem);
      const started = performance.now();
      const peer = runCpsatPeer(problem, limit, bound);
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      if (!peer.ran) {
        log(`${name}: ${peer.reason}`);
        continue;
      }
      const mine = ours.find((r) => r.instance === name);
      const value = peer.plan ? Math.round(peer.plan.score.soft * 100) / 100 : null;
      rows.push({
        instance: name,
        known: Math.round(bound.value * 100) / 100,
        value,
        gapPct: peer.plan?.gapPct ?? null,
        seconds,
        valid: peer.valid,
        planDay: mine?.value ?? null,
        planDayUnscheduled: mine?.unscheduled ?? null,
        unscheduled: peer.unscheduled,
        cpsatBound: peer.cpsatBound,
        status: peer.status,
      });
      log(peer.plan
        ? `${name}: CP-SAT ${value} (${peer.unscheduled} unscheduled, ${peer.status}) vs planDay ${mine?.value ?? '—'} (${mine?.unscheduled ?? '—'}), ${peer.valid ? 'valid' : `INVALID: ${peer.violations.slice(0, 2).join('; ')}`}`
        : `${name}: CP-SAT found no plan in ${limit} s (${peer.status})`);
    }
    return rows;
  },
};

export default suite;
