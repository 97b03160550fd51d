// The first admin token of a fresh install, on both databases.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiTokenService } from '../../../src/auth/api-token-service.ts';
import { bootstrapAdminToken, writeBootstrapTokenFile } from '../../../src/auth/bootstrap-admin-token.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { truncateAll } from '../../helpers/test-database.ts';

describeEachDatabase('bootstrapAdminToken', (getDb) => {
  it('makes one admin token on a fresh install, usable as admin, and none once an admin exists', async () => {
    await truncateAll(getDb());
    const first = await bootstrapAdminToken(getDb(), undefined);
    expect(first.kind).toBe('generated');
    const secret = (first as { token: string }).token;
    expect(await apiTokenService.authenticate(getDb(), `Bearer ${secret}`)).toMatchObject({ role: 'admin', centreId: null });
    expect(await bootstrapAdminToken(getDb(), undefined)).toEqual({ kind: 'exists' });
  });

  it('registers ICC_ADMIN_TOKEN once and keeps it across restarts; rejects a short one', async () => {
    await truncateAll(getDb());
    const secret = 'demo-admin-token-0123456789abcdef';
    expect(await bootstrapAdminToken(getDb(), secret)).toEqual({ kind: 'from-env', created: true });
    expect(await bootstrapAdminToken(getDb(), secret)).toEqual({ kind: 'from-env', created: false });
    expect((await apiTokenService.list(getDb())).filter((t) => t.role === 'admin')).toHaveLength(1);
    await expect(apiTokenService.authenticate(getDb(), `Bearer ${secret}`)).resolves.toMatchObject({ role: 'admin' });
    await expect(bootstrapAdminToken(getDb(), 'short')).rejects.toThrow(/ICC_ADMIN_TOKEN must be at least 22 characters/);
  });
});

describe('writeBootstrapTokenFile', () => {
  it('writes the secret to <dir>/admin-token readable by its owner only, replacing an old one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'icc-admin-token-'));
    try {
      await writeFile(join(dir, 'admin-token'), 'old secret', { mode: 0o644 });
      const path = await writeBootstrapTokenFile(dir, 'the-new-secret-0123456789');
      expect(path).toBe(join(dir, 'admin-token'));
      expect(await readFile(path, 'utf8')).toBe('the-new-secret-0123456789\n');
      expect((await stat(path)).mode & 0o777).toBe(0o600);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
