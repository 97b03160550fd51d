/**
 * The CP-SAT peer (bench/peers/cpsat-day.py, OR-Tools) run on one day problem, its plan put
 * together by our assembleDayPlan, scored by scorePlan and checked by validatePlan — so every
 * comparison with planDay uses one scorer and one checker. Needs Python 3 and
 * `pip install ortools`; not a dependency of the product.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleDayPlan, validatePlan, type DayPlan, type DayProblem, type PlanBound, type PlannedActivity, type UnscheduledAssessment } from '../../solver/index.ts';

const PEER_SCRIPT = join(import.meta.dirname, '..', 'peers', 'cpsat-day.py');

interface PeerOutput {
  status: string;
  objective: number | null;
  bound: number;
  activities: PlannedActivity[];
  unscheduled: UnscheduledAssessment[];
}

export type PeerResult =
  | { ran: false; reason: string }
  | { ran: true; status: string; cpsatBound: number; plan: DayPlan | null; valid: boolean; violations: string[]; unscheduled: number | null };

/** @example runCpsatPeer(problem, 10, bound) // { ran: true, plan, valid: true, unscheduled: 0, … } */
export function runCpsatPeer(problem: DayProblem, timeLimitSec: number, bound: PlanBound, workers = 2): PeerResult {
  const file = join(mkdtempSync(join(tmpdir(), 'cpsat-peer-')), 'day.json');
  writeFileSync(file, JSON.stringify(problem));
  let peer: PeerOutput;
  try {
    peer = JSON.parse(execFileSync('python3', [PEER_SCRIPT, file, '--time-limit', String(timeLimitSec), '--workers', String(workers)], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] })) as PeerOutput;
  } catch (error) {
    return { ran: false, reason: `the peer did not run (is OR-Tools installed? pip install ortools): ${String(error).slice(0, 200)}` };
  }
  if (peer.objective === null) return { ran: true, status: peer.status, cpsatBound: peer.bound, plan: null, valid: false, violations: [], unscheduled: null };
  const plan = assembleDayPlan(problem, { activities: peer.activities, unscheduled: peer.unscheduled, bound, stats: { iterations: 0, improvements: 0, timedOut: true, seed: 0, method: 'OR-Tools CP-SAT peer' } });
  const check = validatePlan(problem, plan);
  return {
    ran: true,
    status: peer.status,
    cpsatBound: Math.round(peer.bound * 100) / 100,
    plan,
    valid: check.valid && plan.score.hard === 0,
    violations: check.violations.map((v) => v.message),
    unscheduled: peer.unscheduled.length,
  };
}
