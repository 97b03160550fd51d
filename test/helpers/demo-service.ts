// The service as `npm start` runs it, in-process on a throwaway embedded database with the demo
// centre and its demo tokens, on an ephemeral port: for the screen benchmark and the README
// screenshots, which drive it with Chromium.
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.ts';
import { demoTokens, demoTokenSecrets } from '../../src/auth/demo-tokens.ts';
import { createDatabase, type Db } from '../../src/db/create-database.ts';
import { migrateLatest } from '../../src/db/migrate.ts';
import { loadDemoCentre } from '../../src/demo/load-demo-centre.ts';
import { createLogger } from '../../src/logger.ts';
import { planJobRunnerFor } from '../../src/solving/jobs/plan-job-runner.ts';

export interface DemoService {
  baseUrl: string;
  db: Db;
  centreId: string;
  tokens: typeof demoTokenSecrets;
  close(): Promise<void>;
}

export async function startDemoService(startDate: string): Promise<DemoService> {
  const db = await createDatabase({ dataDir: 'memory' });
  await migrateLatest(db);
  const { centreId } = await loadDemoCentre(db, { seed: 1, startDate });
  if (!centreId || !(await demoTokens(db))) throw new Error('the demo centre did not load');
  const runner = planJobRunnerFor(db);
  await runner.ready;
  const server = createApp({ db, logger: createLogger('silent'), auth: { enforce: true } }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    db,
    centreId,
    tokens: demoTokenSecrets,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runner.close();
      await db.destroy();
    },
  };
}
