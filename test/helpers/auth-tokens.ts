// API tokens for tests that run the app with access checks on.
import type { Knex } from 'knex';
import { apiTokenService } from '../../src/auth/api-token-service.ts';

/** Issues a token straight through the service (no admin needed) and returns its secret. */
export async function issueToken(db: Knex, body: { name?: string; role: string; centreId?: string; staffId?: string }): Promise<string> {
  return (await apiTokenService.create(db, { name: `${body.role} for tests`, ...body }, 'test')).token;
}

/** The Authorization header for a secret. */
export const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
