import jslsModule from 'javascript-lp-solver';
import type { Model as JslsModel, ConstraintBound } from 'javascript-lp-solver';
import type { LpModel, MipResult, MipSolveOptions, MipSolver } from './lp-model.ts';
import { acceptAnswer } from './accept-answer.ts';

const OBJECTIVE = '__objective';

// The ESM build's default export is the solver itself; the bundled types describe the CJS shape.
const jsls = jslsModule as unknown as { Solve(model: JslsModel): unknown };

/**
 * The pure-JavaScript backend (javascript-lp-solver). Fine for small models; on hard MIPs it
 * can return non-integral "feasible" answers or none at all, which `acceptAnswer` reports
 * as `failed`. It reports no bound.
 *
 * @example
 * createJslsSolver().solve(model, { timeLimitMs: 2000 })
 */
export function createJslsSolver(): MipSolver {
  return { name: 'jsls', solve: (model, options) => solveWithJsls(model, options ?? {}) };
}

function solveWithJsls(model: LpModel, options: MipSolveOptions): MipResult {
  const relax = options.relax ?? false;
  const jsModel = toJslsModel(model, options, relax);
  let raw: Record<string, unknown>;
  try {
    raw = jsls.Solve(jsModel) as unknown as Record<string, unknown>;
  } catch (error) {
    return acceptAnswer(model, 'jsls', { claim: 'failed', message: `javascript-lp-solver threw: ${String(error)}` }, relax);
  }
  if (raw.feasible !== true) {
    // jsls does not distinguish "proved infeasible" from "gave up"; say which we cannot tell.
    const claim = raw.bounded === false ? 'unbounded' : 'infeasible';
    return acceptAnswer(model, 'jsls', { claim, message: 'javascript-lp-solver reported no feasible solution' }, relax);
  }
  if (raw.bounded === false) return acceptAnswer(model, 'jsls', { claim: 'unbounded' }, relax);
  const values = model.variables.map((_, i) => {
    const value = raw[`v${i}`];
    return typeof value === 'number' ? value : 0;
  });
  return acceptAnswer(model, 'jsls', { claim: 'optimal', values }, relax);
}

function toJslsModel(model: LpModel, options: MipSolveOptions, relax: boolean): JslsModel {
  const constraints: Record<string, ConstraintBound> = {};
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  const unrestricted: Record<string, 1> = {};
  model.variables.forEach((variable, i) => {
    const name = `v${i}`;
    const coefficients: Record<string, number> = { [OBJECTIVE]: variable.cost };
    const lb = variable.lb ?? 0;
    const ub = variable.ub ?? Infinity;
    if (lb < 0) unrestricted[name] = 1;
    if (lb !== 0 || Number.isFinite(ub)) {
      // jsls has no column bounds: add them as single-variable rows.
      constraints[`b${i}`] = { ...(lb > -Infinity ? { min: lb } : {}), ...(Number.isFinite(ub) ? { max: ub } : {}) };
      coefficients[`b${i}`] = 1;
    }
    if (variable.integer && !relax) ints[name] = 1;
    variables[name] = coefficients;
  });
  model.constraints.forEach((constraint, j) => {
    const row = `c${j}`;
    constraints[row] = {
      ...(constraint.lb !== undefined ? { min: constraint.lb } : {}),
      ...(constraint.ub !== undefined ? { max: constraint.ub } : {}),
    };
    for (const term of constraint.terms) {
      const coefficients = variables[`v${term.variable}`];
      if (!coefficients) throw new Error(`constraint ${constraint.name} refers to variable ${term.variable}, which does not exist`);
      coefficients[row] = (coefficients[row] ?? 0) + term.coefficient;
    }
  });
  return {
    optimize: OBJECTIVE,
    opType: model.sense,
    constraints,
    variables,
    ints,
    unrestricted,
    options: {
      ...(options.timeLimitMs !== undefined ? { timeout: options.timeLimitMs } : {}),
      tolerance: options.relativeGap ?? 1e-4,
    },
  };
}
