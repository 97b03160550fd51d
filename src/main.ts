// `npm start`: open the database (PostgreSQL at DATABASE_URL, else embedded in ICC_DATA_DIR),
// migrate, load the demo centre into an empty database, and serve the API on PORT.
import { mkdir } from 'node:fs/promises';
import type { Knex } from 'knex';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createDatabase } from './db/create-database.ts';
import { migrateLatest } from './db/migrate.ts';
import { centres } from './db/repositories/centres.ts';
import { createLogger } from './logger.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);

/** Loads the demo centre (src/demo/load-demo-centre.ts) when the database has no centre yet. */
async function loadDemoIfEmpty(db: Knex): Promise<void> {
  if ((await centres.count(db)) > 0) return;
  const modulePath = './demo/load-demo-centre.ts';
  let demo: { loadDemoCentre?: (db: Knex) => Promise<unknown> };
  try {
    demo = (await import(modulePath)) as typeof demo;
  } catch (error) {
    logger.warn({ err: error }, 'demo centre loader not available; starting with an empty database');
    return;
  }
  if (typeof demo.loadDemoCentre !== 'function') {
    logger.warn('src/demo/load-demo-centre.ts has no loadDemoCentre export; starting with an empty database');
    return;
  }
  await demo.loadDemoCentre(db);
  logger.info('loaded the demo centre');
}

async function main(): Promise<void> {
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  logger.info(config.databaseUrl ? 'opening PostgreSQL at DATABASE_URL' : `opening embedded PostgreSQL in ${config.dataDir}`);
  const db = await createDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  const applied = await migrateLatest(db);
  logger.info({ applied }, applied.length > 0 ? 'migrations applied' : 'database schema up to date');
  await loadDemoIfEmpty(db);

  const server = createApp({ db, logger }).listen(config.port, () => {
    logger.info(`ICC scheduler listening on http://localhost:${config.port}`);
  });
  const shutdown = (signal: string) => {
    logger.info(`${signal}: shutting down`);
    server.close(() => {
      void db.destroy().finally(() => process.exit(0));
    });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
});
