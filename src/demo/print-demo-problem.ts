// `npm run -s demo:problem -- --date 2026-12-01 --patients 16 [--seed 1] > day.json`
// Prints one demo day's problem document (JSON) on stdout, or writes it to `--out <file>`.
// (`-s` keeps npm's "> icc-scheduler@… demo:problem" banner out of the redirected JSON.)
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { demoDayProblem } from './demo-day-problem.ts';

function main(): void {
  const { values } = parseArgs({
    options: {
      date: { type: 'string', default: '2026-12-01' },
      patients: { type: 'string', default: '16' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  const patients = Number(values.patients);
  const seed = Number(values.seed);
  if (!Number.isInteger(patients) || patients < 1) throw new Error(`--patients must be a whole number ≥ 1, got "${values.patients}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new Error(`--date must be "YYYY-MM-DD", got "${values.date}"`);
  const json = `${JSON.stringify(demoDayProblem({ seed, date: values.date, patients }), null, 2)}\n`;
  if (values.out !== undefined) writeFileSync(values.out, json);
  else process.stdout.write(json);
}

try {
  main();
} catch (error) {
  process.stderr.write(`demo:problem: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
