import type { LpModel, MipResult, MipStatus } from './lp-model.ts';
import { snapIntegers, verifySolution } from './verify-solution.ts';

export interface RawAnswer {
  /** What the backend claims: a solution it thinks optimal, one it stopped with, or none. */
  claim: 'optimal' | 'feasible' | 'infeasible' | 'unbounded' | 'no-solution' | 'failed';
  values?: number[];
  bound?: number;
  message?: string;
  rowDuals?: number[];
  reducedCosts?: number[];
}

/**
 * Turns a backend's raw claim into a `MipResult`, verifying any solution it offers.
 * A solution that breaks integrality or a constraint becomes `failed` — never used.
 */
export function acceptAnswer(model: LpModel, backend: string, raw: RawAnswer, relax = false): MipResult {
  const hasSolution = raw.claim === 'optimal' || raw.claim === 'feasible';
  if (!hasSolution || !raw.values) {
    const status: MipStatus = hasSolution ? 'failed' : raw.claim;
    return { status, objective: null, values: [], backend, message: raw.message ?? (hasSolution ? 'no values returned' : undefined), ...boundOf(raw) };
  }
  const check = verifySolution(model, raw.values, { relax });
  if (!check.ok) {
    return {
      status: 'failed',
      objective: null,
      values: [],
      backend,
      message: `${backend} returned a ${raw.claim} answer that fails verification: ${check.problems.join('; ')}`,
      ...boundOf(raw),
    };
  }
  const values = relax ? raw.values : snapIntegers(model, raw.values);
  const objective = relax ? check.objective : verifySolution(model, values, { relax }).objective;
  return {
    status: raw.claim, objective, values, backend, ...boundOf(raw),
    ...(raw.message ? { message: raw.message } : {}),
    ...(relax && raw.rowDuals ? { rowDuals: raw.rowDuals } : {}),
    ...(relax && raw.reducedCosts ? { reducedCosts: raw.reducedCosts } : {}),
  };
}

function boundOf(raw: RawAnswer): { bound?: number } {
  return raw.bound !== undefined && Number.isFinite(raw.bound) ? { bound: raw.bound } : {};
}
