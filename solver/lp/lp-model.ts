/**
 * A small, solver-neutral LP/MIP model and the interface every backend implements.
 *
 * Variables and constraints are addressed by index (models for booking have tens of
 * thousands of columns, so names are for messages only). A backend's answer is never
 * trusted: `verifySolution` re-checks it against the model before anyone uses it.
 */

export interface LpVariable {
  /** For messages and LP text; unique within the model. */
  name: string;
  /** Lower bound (default 0). */
  lb?: number;
  /** Upper bound (default +Infinity). */
  ub?: number;
  /** Must take an integer value in a MIP solve. */
  integer?: boolean;
  /** Objective coefficient. */
  cost: number;
}

export interface LpTerm {
  /** Index into `LpModel.variables`. */
  variable: number;
  coefficient: number;
}

/** lb ≤ Σ coefficient × variable ≤ ub; give either side or both (equal for an equality). */
export interface LpConstraint {
  name: string;
  terms: LpTerm[];
  lb?: number;
  ub?: number;
}

export interface LpModel {
  sense: 'min' | 'max';
  variables: LpVariable[];
  constraints: LpConstraint[];
  /** Constant added to the objective. */
  objectiveOffset?: number;
}

export interface MipSolveOptions {
  /** Wall-clock limit the backend should respect (each backend measures it itself). */
  timeLimitMs?: number;
  /** Solve the LP relaxation: ignore integrality. */
  relax?: boolean;
  /** Stop when the relative gap between incumbent and bound is at most this (default 1e-4). */
  relativeGap?: number;
}

/**
 * - `optimal`: proved optimal (for `relax`, the LP optimum);
 * - `feasible`: a verified solution, optimality not proved (time limit);
 * - `infeasible` / `unbounded`: proved by the backend;
 * - `no-solution`: stopped (time limit) with nothing usable;
 * - `failed`: the backend erred or its "answer" did not pass verification.
 */
export type MipStatus = 'optimal' | 'feasible' | 'infeasible' | 'unbounded' | 'no-solution' | 'failed';

export interface MipResult {
  status: MipStatus;
  /** Objective of `values` recomputed from the model (null without a solution). */
  objective: number | null;
  /** One value per variable (empty without a solution). */
  values: number[];
  /** A proved bound on the optimum (≤ for min), when the backend reports one. */
  bound?: number;
  /** LP relaxation only, when the backend gives them: one dual per constraint (min sense: reduced cost = cost − Σ a·dual). */
  rowDuals?: number[];
  /** LP relaxation only: one reduced cost per variable, as the backend computed it. */
  reducedCosts?: number[];
  /** Which backend answered, e.g. 'highs' or 'jsls'. */
  backend: string;
  /** Why the status is what it is, e.g. the verification failure. */
  message?: string;
}

/** A MIP backend. Pure ones live in solver/lp; ones that do I/O (WASM) are injected from src/. */
export interface MipSolver {
  name: string;
  /** Whether LP-relaxation answers carry `rowDuals` (lets callers price out columns). */
  providesDuals?: boolean;
  solve(model: LpModel, options?: MipSolveOptions): MipResult;
}
