// Backup and restore as the README documents them: pg_dump/pg_restore for a PostgreSQL server,
// a copy of the data directory (service stopped) for the embedded database. Each backs up a
// migrated database with a centre and a patient, restores it elsewhere and reads them back.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { centreService } from '../../../src/api/services/centre-service.ts';
import { patientService } from '../../../src/api/services/resource-services.ts';
import { createDatabase } from '../../../src/db/create-database.ts';
import { migrateLatest } from '../../../src/db/migrate.ts';
import { centreBody, patientBody } from '../../helpers/fixtures.ts';
import { isPostgresReachable, postgresRequired, testDatabaseUrl } from '../../helpers/test-database.ts';

const actor = { name: 'backup test' };
const postgresAvailable = postgresRequired || (await isPostgresReachable());

describe('backup and restore', () => {
  it('embedded database: a copy of the stopped data directory opens with everything in it', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'icc-backup-'));
    try {
      const db = await createDatabase({ dataDir: join(dir, 'data') });
      await migrateLatest(db);
      const centre = await centreService.create(db, centreBody('Backed-up ICC'), actor);
      await patientService.create(db, centre.id, patientBody(1), actor);
      await db.destroy(); // the service is stopped before the copy (README: Operations)
      await cp(join(dir, 'data'), join(dir, 'restored'), { recursive: true });
      const restored = await createDatabase({ dataDir: join(dir, 'restored') });
      try {
        expect((await centreService.list(restored)).map((c) => c.name)).toEqual(['Backed-up ICC']);
        expect((await patientService.list(restored, centre.id)).map((p) => p.familyName)).toEqual(['Hall']);
      } finally {
        await restored.destroy();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  (postgresAvailable ? it : it.skip)('PostgreSQL: pg_dump -Fc, then pg_restore into an empty database, gives the same records', { timeout: 180_000 }, async () => {
    const suffix = `${process.pid}_${Date.now()}`;
    const source = `icc_backup_src_${suffix}`;
    const target = `icc_backup_dst_${suffix}`;
    const url = (name: string) => testDatabaseUrl.replace(/\/[^/]*$/, `/${name}`);
    const admin = await createDatabase({ databaseUrl: testDatabaseUrl });
    const dir = await mkdtemp(join(tmpdir(), 'icc-pgdump-'));
    try {
      await admin.raw(`create database ${source}`);
      await admin.raw(`create database ${target}`);
      const db = await createDatabase({ databaseUrl: url(source) });
      let centreId = '';
      try {
        await migrateLatest(db);
        centreId = (await centreService.create(db, centreBody('Backed-up ICC'), actor)).id;
        await patientService.create(db, centreId, patientBody(1), actor);
      } finally {
        await db.destroy();
      }
      const file = join(dir, 'icc.dump');
      execFileSync('pg_dump', ['--format=custom', `--file=${file}`, url(source)]);
      execFileSync('pg_restore', ['--no-owner', `--dbname=${url(target)}`, file]);
      const restored = await createDatabase({ databaseUrl: url(target) });
      try {
        expect((await centreService.list(restored)).map((c) => c.name)).toEqual(['Backed-up ICC']);
        expect((await patientService.list(restored, centreId)).map((p) => p.familyName)).toEqual(['Hall']);
        // The migration history came along: the restored database needs no migration.
        expect(await migrateLatest(restored)).toEqual([]);
      } finally {
        await restored.destroy();
      }
    } finally {
      await admin.raw(`drop database if exists ${source} with (force)`).catch(() => undefined);
      await admin.raw(`drop database if exists ${target} with (force)`).catch(() => undefined);
      await admin.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
