import { beforeEach, expect, it, vi } from 'vitest';
import { auditLog } from '../../../../src/db/index.ts';
import { AUDIT_FLUSH_MS } from '../../../../src/db/repositories/audit-log.ts';
import { describeEachDatabase } from '../../../helpers/describe-each-database.ts';
import { truncateAll } from '../../../helpers/test-database.ts';

const entry = (n: number, details: Record<string, unknown> = {}) =>
  ({ actor: 'staff:s1', action: 'read' as const, entity: 'feed', entityId: `token-${n}`, details: { via: 'feed-token', n, ...details } });

describeEachDatabase('audit log: record', (getDb) => {
  beforeEach(async () => {
    await truncateAll(getDb());
  });

  const stored = async () => (await getDb()('audit_log').select('entity_id', 'at').orderBy('entity_id')) as Array<{ entity_id: string; at: Date | string }>;

  it('records without waiting; the entries of a few milliseconds go in as one insert, each with the moment it was recorded', async () => {
    const db = getDb();
    const inserts: string[] = [];
    const count = (q: { sql: string }) => { if (/^insert into "audit_log"/.test(q.sql)) inserts.push(q.sql); };
    db.on('query', count);
    try {
      const recordedAt = Date.now();
      for (let n = 0; n < 20; n++) expect(auditLog.record(db, entry(n))).toBeUndefined();
      // Stored by the writer on its own, within a few flush intervals.
      await vi.waitFor(async () => expect(await stored()).toHaveLength(20), { timeout: 5000, interval: AUDIT_FLUSH_MS });
      expect(inserts).toHaveLength(1);
      for (const row of await stored()) expect(Math.abs(new Date(row.at).getTime() - recordedAt)).toBeLessThan(1000);
      // flush: whatever is waiting is stored when it resolves.
      inserts.length = 0;
      for (let n = 20; n < 25; n++) auditLog.record(db, entry(n));
      await auditLog.flush(db);
      expect(await stored()).toHaveLength(25);
      expect(inserts).toHaveLength(1);
      // Nothing waiting: flush writes nothing.
      await auditLog.flush(db);
      expect(inserts).toHaveLength(1);
    } finally {
      db.off('query', count);
    }
  });

  it('an entry the database refuses holds up no other: the rest are stored, the refused one is tried again, then logged and given up', async () => {
    const db = getDb();
    auditLog.record(db, entry(1));
    // jsonb cannot hold U+0000: the database refuses the row.
    auditLog.record(db, entry(2, { bad: 'a\u0000b' }));
    auditLog.record(db, entry(3));
    // The three went in together and failed: flush says so (500), and they wait to be tried again.
    await expect(auditLog.flush(db)).rejects.toMatchObject({ status: 500 });
    // Until they are stored, a new entry is refused (its read is not answered).
    expect(() => auditLog.record(db, entry(5))).toThrow(expect.objectContaining({ status: 500 }));
    await vi.waitFor(async () => expect((await stored()).map((r) => r.entity_id)).toEqual(['token-1', 'token-3']), { timeout: 10_000, interval: 50 });
    // Given up after its tries: nothing waits any more.
    await vi.waitFor(() => auditLog.flush(db), { timeout: 10_000, interval: 100 });
    auditLog.record(db, entry(4));
    await auditLog.flush(db);
    expect(await auditLog.forEntity(db, 'feed', 'token-4')).toHaveLength(1);
  });

  it('reading the log (forEntity, search) lists every entry recorded before, without waiting for the writer', async () => {
    const db = getDb();
    for (let n = 0; n < 5; n++) auditLog.record(db, entry(7));
    expect(await auditLog.forEntity(db, 'feed', 'token-7')).toHaveLength(5);
    auditLog.record(db, entry(8));
    const page = await auditLog.search(db, { actor: 'staff:s1' }, { limit: 50 });
    expect(JSON.stringify(page)).toContain('token-8');
  });
});
