import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchRow, BenchSuite } from './types.ts';

const RESULTS_DIR = 'bench-results';

export function writeSuiteResults(suite: string, rows: BenchRow[]): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${suite}.json`), JSON.stringify(rows, null, 2) + '\n');
}

/** Rebuilds BENCHMARKS.md from every bench-results/<suite>.json, so one suite's run keeps the others. */
export function writeBenchmarksMarkdown(suites: BenchSuite[]): void {
  const files = new Set(readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json')));
  const sections: string[] = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` — do not edit by hand. Each suite also writes `bench-results/<suite>.json`.',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}.`,
    '',
  ];
  for (const suite of suites) {
    if (!files.has(`${suite.name}.json`)) continue;
    const rows = JSON.parse(readFileSync(join(RESULTS_DIR, `${suite.name}.json`), 'utf8')) as BenchRow[];
    sections.push(`## ${suite.name}`, '', suite.description, '', `Target: ${suite.target}`, '');
    sections.push(...renderTable(rows, suite.extraColumns ?? []), '', ...renderSummary(rows), '');
  }
  writeFileSync('BENCHMARKS.md', sections.join('\n'));
}

function renderTable(rows: BenchRow[], extra: string[]): string[] {
  const columns = ['instance', 'known', 'value', 'gapPct', 'seconds', 'valid', ...extra];
  const lines = [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${columns.map((c) => formatCell(row[c])).join(' | ')} |`);
  return lines;
}

function renderSummary(rows: BenchRow[]): string[] {
  const gaps = rows.map((r) => r.gapPct).filter((g): g is number => typeof g === 'number');
  const mean = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : null;
  const worst = gaps.length ? Math.max(...gaps) : null;
  const valid = rows.filter((r) => r.valid).length;
  const seconds = rows.map((r) => r.seconds);
  return [
    `Instances: ${rows.length}; valid: ${valid}/${rows.length}; mean gap: ${formatCell(mean)}%; worst gap: ${formatCell(worst)}%; ` +
      `max time: ${formatCell(seconds.length ? Math.max(...seconds) : null)} s.`,
  ];
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return String(value);
}
