import { expect, it } from 'vitest';
import { runPrepared, type PreparedQuery } from '../../../src/db/prepared-query.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';

const QUERY: PreparedQuery = {
  name: 'prepared_query_test',
  sql: `SELECT ?::text AS word, (?::timestamptz + make_interval(days => ?::int))::date::text AS day, current_schema() AS schema`,
  types: ['text', 'timestamptz', 'int'],
};

describeEachDatabase('prepared queries', (getDb) => {
  it("answers what the same SQL answers through db.raw, call after call, in the handle's own schema", async () => {
    const db = getDb();
    const direct = (await db.raw(QUERY.sql, ['abc123', '2026-12-07T01:00:00.000Z', 3])).rows;
    expect(direct).toEqual([{ word: 'abc123', day: '2026-12-10', schema: (await db.raw('select current_schema() as s')).rows[0].s }]);
    for (const days of [3, 3, 10, 3, 0, 3, 3, 3]) {
      const expected = (await db.raw(QUERY.sql, ['abc123', '2026-12-07T01:00:00.000Z', days])).rows;
      expect((await runPrepared(db, QUERY, ['abc123', '2026-12-07T01:00:00.000Z', days])).rows).toEqual(expected);
    }
  });

  it('first calls at once prepare it once; a session that lost it still answers', async () => {
    const db = getDb();
    const rows = await Promise.all(Array.from({ length: 6 }, (_, i) => runPrepared(db, { ...QUERY, name: 'prepared_query_race' }, [`w${i}`, '2026-12-07T00:00:00Z', i])));
    expect(rows.map((r) => r.rows[0]!.word)).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5']);
    await db.raw('DEALLOCATE ALL');
    expect((await runPrepared(db, QUERY, ['again', '2026-12-07T00:00:00Z', 1])).rows[0]).toMatchObject({ word: 'again', day: '2026-12-08' });
  });

  it('refuses a value that would need escaping, and a wrong number of values', async () => {
    const db = getDb();
    await expect(runPrepared(db, QUERY, ["x'); drop table audit_log; --", '2026-12-07T00:00:00Z', 1])).rejects.toThrow(RangeError);
    await expect(runPrepared(db, QUERY, ['x', '2026-12-07T00:00:00Z'])).rejects.toThrow(/takes 3 values, got 2/);
    await expect(runPrepared(db, QUERY, ['x', '2026-12-07T00:00:00Z', Number.NaN])).rejects.toThrow(RangeError);
  });
});
