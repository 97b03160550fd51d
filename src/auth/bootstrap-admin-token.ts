// The first admin token of a fresh install. With ICC_ADMIN_TOKEN set, that secret is an admin
// token (registered once, kept across restarts). Otherwise, when no live admin token exists,
// one is made and its secret returned for `npm start` to write to a 0600 file (never the log).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { apiTokens } from '../db/repositories/api-tokens.ts';
import { apiTokenService } from './api-token-service.ts';
import { hashApiTokenSecret } from './api-token-secret.ts';

/** 128 bits as base64 is 22 characters; a shorter secret is too guessable. */
const MIN_SECRET_LENGTH = 22;

export type BootstrapOutcome =
  | { kind: 'from-env'; created: boolean }
  | { kind: 'generated'; token: string }
  | { kind: 'exists' };

export async function bootstrapAdminToken(db: Knex, envSecret: string | undefined): Promise<BootstrapOutcome> {
  const secret = envSecret?.trim();
  if (secret) {
    if (secret.length < MIN_SECRET_LENGTH || /\s/.test(secret)) {
      throw new Error(`ICC_ADMIN_TOKEN must be at least ${MIN_SECRET_LENGTH} characters without spaces (e.g. openssl rand -base64 32)`);
    }
    if (await apiTokens.findActiveByHash(db, hashApiTokenSecret(secret))) return { kind: 'from-env', created: false };
    try {
      await apiTokenService.create(db, { name: 'bootstrap admin (ICC_ADMIN_TOKEN)', role: 'admin' }, 'bootstrap', secret);
    } catch (error) {
      throw new Error('ICC_ADMIN_TOKEN names a revoked token: choose a new secret', { cause: error });
    }
    return { kind: 'from-env', created: true };
  }
  if ((await apiTokens.countActiveAdmins(db)) > 0) return { kind: 'exists' };
  const issued = await apiTokenService.create(db, { name: 'bootstrap admin', role: 'admin' }, 'bootstrap');
  return { kind: 'generated', token: issued.token };
}

/**
 * Writes a generated admin secret to `<dir>/admin-token`, readable by this user only (0600), so
 * it never reaches the log (logs are shipped and kept); returns the file's path for the log.
 */
export async function writeBootstrapTokenFile(dir: string, token: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'admin-token');
  await rm(path, { force: true }); // a file left from an earlier database: replace it, mode and all
  await writeFile(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return path;
}
