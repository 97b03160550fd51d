/**
 * Generated care-home outreach days (fixed seeds, fixed iteration budgets): 5, 10 and 20
 * residents over 1–4 homes, planned by planOutreachDay; every plan goes through the
 * independent checker.
 *
 *   npm run bench -- outreach [--filter regex]
 */
import { performance } from 'node:perf_hooks';
import type { BenchRow, BenchSuite } from '../lib/types.ts';
import { gapPct } from '../lib/types.ts';
import { demoOutreachProblem } from '../../src/demo/demo-outreach-problem.ts';
import { outreachTravel, planOutreachDay } from '../../solver/outreach/index.ts';
import { validateOutreachPlan } from '../../solver/validate/validate-outreach-plan.ts';

export const OUTREACH_DAYS = [
  { residents: 5, homes: 1, seed: 1 },
  { residents: 5, homes: 2, seed: 2 },
  { residents: 10, homes: 2, seed: 1 },
  { residents: 10, homes: 3, seed: 2 },
  { residents: 20, homes: 3, seed: 1 },
  { residents: 20, homes: 4, seed: 2 },
];
/** Fixed budgets (the machine is shared, so no time limits): the same plan on every run. */
export const OUTREACH_ITERATIONS = 2000;
export const OUTREACH_DATE = '2026-12-09';

const suite: BenchSuite = {
  name: 'outreach',
  description:
    `Generated outreach days (demoOutreachProblem: Hull care homes, the demo catalogue without X-ray, one ANP and one geriatrician per 4 residents, MDT at 16:00 back at the centre), ${OUTREACH_ITERATIONS} iterations, planner seed = instance seed; value = the objective (1000 × priority per unplaced assessment + driving minutes + 0.5 × residents' and staff's waiting minutes); known = our lower bound (unplaceable assessments, shortest tours per qualification group, unfillable precedence lags); valid = validateOutreachPlan accepts.`,
  target: 'Every plan accepted by the checker; residents fully assessed; travel and waiting minimised, gap to the lower bound reported.',
  extraColumns: ['residents', 'homes', 'fullyAssessed', 'unplaced', 'travelMin', 'residentWaitMin', 'staffWaitMin', 'iterations'],
  async run({ filter, log }) {
    const rows: BenchRow[] = [];
    for (const day of OUTREACH_DAYS) {
      const name = `outreach-${day.residents}r-${day.homes}h-s${day.seed}`;
      if (filter && !filter.test(name)) continue;
      const problem = demoOutreachProblem({ seed: day.seed, date: OUTREACH_DATE, residents: day.residents, homes: day.homes });
      const started = performance.now();
      const plan = planOutreachDay(problem, { seed: day.seed, maxIterations: OUTREACH_ITERATIONS });
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      const { violations } = validateOutreachPlan(problem, plan, { travelMin: outreachTravel(problem) });
      const unplacedResidents = new Set(plan.unscheduled.map((u) => u.residentId));
      const fullyAssessed = problem.residents.filter((r) => !unplacedResidents.has(r.id)).length;
      const value = Math.round(plan.score.soft * 100) / 100;
      const known = Math.round(plan.bound.value * 100) / 100;
      rows.push({
        instance: name, known, value, gapPct: gapPct(value, known), seconds, valid: violations.length === 0,
        residents: day.residents, homes: day.homes, fullyAssessed, unplaced: plan.unscheduled.length,
        travelMin: plan.score.travelMin, residentWaitMin: plan.score.residentWaitMin, staffWaitMin: plan.score.staffWaitMin, iterations: plan.stats.iterations,
      });
      log(`${name}: ${value} (bound ${known}), ${fullyAssessed}/${day.residents} fully assessed, travel ${plan.score.travelMin} min, ${seconds} s, ${violations.length === 0 ? 'valid' : `INVALID: ${violations.slice(0, 2).map((v) => v.message).join('; ')}`}`);
    }
    return rows;
  },
};

export default suite;
