import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDayProblem } from '../../../src/demo/demo-day-problem.ts';
import { parseDayProblem } from '../../../src/domain/day-problem-schema.ts';

/** Each case starts Node with tsx; allow for a busy machine. */
const SPAWN_TIMEOUT_MS = 120_000;

const script = new URL('../../../src/demo/print-demo-problem.ts', import.meta.url).pathname;

function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });
}

describe('demo:problem script', () => {
  it('prints the demo day problem as JSON, the same document demoDayProblem returns', () => {
    const result = run('--date', '2026-12-02', '--patients', '5', '--seed', '7');
    expect(result.status).toBe(0);
    const printed = parseDayProblem(JSON.parse(result.stdout));
    expect(printed).toEqual(demoDayProblem({ seed: 7, date: '2026-12-02', patients: 5 }));
  }, SPAWN_TIMEOUT_MS);

  it('writes the file given with --out', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'demo-problem-')), 'day.json');
    const result = run('--patients', '3', '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).patients).toHaveLength(3);
  }, SPAWN_TIMEOUT_MS);

  it('exits 1 naming the bad option', () => {
    const result = run('--patients', 'many');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--patients must be a whole number');
    expect(run('--date', '2026-12-06').stderr).toContain('closed on 2026-12-06');
  }, SPAWN_TIMEOUT_MS);
});
