// Opening an isolated, migrated database for one test file, on either engine.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type Db } from '../../src/db/create-database.ts';
import { migrateLatest } from '../../src/db/migrate.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** CI sets REQUIRE_POSTGRES=1: then an unreachable server fails the PostgreSQL suites instead of skipping them. */
export const postgresRequired = process.env.REQUIRE_POSTGRES === '1';

let reachable: Promise<boolean> | undefined;

/** Whether the PostgreSQL server at TEST_DATABASE_URL answers (checked once per worker). */
export function isPostgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

export interface TestDatabase {
  db: Db;
  kind: DatabaseKind;
  /** Destroys the connection and, on PostgreSQL, drops the test's schema. */
  close(): Promise<void>;
}

/** An in-memory PGlite loaded from the migrated dump made by the global setup. */
async function openPglite(): Promise<TestDatabase> {
  const dump = await readFile(inject('pgliteDumpPath'));
  const db = await createDatabase({ loadDataDir: new Blob([dump]) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/** A fresh schema t_<random> on the PostgreSQL server, migrated, dropped on close. */
async function openPostgres(): Promise<TestDatabase> {
  if (!(await isPostgresReachable())) {
    throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1) but not reachable at ${testDatabaseUrl}`);
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await createDatabase({ databaseUrl: testDatabaseUrl, poolMax: 1 });
  await admin.raw('create schema ??', [schema]);
  const db = await createDatabase({ databaseUrl: testDatabaseUrl, searchPath: [schema], poolMax: 3 });
  await migrateLatest(db);
  return {
    db,
    kind: 'postgres',
    close: async () => {
      await db.destroy();
      await admin.raw('drop schema if exists ?? cascade', [schema]);
      await admin.destroy();
    },
  };
}

export function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  return kind === 'pglite' ? openPglite() : openPostgres();
}

/** Empties every application table (not the migrations bookkeeping) between tests. */
export async function truncateAll(db: Db): Promise<void> {
  const { rows } = await db.raw<{ rows: { table_name: string }[] }>(
    "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'knex_%'",
  );
  if (rows.length === 0) return;
  await db.raw(`truncate table ${rows.map(() => '??').join(', ')} restart identity cascade`, rows.map((r) => r.table_name));
}
