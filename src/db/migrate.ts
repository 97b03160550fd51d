// Runs the knex migrations in db/migrations programmatically.
import type { Knex } from 'knex';
import { migrationSource } from '../../db/migrations/index.ts';

/** Applies every pending migration; returns the names applied. */
export async function migrateLatest(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}

/** Rolls back every applied migration (tests; never the service). */
export async function rollbackAll(db: Knex): Promise<string[]> {
  const [, reverted] = (await db.migrate.rollback({ migrationSource }, true)) as [number, string[]];
  return reverted;
}
