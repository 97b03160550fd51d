// vitest globalSetup: build one migrated embedded database and dump it, so each test file
// loads the dump (~1 s) instead of initialising PGlite and migrating (~7 s or more).
// The dump is cached in the OS temp dir, keyed by the migrations' source and the PGlite
// version, so a later run with unchanged migrations skips the build entirely.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase, embeddedPglite } from '../../src/db/create-database.ts';
import { migrateLatest } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a PGlite data-dir dump with every migration applied. */
    pgliteDumpPath: string;
  }
}

const migrationsDir = join(import.meta.dirname, '../../db/migrations');

async function migrationsFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const pglitePackage = await readFile(join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8');
  hash.update(JSON.parse(pglitePackage).version as string);
  for (const file of (await readdir(migrationsDir)).sort()) {
    hash.update(file);
    hash.update(await readFile(join(migrationsDir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject): Promise<void> {
  const dumpPath = join(tmpdir(), `icc-pglite-migrated-${await migrationsFingerprint()}.tar`);
  if (!existsSync(dumpPath)) {
    const db = await createDatabase({ dataDir: 'memory' });
    try {
      await migrateLatest(db);
      const dump = await embeddedPglite(db)!.dumpDataDir('none');
      // Write then rename: a parallel run never reads a half-written dump.
      const partial = `${dumpPath}.${process.pid}.partial`;
      await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
      await rename(partial, dumpPath);
    } finally {
      await db.destroy();
    }
  }
  project.provide('pgliteDumpPath', dumpPath);
}
