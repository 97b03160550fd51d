// Runs a suite once per database engine: always on embedded PGlite, and on the PostgreSQL
// server at TEST_DATABASE_URL when it is reachable (or always, failing, when REQUIRE_POSTGRES=1).
// Suite names end in [pglite] / [postgres] so a report shows both ran.
import { afterAll, beforeAll, describe } from 'vitest';
import type { Db } from '../../src/db/create-database.ts';
import { isPostgresReachable, openTestDatabase, postgresRequired, type DatabaseKind, type TestDatabase } from './test-database.ts';

// Top-level await: whether to register the PostgreSQL suite must be known while collecting.
const postgresAvailable = postgresRequired || (await isPostgresReachable());

/**
 * @example
 * describeEachDatabase('rooms repository', (getDb) => {
 *   it('inserts a room', async () => { await rooms.insert(getDb(), centreId, room); });
 * });
 */
export function describeEachDatabase(name: string, body: (getDb: () => Db, kind: DatabaseKind) => void): void {
  for (const kind of ['pglite', 'postgres'] as const) describeOnDatabase(kind, name, body);
}

/**
 * One engine only: for suites whose subject is not the database (a browser rendering pages,
 * say), where the repositories they read are already covered on both engines by the API tests.
 * @example describeOnDatabase('pglite', 'printable pages in Chromium', (getDb) => { ... });
 */
export function describeOnDatabase(kind: DatabaseKind, name: string, body: (getDb: () => Db, kind: DatabaseKind) => void): void {
  const suite = kind === 'postgres' && !postgresAvailable ? describe.skip : describe;
  // Embedded PostgreSQL is WebAssembly: on a busy machine a test can take far longer than usual.
  suite(`${name} [${kind}]`, { timeout: 90_000 }, () => {
    let test: TestDatabase | undefined;
    beforeAll(async () => {
      test = await openTestDatabase(kind);
    });
    afterAll(async () => {
      await test?.close();
    });
    body(() => {
      if (!test) throw new Error(`The ${kind} test database did not open (see the beforeAll error)`);
      return test.db;
    }, kind);
  });
}
