/** One measured instance: the row shape every suite writes to bench-results/<suite>.json. */
export interface BenchRow {
  instance: string;
  /** Known optimum / best-known / bound the value is compared with (null if none). */
  known: number | null;
  /** The value our planner reached (objective as the suite defines it). */
  value: number | null;
  /** 100 × (value − known) / known; null when either is missing. */
  gapPct: number | null;
  seconds: number;
  /** The independent checker accepted the plan. */
  valid: boolean;
  /** Suite-specific extra columns (e.g. vehicles, placedPct, rideMin). */
  [extra: string]: string | number | boolean | null;
}

export interface SuiteRunOptions {
  /** Folder of instance files in the suite's original format, with its CSV of known values. */
  dir?: string;
  /** Per-instance time limit override, seconds. */
  timeLimitSec?: number;
  /** Only instances whose name matches. */
  filter?: RegExp;
  log: (line: string) => void;
}

export interface BenchSuite {
  name: string;
  /** One sentence for BENCHMARKS.md: what is measured and against what. */
  description: string;
  /** Targets from the issue, quoted in BENCHMARKS.md beside the table. */
  target: string;
  /** Extra columns to show in the table, in order. */
  extraColumns?: string[];
  run(options: SuiteRunOptions): Promise<BenchRow[]>;
}

/** Gap in percent, rounded to 2 decimals. */
export function gapPct(value: number | null, known: number | null): number | null {
  if (value === null || known === null || known === 0) return null;
  return Math.round((10000 * (value - known)) / Math.abs(known)) / 100;
}
