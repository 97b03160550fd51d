// Service configuration from the environment, checked once at start-up.
import { resolve } from 'node:path';

export interface Config {
  /** postgres://… ; unset = embedded PostgreSQL (PGlite) in dataDir. */
  databaseUrl: string | undefined;
  port: number;
  /** Embedded database directory (ignored with databaseUrl). */
  dataDir: string;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got ${JSON.stringify(env.PORT)}`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return {
    databaseUrl,
    port,
    dataDir: resolve(env.ICC_DATA_DIR?.trim() || './data'),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
  };
}
