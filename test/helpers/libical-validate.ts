// libical's RFC 5545 / iTIP validator (test/tools/ical-validate.c) for tests: compiled once per
// source version into the temp folder with the system C compiler and Debian's libical-dev
// (.ci/run installs both), then fed each calendar on stdin. Returns libical's complaints;
// [] means the calendar passed. A missing compiler or library fails loudly, never skips.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('../tools/ical-validate.c', import.meta.url));

let binary: string | undefined;

function validatorBinary(): string {
  if (binary) return binary;
  const hash = createHash('sha256').update(readFileSync(SOURCE)).digest('hex').slice(0, 12);
  const out = join(tmpdir(), `icc-ical-validate-${hash}`);
  if (!existsSync(out)) {
    let flags: string[];
    try {
      flags = execFileSync('pkg-config', ['--cflags', '--libs', 'libical'], { encoding: 'utf8' }).trim().split(/\s+/);
    } catch {
      throw new Error('libical-dev is not installed (pkg-config libical failed): apt-get install libical-dev gcc pkg-config, as .ci/run does');
    }
    // Compiled to a unique name, then renamed: parallel test files never run a half-written binary.
    const partial = `${out}.${process.pid}.tmp`;
    execFileSync('cc', [SOURCE, ...flags, '-o', partial]);
    execFileSync('mv', ['-f', partial, out]);
  }
  binary = out;
  return out;
}

/** libical's errors for a calendar (parse errors and iTIP/RFC 5545 restrictions); [] = valid. */
export function libicalErrors(calendar: string): string[] {
  const run = spawnSync(validatorBinary(), { input: calendar, encoding: 'utf8' });
  if (run.error) throw run.error;
  const lines = run.stdout.split('\n').filter((l) => l !== '');
  if (run.status !== 0 && lines.length === 0) throw new Error(`the libical validator exited ${run.status}: ${run.stderr}`);
  return lines;
}
