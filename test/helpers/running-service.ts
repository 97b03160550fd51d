// The real service for browser tests: the app with access checks on, listening on an ephemeral
// port over a real database (PostgreSQL when reachable, else embedded PGlite) loaded with the
// demo centre and its demo tokens, and the plan job runner working the queue — what `npm start` runs.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../src/app.ts';
import { demoTokens, demoTokenSecrets } from '../../src/auth/demo-tokens.ts';
import type { Db } from '../../src/db/create-database.ts';
import { loadDemoCentre } from '../../src/demo/load-demo-centre.ts';
import { planJobRunnerFor } from '../../src/solving/jobs/plan-job-runner.ts';
import { createLogger } from '../../src/logger.ts';
import { isPostgresReachable, openTestDatabase, postgresRequired, type TestDatabase } from './test-database.ts';

export interface RunningService {
  baseUrl: string;
  db: Db;
  centreId: string;
  clinicianStaffId: string;
  tokens: typeof demoTokenSecrets;
  close(): Promise<void>;
}

/** Starts the service on the demo centre (rota from `startDate`); close it in afterAll. */
export async function startService(startDate: string): Promise<RunningService> {
  const kind = postgresRequired || (await isPostgresReachable()) ? 'postgres' : 'pglite';
  const database: TestDatabase = await openTestDatabase(kind);
  const { db } = database;
  const { centreId } = await loadDemoCentre(db, { seed: 1, startDate });
  const demo = await demoTokens(db);
  if (!centreId || !demo) throw new Error('the demo centre did not load');
  const runner = planJobRunnerFor(db);
  await runner.ready;
  const server: Server = createApp({ db, logger: createLogger('silent'), auth: { enforce: true } }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    centreId,
    clinicianStaffId: demo.clinicianStaffId,
    tokens: demoTokenSecrets,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runner.close();
      await database.close();
    },
  };
}
