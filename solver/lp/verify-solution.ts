import type { LpModel } from './lp-model.ts';

export interface VerifyOptions {
  /** Absolute tolerance on bounds and constraints, scaled by the row's size (default 1e-6). */
  feasibilityTolerance?: number;
  /** How far from an integer an integer variable may be (default 1e-6). */
  integralityTolerance?: number;
  /** Ignore integrality (checking an LP-relaxation answer). */
  relax?: boolean;
}

export interface SolutionCheck {
  ok: boolean;
  /** The first few problems found, as sentences. */
  problems: string[];
  /** Objective of the values, recomputed from the model. */
  objective: number;
}

const MAX_PROBLEMS = 5;

/**
 * Re-checks a backend's answer against the model: the value count, every variable's
 * bounds and integrality, every constraint. A backend answer is used only if this passes.
 *
 * @example
 * verifySolution(model, [1, 0.5]).ok // false when the second variable is integer
 */
export function verifySolution(model: LpModel, values: number[], options: VerifyOptions = {}): SolutionCheck {
  const feasTol = options.feasibilityTolerance ?? 1e-6;
  const intTol = options.integralityTolerance ?? 1e-6;
  const problems: string[] = [];
  const note = (message: string) => { if (problems.length < MAX_PROBLEMS) problems.push(message); };
  if (values.length !== model.variables.length) {
    return { ok: false, problems: [`expected ${model.variables.length} values, got ${values.length}`], objective: NaN };
  }
  let objective = model.objectiveOffset ?? 0;
  let failures = 0;
  model.variables.forEach((variable, i) => {
    const value = values[i]!;
    objective += variable.cost * value;
    if (!Number.isFinite(value)) { failures++; note(`${variable.name} = ${value} is not finite`); return; }
    const lb = variable.lb ?? 0;
    const ub = variable.ub ?? Infinity;
    if (value < lb - feasTol || value > ub + feasTol) { failures++; note(`${variable.name} = ${value} outside [${lb}, ${ub}]`); }
    if (variable.integer && !options.relax && Math.abs(value - Math.round(value)) > intTol) {
      failures++;
      note(`${variable.name} = ${value} is not integral`);
    }
  });
  for (const constraint of model.constraints) {
    let activity = 0;
    let scale = 1;
    for (const term of constraint.terms) {
      activity += term.coefficient * (values[term.variable] ?? NaN);
      scale = Math.max(scale, Math.abs(term.coefficient));
    }
    const tol = feasTol * scale;
    if (Number.isNaN(activity)) { failures++; note(`${constraint.name}: refers to a missing variable`); continue; }
    if (constraint.lb !== undefined && activity < constraint.lb - tol) { failures++; note(`${constraint.name}: ${activity} < ${constraint.lb}`); }
    if (constraint.ub !== undefined && activity > constraint.ub + tol) { failures++; note(`${constraint.name}: ${activity} > ${constraint.ub}`); }
  }
  if (failures > problems.length) problems.push(`… ${failures - problems.length} more`);
  return { ok: failures === 0, problems, objective };
}

/** Rounds integer variables that verification already accepted as integral (removes 0.9999999 noise). */
export function snapIntegers(model: LpModel, values: number[]): number[] {
  return values.map((value, i) => (model.variables[i]?.integer ? Math.round(value) : value));
}
