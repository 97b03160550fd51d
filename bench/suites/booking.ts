/**
 * Booking benchmark (issue 6 item 7): 100, 500 and 2,000 waiting referrals from the seeded
 * demo generator over a 60-day horizon, planned with each MIP backend side by side.
 * javascript-lp-solver runs in a child process that is killed at the time limit, because
 * its solve is synchronous and ignores its own timeout while solving the LP.
 *   npm run bench -- booking [--filter booking-500] [--time-limit <s>]
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow, BenchSuite, SuiteRunOptions } from '../lib/types.ts';
import { gapPct } from '../lib/types.ts';
import { generateWaitingList } from '../../src/demo/waiting-list.ts';
import { createHighsSolver } from '../../src/lp/highs-solver.ts';
import { createJslsSolver } from '../../solver/lp/jsls-solver.ts';
import type { MipSolver } from '../../solver/lp/lp-model.ts';
import { planBooking } from '../../solver/booking/plan-booking.ts';
import { validateBookings } from '../../solver/booking/validate-bookings.ts';

const INSTANCES = [
  { name: 'booking-100', referrals: 100, seed: 100 },
  { name: 'booking-500', referrals: 500, seed: 500 },
  { name: 'booking-2000', referrals: 2000, seed: 2000 },
];
const DEFAULT_TIME_LIMIT_SEC = 180;
/** javascript-lp-solver gets at most this long (then its child is killed 30 s later). */
const JSLS_TIME_LIMIT_MS = 90_000;

/** A row before it is named; `note` always present. */
type Measured = BenchRow & { note: string };

/** Plans one instance with one backend and checks the plan independently. */
function measure(referrals: number, seed: number, solver: MipSolver, timeLimitMs: number): Measured {
  const list = generateWaitingList({ referrals, seed });
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const plan = planBooking(list.referrals, list.capacity, list.horizon, { solver, timeLimitMs, now: () => performance.now() });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const violations = validateBookings(list.referrals, list.capacity, list.horizon, plan.bookings, { unbooked: plan.unbooked });
  const known = plan.bound.value;
  return {
    instance: '',
    known: known === null ? null : round2(known),
    value: round2(plan.objective),
    gapPct: gapPct(plan.objective, known),
    seconds: round2(seconds),
    valid: violations.length === 0,
    backend: solver.name,
    method: `${plan.strategy}/${plan.method}`,
    cpuSeconds: round2(cpuSeconds),
    maxWaitDays: plan.maxWaitDays,
    unbooked: plan.unbooked.length,
    lpBound: plan.bound.lpRelaxation === null ? null : round2(plan.bound.lpRelaxation),
    lpGapPct: gapPct(plan.objective, plan.bound.lpRelaxation),
    fractional: plan.stats.fractionalReferrals,
    variables: plan.stats.variables,
    note: plan.stats.messages.join(' | ').slice(0, 160) || (violations[0]?.message ?? ''),
  };
}

/** Runs `measure` with javascript-lp-solver in a child process, killed after the limit. */
function measureJslsInChild(referrals: number, seed: number, timeLimitMs: number): Promise<Measured> {
  const killAfterMs = timeLimitMs + 30_000;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--jsls-child', String(referrals), String(seed), String(timeLimitMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const started = performance.now();
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = round2((performance.now() - started) / 1000);
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) return resolve(JSON.parse(line) as Measured);
      const why = signal === 'SIGKILL' ? `no answer within ${Math.round(killAfterMs / 1000)} s (killed; the LP solve ignores the time limit)` : `exited ${code}: ${err.trim().split('\n').pop() ?? ''}`;
      resolve({ instance: '', known: null, value: null, gapPct: null, seconds, valid: false, backend: 'jsls', method: 'none', cpuSeconds: null, maxWaitDays: null, unbooked: null, lpBound: null, lpGapPct: null, fractional: null, variables: null, note: `jsls failed: ${why}` });
    });
  });
}

const suite: BenchSuite = {
  name: 'booking',
  description:
    'Booking horizon (SPEC §3A): N waiting referrals from the seeded demo generator (load 0.95, rota ±20%, England bank holidays) over 60 days, ' +
    'one row per MIP backend. value = objective; known = best proven lower bound (the LP relaxation, or HiGHS\'s MIP dual bound when higher); ' +
    'lpGapPct = gap to the LP relaxation alone. seconds = wall clock, cpuSeconds = this process\'s CPU (the machine is shared: compare both). ' +
    'method = strategy/method: lp-fix = LP, keep its integral choices, MIP on the fractional rest; by-week = a rolling MIP per week (for javascript-lp-solver). ' +
    'valid = validateBookings (places, rota minutes, lead window, pre-visit slots, availability, pins).',
  target: '500 referrals in ≤ 5 s within 0.5% of the bound, on 2 cores.',
  extraColumns: ['backend', 'method', 'cpuSeconds', 'maxWaitDays', 'unbooked', 'lpGapPct', 'fractional', 'variables', 'note'],
  async run(options: SuiteRunOptions): Promise<BenchRow[]> {
    const timeLimitMs = (options.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC) * 1000;
    const highs = await createHighsSolver();
    const rows: BenchRow[] = [];
    for (const instance of INSTANCES) {
      // The LP bound is a property of the instance: jsls rows (which cannot solve the LP at
      // these sizes) are compared with the bound HiGHS proved for the same model.
      let instanceBound: number | null = null;
      for (const backend of ['highs', 'jsls'] as const) {
        const name = `${instance.name}/${backend}`;
        if (options.filter && !options.filter.test(name)) continue;
        const measured = backend === 'highs'
          ? measure(instance.referrals, instance.seed, highs, timeLimitMs)
          : await measureJslsInChild(instance.referrals, instance.seed, Math.min(timeLimitMs, JSLS_TIME_LIMIT_MS));
        if (backend === 'highs') instanceBound = measured.known;
        if (backend === 'jsls' && measured.known === null && instanceBound !== null && typeof measured.value === 'number') {
          measured.known = instanceBound;
          measured.gapPct = gapPct(measured.value, instanceBound);
          measured.note = [measured.note, 'bound: HiGHS LP of the same instance'].filter(Boolean).join(' | ');
        }
        const row: BenchRow = { ...measured, instance: name };
        options.log(`${name}: ${row.seconds} s, value ${row.value}, bound ${row.known}, gap ${row.gapPct}%, valid ${row.valid}${row.note ? ` — ${row.note}` : ''}`);
        rows.push(row);
      }
    }
    return rows;
  },
};

export default suite;

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

// Child-process entry for the javascript-lp-solver rows.
if (process.argv[2] === '--jsls-child' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [referrals, seed, timeLimitMs] = process.argv.slice(3).map(Number) as [number, number, number];
  process.stdout.write(`${JSON.stringify(measure(referrals, seed, createJslsSolver(), timeLimitMs))}\n`);
}
