// The OpenAPI document against Redocly's recommended rules (@redocly/cli lint, 0 errors), and
// the conventions integrators expect: an operationId on every operation, servers, a licence.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { openApiDocument } from '../../../src/api/openapi/openapi-document.ts';

const doc = openApiDocument() as { info: { license?: unknown }; servers?: unknown[]; paths: Record<string, Record<string, { operationId?: string }>> };

it('has an operationId on every operation (unique), servers and a licence', () => {
  const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
  expect(ids.filter((id) => typeof id !== 'string')).toEqual([]);
  expect(new Set(ids).size).toBe(ids.length);
  expect(doc.servers?.length).toBeGreaterThan(0);
  expect(doc.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
});

it('passes redocly lint with 0 errors', { timeout: 120_000 }, async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'icc-openapi-')), 'openapi.json');
  await writeFile(file, JSON.stringify(doc));
  const run = await promisify(execFile)(join(process.cwd(), 'node_modules/.bin/redocly'), ['lint', file, '--format=summary'], { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } })
    .then((r) => ({ code: 0, out: r.stdout + r.stderr }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }));
  expect(run.out).not.toMatch(/^error\s/m);
  expect(run.code, run.out).toBe(0);
});
