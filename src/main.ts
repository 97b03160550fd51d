// `npm start`: open the database (PostgreSQL at DATABASE_URL, else embedded in ICC_DATA_DIR),
// migrate, load the demo centre into an empty database, and serve the API on PORT.
import { mkdir } from 'node:fs/promises';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createDatabase } from './db/create-database.ts';
import { migrateLatest } from './db/migrate.ts';
import { loadDemoCentre } from './demo/load-demo-centre.ts';
import { createLogger } from './logger.ts';
import { bootstrapAdminToken } from './auth/bootstrap-admin-token.ts';
import { demoTokens } from './auth/demo-tokens.ts';
import { planJobRunnerFor } from './solving/jobs/plan-job-runner.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);

async function main(): Promise<void> {
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  logger.info(config.databaseUrl ? 'opening PostgreSQL at DATABASE_URL' : `opening embedded PostgreSQL in ${config.dataDir}`);
  const dbLogger = logger.child({ component: 'db' });
  const db = await createDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }), logger: dbLogger });
  const applied = await migrateLatest(db);
  logger.info({ applied }, applied.length > 0 ? 'migrations applied' : 'database schema up to date');
  // A fresh database gets the demo centre so the service has something to show.
  const demo = await loadDemoCentre(db);
  if (demo.loaded) logger.info({ centreId: demo.centreId, counts: demo.counts }, 'loaded the demo centre into the empty database');

  // The service always enforces access; a fresh install gets its first admin token here.
  const bootstrap = await bootstrapAdminToken(db, process.env.ICC_ADMIN_TOKEN);
  if (bootstrap.kind === 'generated') {
    logger.warn(`No admin API token existed, so one was made. It is shown only now; keep it safe: ${bootstrap.token}`);
  } else if (bootstrap.kind === 'from-env' && bootstrap.created) {
    logger.info('registered ICC_ADMIN_TOKEN as an admin API token');
  }
  // Only for the README walk-through: publicly known tokens, never in a production configuration.
  if (process.env.ICC_DEMO_TOKENS === '1') {
    const demo = await demoTokens(db);
    if (demo) logger.warn({ centreId: demo.centreId, clinicianStaffId: demo.clinicianStaffId, created: demo.created }, 'ICC_DEMO_TOKENS=1: the demo coordinator, clinician and transport tokens from the README are active');
  }

  // Planning jobs: this process runs queued ones (whichever process took the request) and
  // fails those of a process sharing the database that stopped without finishing them.
  const jobRunner = planJobRunnerFor(db);
  await jobRunner.ready;

  const stopping = new AbortController();
  const server = createApp({ db, logger, auth: { enforce: true }, shuttingDown: stopping.signal, publicUrl: config.publicUrl }).listen(config.port, () => {
    logger.info(`ICC scheduler listening on http://localhost:${config.port}`);
  });
  const shutdown = (signal: string) => {
    logger.info(`${signal}: shutting down`);
    // Requests still arriving on open connections get 503 with Retry-After while the rest finish.
    stopping.abort();
    server.close(() => {
      // A job still planning goes back to the queue for another process (or the next start).
      void jobRunner.close().finally(() => db.destroy().finally(() => process.exit(0)));
    });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
});
