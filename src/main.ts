// `npm start`: open the database (PostgreSQL at DATABASE_URL, else embedded in ICC_DATA_DIR),
// migrate, load the demo centre into an empty database, and serve the API on PORT.
import { mkdir } from 'node:fs/promises';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createDatabase } from './db/create-database.ts';
import { migrateLatest } from './db/migrate.ts';
import { loadDemoCentre } from './demo/load-demo-centre.ts';
import { createLogger } from './logger.ts';
import { bootstrapAdminToken, writeBootstrapTokenFile } from './auth/bootstrap-admin-token.ts';
import { demoTokens } from './auth/demo-tokens.ts';
import { planJobRunnerFor } from './solving/jobs/plan-job-runner.ts';
import { startWebhookDispatcher } from './webhooks/webhook-dispatcher.ts';
import { answerClientErrorsAsJson } from './api/client-errors.ts';
import { webAppBundle } from './web/web-app-bundle.ts';
import { auditLog } from './db/repositories/audit-log.ts';

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    // A configuration mistake is the operator's to fix: say it plainly and stop.
    process.stderr.write(`icc-scheduler: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
})();

/** How the listening address goes in a URL (an IPv6 address in brackets). */
const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);
const logger = createLogger(config.logLevel);

async function main(): Promise<void> {
  await mkdir(config.dataDir, { recursive: true });
  logger.info(config.databaseUrl ? 'opening PostgreSQL at DATABASE_URL' : `opening embedded PostgreSQL in ${config.dataDir}`);
  const dbLogger = logger.child({ component: 'db' });
  const db = await createDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }), logger: dbLogger });
  const applied = await migrateLatest(db);
  logger.info({ applied }, applied.length > 0 ? 'migrations applied' : 'database schema up to date');
  // A fresh database gets the demo centre so the service has something to show.
  const demo = await loadDemoCentre(db);
  if (demo.loaded) logger.info({ centreId: demo.centreId, counts: demo.counts }, 'loaded the demo centre into the empty database');

  // The service always enforces access; a fresh install gets its first admin token here. Its
  // secret goes to a file only its owner can read, never to the log (logs are shipped and kept).
  const bootstrap = await bootstrapAdminToken(db, process.env.ICC_ADMIN_TOKEN);
  if (bootstrap.kind === 'generated') {
    const file = await writeBootstrapTokenFile(config.dataDir, bootstrap.token);
    logger.warn({ file }, 'No admin API token existed, so one was made: it is in this file (mode 0600). Read it, keep it safe, then delete the file');
  } else if (bootstrap.kind === 'from-env' && bootstrap.created) {
    logger.info('registered ICC_ADMIN_TOKEN as an admin API token');
  }
  // Only for the README walk-through: publicly known tokens, so only on a loopback address (config.ts).
  if (config.demoTokens) {
    const demo = await demoTokens(db);
    if (demo) logger.warn({ centreId: demo.centreId, clinicianStaffId: demo.clinicianStaffId, created: demo.created }, 'ICC_DEMO_TOKENS=1: the demo coordinator, clinician and transport tokens from the README are active at the demo centre');
    else logger.warn('ICC_DEMO_TOKENS=1, but this database has no demo centre (it was not loaded as the demo): no demo tokens');
  }

  // Planning jobs: this process runs queued ones (whichever process took the request) and
  // fails those of a process sharing the database that stopped without finishing them.
  const jobRunner = planJobRunnerFor(db);
  await jobRunner.ready;
  // Webhook deliveries go out from a background loop (queued in the database, retried with backoff).
  const webhooks = startWebhookDispatcher(db, { logger: logger.child({ component: 'webhooks' }) });

  // The web app is bundled now, so the first visitor does not wait for it (and a broken bundle shows here).
  const bundle = await webAppBundle();
  logger.info({ jsBytes: bundle.js.byteLength, cssBytes: bundle.css.byteLength }, `web app bundled: open http://${urlHost(config.host)}:${config.port}/`);

  const stopping = new AbortController();
  const server = answerClientErrorsAsJson(createApp({ db, logger, auth: { enforce: true }, shuttingDown: stopping.signal, publicUrl: config.publicUrl }).listen(config.port, config.host, () => {
    logger.info({ host: config.host, port: config.port }, `ICC scheduler listening on http://${urlHost(config.host)}:${config.port}`);
  }));
  const shutdown = (signal: string) => {
    logger.info(`${signal}: shutting down`);
    // Requests still arriving on open connections get 503 with Retry-After while the rest finish.
    stopping.abort();
    server.close(() => {
      // A job still planning goes back to the queue for another process (or the next start).
      // Feed reads answered before the audit log's last flush are stored before the database closes.
      void Promise.all([jobRunner.close(), webhooks.close(), auditLog.flushAll()]).finally(() => db.destroy().finally(() => process.exit(0)));
    });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
});
