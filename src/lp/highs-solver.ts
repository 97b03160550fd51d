/**
 * The HiGHS backend (npm `highs`: HiGHS compiled to WebAssembly). Loading the WASM file is
 * I/O, so this lives in src/ and is injected into the pure solver as a `MipSolver`.
 */
import highsModule from 'highs';
import type { Highs } from 'highs';
import { acceptAnswer, type RawAnswer, type LpModel, type MipResult, type MipSolveOptions, type MipSolver } from '../../solver/index.ts';

// The ESM build's default export is the loader; the bundled types describe the CJS shape.
const loadHighs = highsModule as unknown as () => Promise<Highs>;

let runtime: Promise<Highs> | undefined;

/**
 * Loads HiGHS once per process and returns a synchronous `MipSolver` over it.
 * `highsOptions` are passed to HiGHS as they are (e.g. `{ solver: 'ipm' }`).
 *
 * @example
 * const highs = await createHighsSolver();
 * const result = highs.solve(model, { timeLimitMs: 5000 });
 */
export async function createHighsSolver(highsOptions: Record<string, string | number | boolean> = {}): Promise<MipSolver> {
  runtime ??= loadHighs();
  const highs = await runtime;
  return { name: 'highs', providesDuals: true, solve: (model, options) => solveWithHighs(highs, model, options ?? {}, highsOptions) };
}

function solveWithHighs(highs: Highs, model: LpModel, options: MipSolveOptions, highsOptions: Record<string, string | number | boolean>): MipResult {
  const relax = options.relax ?? false;
  let raw: RawAnswer;
  let handle: ReturnType<Highs['createModel']> | undefined;
  try {
    handle = highs.createModel(toModelData(highs, model, relax));
    handle.options.set({
      output_flag: false,
      ...(options.timeLimitMs !== undefined ? { time_limit: options.timeLimitMs / 1000 } : {}),
      mip_rel_gap: options.relativeGap ?? 1e-4,
      random_seed: 0,
      ...highsOptions,
    });
    handle.run();
    raw = readAnswer(highs, handle, model, relax);
  } catch (error) {
    raw = { claim: 'failed', message: `HiGHS failed: ${String(error)}` };
  } finally {
    handle?.dispose();
  }
  return acceptAnswer(model, 'highs', raw, relax);
}

type HighsModel = ReturnType<Highs['createModel']>;

function readAnswer(highs: Highs, handle: HighsModel, model: LpModel, relax: boolean): RawAnswer {
  const codes = highs.constants.modelStatus;
  const status = handle.getModelStatus();
  const isMip = !relax && model.variables.some((v) => v.integer);
  const bound = isMip ? infoNumber(handle, 'mip_dual_bound') : undefined;
  if (status === codes.infeasible) return { claim: 'infeasible' };
  if (status === codes.unbounded || status === codes.unboundedOrInfeasible) return { claim: 'unbounded', message: 'HiGHS: unbounded or infeasible' };
  const hasPrimal = infoNumber(handle, 'primal_solution_status') === 2; // 2 = feasible point
  const solution = hasPrimal || status === codes.optimal ? handle.getSolution() : undefined;
  const values = solution ? Array.from(solution.colValue) : undefined;
  if (status === codes.optimal || status === codes.empty) {
    if (!isMip && solution) {
      // HiGHS's convention (min sense): colDual = cost − Aᵀ rowDual.
      return { claim: 'optimal', values: values ?? [], rowDuals: Array.from(solution.rowDual), reducedCosts: Array.from(solution.colDual) };
    }
    return { claim: 'optimal', values: values ?? [], ...(bound !== undefined ? { bound } : {}) };
  }
  if (status === codes.timeLimit || status === codes.iterationLimit || status === codes.objectiveTarget) {
    if (!values || relax) return { claim: 'no-solution', message: `HiGHS stopped (status ${status}) without a solution` };
    return { claim: 'feasible', values, ...(bound !== undefined ? { bound } : {}), message: 'HiGHS hit its time limit' };
  }
  return { claim: 'failed', message: `HiGHS model status ${status}` };
}

function infoNumber(handle: HighsModel, name: string): number | undefined {
  try {
    const value = Number(handle.info.get(name));
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function toModelData(highs: Highs, model: LpModel, relax: boolean) {
  const inf = highs.infinity;
  const starts = new Int32Array(model.constraints.length + 1);
  let nonzeros = 0;
  model.constraints.forEach((c, i) => { nonzeros += c.terms.length; starts[i + 1] = nonzeros; });
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  let k = 0;
  for (const constraint of model.constraints) {
    // HiGHS rejects duplicate indices within a row: merge them.
    const merged = new Map<number, number>();
    for (const term of constraint.terms) merged.set(term.variable, (merged.get(term.variable) ?? 0) + term.coefficient);
    if (merged.size !== constraint.terms.length) throw new Error(`constraint ${constraint.name} lists a variable twice`);
    for (const [variable, coefficient] of merged) { indices[k] = variable; values[k] = coefficient; k++; }
  }
  const bound = (value: number | undefined, fallback: number) => (value === undefined || !Number.isFinite(value) ? fallback : value);
  return {
    numCols: model.variables.length,
    numRows: model.constraints.length,
    sense: model.sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    offset: model.objectiveOffset ?? 0,
    colCost: Float64Array.from(model.variables, (v) => v.cost),
    colLower: Float64Array.from(model.variables, (v) => bound(v.lb ?? 0, -inf)),
    colUpper: Float64Array.from(model.variables, (v) => bound(v.ub, inf)),
    rowLower: Float64Array.from(model.constraints, (c) => bound(c.lb, -inf)),
    rowUpper: Float64Array.from(model.constraints, (c) => bound(c.ub, inf)),
    matrix: { format: 'csr' as const, numRows: model.constraints.length, numCols: model.variables.length, starts, indices, values },
    ...(relax ? {} : { integrality: Int32Array.from(model.variables, (v) => (v.integer ? 1 : 0)) }),
  };
}
