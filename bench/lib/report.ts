import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BenchRow, BenchSuite } from './types.ts';

const RESULTS_DIR = 'bench-results';

/** When and under what load a suite ran: a time measured on a busy machine must say so. */
interface SuiteRunMeta {
  finishedAt: string;
  loadAverage1Min: number;
  cpus: number;
}

export function writeSuiteResults(suite: string, rows: BenchRow[]): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${suite}.json`), JSON.stringify(rows, null, 2) + '\n');
  const meta: SuiteRunMeta = { finishedAt: new Date().toISOString(), loadAverage1Min: Math.round(loadavg()[0]! * 10) / 10, cpus: cpus().length };
  writeFileSync(join(RESULTS_DIR, `${suite}.meta.json`), JSON.stringify(meta, null, 2) + '\n');
}

function readMeta(suite: string): SuiteRunMeta | undefined {
  const path = join(RESULTS_DIR, `${suite}.meta.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SuiteRunMeta) : undefined;
}

/** Rebuilds BENCHMARKS.md from every bench-results/<suite>.json, so one suite's run keeps the others. */
export function writeBenchmarksMarkdown(suites: BenchSuite[]): void {
  const files = new Set(readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.meta.json')));
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
    const meta = readMeta(suite.name);
    const measured = meta
      ? `Measured ${meta.finishedAt.slice(0, 16).replace('T', ' ')} UTC; load average ${meta.loadAverage1Min} on ${meta.cpus} cores when the suite finished${meta.loadAverage1Min > meta.cpus ? ' (a busy machine: times are inflated)' : ''}.`
      : 'Run time and machine load not recorded for this run.';
    sections.push(`## ${suite.name}`, '', suite.description, '', `Target: ${suite.target}`, '', measured, '');
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
