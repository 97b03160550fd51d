import { beforeEach, expect, it } from 'vitest';
import { auditLog } from '../../../../src/db/index.ts';
import { describeEachDatabase } from '../../../helpers/describe-each-database.ts';
import { truncateAll } from '../../../helpers/test-database.ts';

const entry = (n: number, details: Record<string, unknown> = {}) =>
  ({ actor: 'staff:s1', action: 'read' as const, entity: 'feed', entityId: `token-${n}`, details: { via: 'feed-token', n, ...details } });

describeEachDatabase('audit log: record', (getDb) => {
  beforeEach(async () => {
    await truncateAll(getDb());
  });

  it('stores every entry before it resolves; entries arriving during an insert share the next one', async () => {
    const db = getDb();
    const inserts: string[] = [];
    const count = (q: { sql: string }) => { if (/^insert into "audit_log"/.test(q.sql)) inserts.push(q.sql); };
    db.on('query', count);
    try {
      const landed: number[] = [];
      // Each caller, when its promise resolves, finds its own row stored.
      await Promise.all(Array.from({ length: 20 }, (_, n) => auditLog.record(db, entry(n)).then(async () => {
        expect(await auditLog.forEntity(db, 'feed', `token-${n}`)).toHaveLength(1);
        landed.push(n);
      })));
      expect(landed.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n));
      // The first went in alone, the other 19 waited for it and went in together.
      expect(inserts.length).toBeLessThan(20);
      expect(inserts.length).toBeGreaterThanOrEqual(2);
      const rows = await db('audit_log').count<[{ count: string }]>('* as count');
      expect(Number(rows[0]!.count)).toBe(20);
      // A lone entry is inserted at once, on its own.
      inserts.length = 0;
      await auditLog.record(db, entry(99));
      expect(inserts).toHaveLength(1);
    } finally {
      db.off('query', count);
    }
  });

  it('a failed insert fails every entry in it with a 500, and the next entries are stored', async () => {
    const db = getDb();
    // jsonb cannot hold U+0000: the database refuses the row.
    const results = await Promise.allSettled([auditLog.record(db, entry(1)), auditLog.record(db, entry(2, { bad: 'a\u0000b' })), auditLog.record(db, entry(3))]);
    // Entry 1 went in alone (nothing was in flight); 2 and 3 shared the insert that failed.
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    for (const r of results.slice(1)) expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 500 });
    expect((await db('audit_log').select('entity_id')).map((r: { entity_id: string }) => r.entity_id)).toEqual(['token-1']);
    await auditLog.record(db, entry(4));
    expect(await auditLog.forEntity(db, 'feed', 'token-4')).toHaveLength(1);
  });
});
