/**
 * `icc plan-day <problem.json> [--time-limit s] [--seed n] [--json]`
 * Plans one ICC day from a problem document and prints the timetable (or the plan as JSON).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { planDay, type DayProblem } from '../../../solver/index.ts';
import { parseDayProblem } from '../../domain/day-problem-schema.ts';
import { formatTimetable } from '../format-timetable.ts';
import { createProgressIndicator } from '../progress-indicator.ts';
import { CliInputError } from '../cli-input-error.ts';

export interface PlanDayCommandOptions {
  timeLimit: string;
  seed: string;
  json?: boolean;
}

export function planDayCommand(file: string, options: PlanDayCommandOptions): void {
  const timeLimitSec = positiveNumber(options.timeLimit, '--time-limit');
  const seed = nonNegativeInteger(options.seed, '--seed');
  const problem = readProblem(file);
  const progress = createProgressIndicator(process.stderr, () => performance.now());
  const plan = planDay(problem, {
    timeLimitMs: timeLimitSec * 1000,
    seed,
    now: () => performance.now(),
    onProgress: (event) => progress.update(event),
  });
  progress.done();
  process.stdout.write(options.json ? JSON.stringify(plan, null, 2) + '\n' : formatTimetable(problem, plan));
}

function readProblem(file: string): DayProblem {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliInputError(`Cannot read problem file '${file}': ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliInputError(`Problem file '${file}' is not valid JSON: ${(error as Error).message}`);
  }
  return parseDayProblem(json);
}

function positiveNumber(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new CliInputError(`${flag} must be a positive number of seconds, got '${value}'.`);
  return n;
}

function nonNegativeInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliInputError(`${flag} must be a whole number ≥ 0, got '${value}'.`);
  return n;
}
