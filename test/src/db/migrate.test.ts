import { expect, it } from 'vitest';
import type { Db } from '../../../src/db/create-database.ts';
import { migrateLatest, rollbackAll } from '../../../src/db/migrate.ts';
import { migrationSource } from '../../../db/migrations/index.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';

/** The tables of the foundation migrations; later migrations may add more. */
const foundationTables = [
  'assessment_types', 'audit_log', 'centres', 'feed_tokens', 'patients', 'plans', 'pre_visits', 'precedence_rules',
  'referral_status_history', 'referrals', 'rooms', 'shifts', 'staff_members', 'vehicles',
];

/** Application tables visible in the current schema search path. */
async function tablesPresent(db: Db): Promise<string[]> {
  const result = await db.raw<{ rows: { table_name: string }[] }>(
    "select table_name from information_schema.tables where table_schema = current_schema() and table_name not like 'knex_%' order by table_name",
  );
  return result.rows.map((r) => r.table_name);
}

describeEachDatabase('migrations', (getDb) => {
  it('the test database starts with every table migrated', async () => {
    expect(await tablesPresent(getDb())).toEqual(expect.arrayContaining(foundationTables));
  });

  it('rolling back all migrations drops every table, and migrating again restores them', async () => {
    const db = getDb();
    const before = await tablesPresent(db);
    const all = await migrationSource.getMigrations([]);
    const reverted = await rollbackAll(db);
    expect(reverted).toEqual([...all].reverse());
    expect(await tablesPresent(db)).toEqual([]);

    const applied = await migrateLatest(db);
    expect(applied).toEqual(all);
    expect(await tablesPresent(db)).toEqual(before);
  });

  it('migrating when up to date applies nothing', async () => {
    expect(await migrateLatest(getDb())).toEqual([]);
  });
});
