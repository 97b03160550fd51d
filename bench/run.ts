/**
 * Benchmark runner.
 *   npm run bench                         every suite, default instances
 *   npm run bench -- <suite> [dir]        one suite; with a folder, every instance file in it
 *   options: --time-limit <s>  --filter <regex>
 *   npm run bench -- --report-only          rebuild BENCHMARKS.md from bench-results/ without running anything
 * Writes bench-results/<suite>.json and rebuilds BENCHMARKS.md.
 */
import { loadSuites } from './suites/index.ts';
import { writeBenchmarksMarkdown, writeSuiteResults } from './lib/report.ts';

const args = process.argv.slice(2);
const positional: string[] = [];
let timeLimitSec: number | undefined;
let filter: RegExp | undefined;
let reportOnly = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--time-limit') timeLimitSec = Number(args[++i]);
  else if (arg === '--filter') filter = new RegExp(args[++i]!);
  else if (arg === '--report-only') reportOnly = true;
  else positional.push(arg);
}

const suites = await loadSuites();
const [suiteName, dir] = positional;
const selected = suiteName ? suites.filter((s) => s.name === suiteName) : suites;
if (suiteName && selected.length === 0) {
  console.error(`Unknown suite '${suiteName}'. Suites: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
for (const suite of reportOnly ? [] : selected) {
  console.log(`== ${suite.name}`);
  const rows = await suite.run({ dir, timeLimitSec, filter, log: (line) => console.log(`  ${line}`) });
  writeSuiteResults(suite.name, rows);
}
writeBenchmarksMarkdown(suites);
console.log('Wrote BENCHMARKS.md');
