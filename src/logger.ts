// One pino logger for the service; silent under vitest so test output stays readable.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level: process.env.VITEST ? 'silent' : level, base: { service: 'icc-scheduler' } });
}

export const logger = createLogger();
