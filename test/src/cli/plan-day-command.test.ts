import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDayProblem } from '../../../src/demo/demo-day-problem.ts';
import { validatePlan } from '../../../solver/validate/validate-plan.ts';
import type { DayPlan, DayProblem } from '../../../solver/model/index.ts';

const run = promisify(execFile);
const icc = join(import.meta.dirname, '../../../bin/icc.js');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [icc, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('icc plan-day', () => {
  let dir: string;
  let problem: DayProblem;
  let problemFile: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'icc-cli-'));
    problem = demoDayProblem({ seed: 3, date: '2026-12-01', patients: 6 });
    problemFile = join(dir, 'day.json');
    writeFileSync(problemFile, JSON.stringify(problem));
  });

  it('prints a timetable by patient and by staff member for a demo day', async () => {
    const { code, stdout } = await cli(['plan-day', problemFile, '--time-limit', '1', '--seed', '2']);
    expect(code).toBe(0);
    expect(stdout).toContain('BY PATIENT');
    expect(stdout).toContain('BY STAFF MEMBER');
    for (const patient of problem.patients) expect(stdout).toContain(`${patient.initials} (${patient.ref})`);
    expect(stdout).toMatch(/Hard violations: 0\./);
  });

  it('prints a plan as JSON that the independent checker accepts', async () => {
    const { code, stdout } = await cli(['plan-day', problemFile, '--time-limit', '1', '--json']);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as DayPlan;
    const check = validatePlan(problem, plan);
    expect(check.violations).toEqual([]);
    expect(check.valid).toBe(true);
  });

  it('names the bad field and exits 2 on an invalid document', async () => {
    const broken = structuredClone(problem);
    (broken.patients[0]!.required[0] as { typeId: string }).typeId = 'no-such-assessment';
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const { code, stderr } = await cli(['plan-day', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('patients[0].required[0].typeId');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 with a clear message for a missing file, bad JSON or a bad flag', async () => {
    const missing = await cli(['plan-day', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read problem file');

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "date": ');
    const badJson = await cli(['plan-day', bad]);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain('not valid JSON');

    const badFlag = await cli(['plan-day', problemFile, '--time-limit', 'soon']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--time-limit');
  }, 90_000); // CPU-bound: on a loaded 2-core machine it can take over the default 30 s
});
