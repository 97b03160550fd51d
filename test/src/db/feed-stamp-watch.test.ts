// What a process hears of feed stamps on a PostgreSQL server (src/db/feed-stamp-watch.ts): one
// LISTEN connection per database handle, opened on the first ask; another process's change heard
// once its notification arrives; this process's own writes known before their await returns;
// no watch while the connection is down, a new one once it listens again; closed with the handle.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, type Db } from '../../../src/db/create-database.ts';
import { FEED_STAMP_LISTENER_NAME, feedStampWatch } from '../../../src/db/feed-stamp-watch.ts';
import { auditLog } from '../../../src/db/repositories/audit-log.ts';
import { centres } from '../../../src/db/repositories/centres.ts';
import { rooms } from '../../../src/db/repositories/rooms.ts';
import { centreCreateSchema } from '../../../src/domain/centre.ts';
import { centreBody } from '../../helpers/fixtures.ts';
import { heardEverything, listeningForFeedStamps } from '../../helpers/feed-stamps.ts';
import { isPostgresReachable, openTestDatabase, postgresRequired, testDatabaseUrl, type TestDatabase } from '../../helpers/test-database.ts';

const runPostgres = postgresRequired || (await isPostgresReachable());

/** This process's listening connections to the test database, as the server sees them. */
async function listenersOf(db: Db): Promise<Array<{ pid: number; query: string }>> {
  const { rows } = await db.raw<{ rows: Array<{ pid: number; query: string }> }>(
    'SELECT pid, query FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()', [FEED_STAMP_LISTENER_NAME]);
  return rows;
}

describe.skipIf(!runPostgres)('feed stamp watch [postgres]', { timeout: 60_000 }, () => {
  let test: TestDatabase;
  /** Another process: its own pool on the same schema, never reading feeds. */
  let other: Db;
  let centreId: string;

  beforeAll(async () => {
    test = await openTestDatabase('postgres');
    other = await createDatabase({ databaseUrl: testDatabaseUrl, searchPath: test.db.client.config.searchPath as string[], poolMax: 1 });
    centreId = (await centres.insert(test.db, centreCreateSchema.parse(centreBody('Heard ICC')))).id;
  });

  afterAll(async () => {
    await other?.destroy();
    await test?.close();
  });

  it('listens on one connection of its own once asked, not before', async () => {
    expect(await listenersOf(other)).toEqual([]);
    expect(await feedStampWatch(test.db)).toBeUndefined();
    const watch = await listeningForFeedStamps(test.db);
    expect(await feedStampWatch(test.db)).toBe(watch);
    expect(await listenersOf(other)).toEqual([expect.objectContaining({ query: 'LISTEN icc_feed_stamp' })]);
    // The other handle never asked: no second connection.
    expect(await listenersOf(test.db)).toHaveLength(1);
  });

  it("hears another process's change once its notification arrives", async () => {
    const watch = await listeningForFeedStamps(test.db);
    const before = watch.changesOf(centreId);
    const started = performance.now();
    await other('centres').where({ id: centreId }).update({ name: 'Heard ICC (renamed elsewhere)' });
    await vi.waitUntil(() => watch.changesOf(centreId) > before, { timeout: 5_000, interval: 1 });
    // The window in which this process still answers from the copy before: a few ms on loopback.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('knows of its own writes before their await returns, its notification or not: a statement, a transaction, raw SQL, a delete', async () => {
    const watch = await listeningForFeedStamps(test.db);
    // Twenty times each, so a notification that happened to arrive first cannot pass for it.
    for (let i = 0; i < 20; i++) {
      let before = watch.changesOf(centreId);
      await centres.update(test.db, centreId, { name: `Heard ICC ${i}` });
      expect(watch.changesOf(centreId), `statement ${i}`).toBeGreaterThan(before);

      // (The statement's own notification comes after it: heard before the transaction starts.)
      await heardEverything(test.db);
      before = watch.changesOf(centreId);
      await test.db.transaction(async (trx) => {
        await rooms.insert(trx, centreId, { name: `Room ${i}`, type: 'consult', capacity: 1 });
        // Not committed: nothing has changed for anyone yet.
        expect(watch.changesOf(centreId), `open transaction ${i}`).toBe(before);
      });
      expect(watch.changesOf(centreId), `transaction ${i}`).toBeGreaterThan(before);

      before = watch.changesOf(centreId);
      await test.db.raw('UPDATE rooms SET name = name WHERE centre_id = ?', [centreId]);
      expect(watch.changesOf(centreId), `raw ${i}`).toBeGreaterThan(before);
    }
    // A centre deleted (its rooms go with it).
    const doomed = (await centres.insert(test.db, centreCreateSchema.parse(centreBody('Doomed ICC')))).id;
    await rooms.insert(test.db, doomed, { name: 'Room', type: 'consult', capacity: 1 });
    const before = watch.changesOf(doomed);
    await test.db('centres').where({ id: doomed }).delete();
    expect(watch.changesOf(doomed)).toBeGreaterThan(before);
  });

  it('a write to nothing a feed is built from (the audit log) moves no count', async () => {
    const watch = await listeningForFeedStamps(test.db);
    await heardEverything(test.db);
    const before = watch.changesOf(centreId);
    await auditLog.append(test.db, { actor: 'test', action: 'read', entity: 'feed', entityId: centreId, details: {} });
    expect(watch.changesOf(centreId)).toBe(before);
  });

  it('no watch while its connection is down; it listens again, on a new watch', async () => {
    const watch = await listeningForFeedStamps(test.db);
    const [listener] = await listenersOf(other);
    await other.raw('SELECT pg_terminate_backend(?)', [listener!.pid]);
    await vi.waitUntil(async () => (await feedStampWatch(test.db)) !== watch, { timeout: 5_000, interval: 5 });
    const again = await listeningForFeedStamps(test.db);
    expect(again).not.toBe(watch);
    expect((await listenersOf(other)).map((l) => l.pid)).not.toContain(listener!.pid);
    // And it hears on the new one.
    const before = again.changesOf(centreId);
    await other('centres').where({ id: centreId }).update({ name: 'Heard ICC (after a reconnect)' });
    await vi.waitUntil(() => again.changesOf(centreId) > before, { timeout: 5_000, interval: 5 });
  });

  it('closes its connection with the database handle', async () => {
    const db = await createDatabase({ databaseUrl: testDatabaseUrl, searchPath: test.db.client.config.searchPath as string[], poolMax: 1 });
    await listeningForFeedStamps(db);
    // test.db's listener and db's, both of this process.
    expect(await listenersOf(other)).toHaveLength(2);
    await db.destroy();
    await vi.waitUntil(async () => (await listenersOf(other)).length === 1, { timeout: 5_000, interval: 5 });
  });
});
