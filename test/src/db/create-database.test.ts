import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, isEmbedded } from '../../../src/db/create-database.ts';
import { migrateLatest } from '../../../src/db/migrate.ts';
import { centres } from '../../../src/db/repositories/centres.ts';
import { centreCreateSchema } from '../../../src/domain/centre.ts';
import { centreBody } from '../../helpers/fixtures.ts';
import { isPostgresReachable, postgresRequired, testDatabaseUrl } from '../../helpers/test-database.ts';

const runPostgres = postgresRequired || (await isPostgresReachable());

describe('createDatabase', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('[pglite] keeps data in its data directory across a restart', { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'icc-data-'));
    dirs.push(dataDir);
    // Start from the migrated dump (a fresh initdb is slow); the directory then persists on its own.
    const first = await createDatabase({ dataDir, loadDataDir: new Blob([await readFile(inject('pgliteDumpPath'))]) });
    expect(isEmbedded(first)).toBe(true);
    const saved = await centres.insert(first, centreCreateSchema.parse(centreBody('Persisted ICC')));
    await first.destroy();

    const second = await createDatabase({ dataDir });
    try {
      expect(await migrateLatest(second)).toEqual([]);
      expect((await centres.findById(second, saved.id))?.name).toBe('Persisted ICC');
    } finally {
      await second.destroy();
    }
  });

  it.skipIf(!runPostgres)('[postgres] uses pg when given a URL', async () => {
    const db = await createDatabase({ databaseUrl: testDatabaseUrl, poolMax: 1 });
    try {
      expect(isEmbedded(db)).toBe(false);
      expect((await db.raw<{ rows: { d: string }[] }>("select date '2026-03-29' as d")).rows[0]?.d).toBe('2026-03-29');
    } finally {
      await db.destroy();
    }
  });
});
