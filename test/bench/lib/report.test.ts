import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchmarksMarkdown, writeSuiteResults } from '../../../bench/lib/report.ts';
import type { BenchSuite } from '../../../bench/lib/types.ts';

const suite = (name: string): BenchSuite => ({ name, description: `The ${name} suite.`, target: 'fast', extraColumns: ['vehicles'], run: async () => [] });

describe('benchmark report', () => {
  const cwd = process.cwd();
  beforeAll(() => process.chdir(mkdtempSync(join(tmpdir(), 'icc-bench-'))));
  afterAll(() => process.chdir(cwd));

  it('writes each suite\'s rows and rebuilds BENCHMARKS.md from every suite that has results, with when and under what load', () => {
    writeSuiteResults('alpha', [{ instance: 'a1', known: 100, value: 101, gapPct: 1, seconds: 2.5, valid: true, vehicles: 3 }]);
    writeSuiteResults('beta', [{ instance: 'b1', known: null, value: 7, gapPct: null, seconds: 1, valid: false, vehicles: null }]);
    writeBenchmarksMarkdown([suite('alpha'), suite('beta'), suite('never-run')]);

    const rows = JSON.parse(readFileSync('bench-results/alpha.json', 'utf8'));
    expect(rows).toEqual([{ instance: 'a1', known: 100, value: 101, gapPct: 1, seconds: 2.5, valid: true, vehicles: 3 }]);
    const md = readFileSync('BENCHMARKS.md', 'utf8');
    expect(md).toContain('## alpha');
    expect(md).toContain('| a1 | 100 | 101 | 1 | 2.50 | true | 3 |');
    expect(md).toContain('| b1 | — | 7 | — | 1 | false | — |');
    expect(md).not.toContain('## never-run');
    expect(md).toMatch(/Measured \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC; load average [\d.]+ on \d+ cores/);
    expect(md).toContain('Instances: 1; valid: 1/1; mean gap: 1%; worst gap: 1%');
  });
});
