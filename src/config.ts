// Service configuration from the environment, checked once at start-up.
import { resolve } from 'node:path';

export interface Config {
  /** postgres://… ; unset = embedded PostgreSQL (PGlite) in dataDir. */
  databaseUrl: string | undefined;
  port: number;
  /** The address to listen on: loopback unless HOST says otherwise (HOST=0.0.0.0 for every interface). */
  host: string;
  /** ICC_DEMO_TOKENS=1: the README's public tokens are active (only ever on a loopback address). */
  demoTokens: boolean;
  /** Embedded database directory (ignored with databaseUrl). */
  dataDir: string;
  logLevel: string;
  /** Where the service hands out addresses (feeds' subscribeUrl): see publicUrlConfig. */
  publicUrl: PublicUrlConfig;
}

/**
 * The origin of every absolute address the service hands out. `baseUrl` (PUBLIC_BASE_URL, e.g.
 * https://icc.example.nhs.uk) wins; without it the request's own protocol and host are used,
 * and X-Forwarded-Proto / X-Forwarded-Host only count when `trustProxy` (TRUST_PROXY) says
 * the service sits behind a proxy that sets them (otherwise any client could forge them).
 */
export interface PublicUrlConfig {
  baseUrl?: string;
  /** Express's "trust proxy" setting: true, a hop count, or a list of proxy addresses/subnets. */
  trustProxy?: boolean | number | string;
}

/** PUBLIC_BASE_URL: an http(s) origin, with an optional path prefix, no query; trailing slash dropped. */
export function parsePublicBaseUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`PUBLIC_BASE_URL must be an absolute http(s) URL such as https://icc.example.nhs.uk, got ${JSON.stringify(value)}`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new Error(`PUBLIC_BASE_URL must be an http(s) origin without query, fragment or credentials, got ${JSON.stringify(value)}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** TRUST_PROXY: unset/0/false → off; 1/true → the nearest proxy; a number of hops; or addresses for Express. */
export function parseTrustProxy(value: string | undefined): PublicUrlConfig['trustProxy'] {
  const text = value?.trim();
  if (!text || /^(0|false|no|off)$/i.test(text)) return undefined;
  if (/^(true|yes|on)$/i.test(text)) return true;
  // A bare number is a hop count (1 = trust the proxy directly in front), as Express reads it.
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

/** Whether `host` is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
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
  const baseUrl = parsePublicBaseUrl(env.PUBLIC_BASE_URL);
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const host = env.HOST?.trim() || '127.0.0.1';
  const demoTokens = env.ICC_DEMO_TOKENS === '1';
  if (demoTokens && !isLoopback(host)) {
    throw new Error(`ICC_DEMO_TOKENS=1 makes publicly known tokens valid, so the service only starts with it on a loopback address (HOST=127.0.0.1, ::1 or localhost), not HOST=${host}`);
  }
  return {
    databaseUrl,
    port,
    host,
    demoTokens,
    dataDir: resolve(env.ICC_DATA_DIR?.trim() || './data'),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    publicUrl: { ...(baseUrl ? { baseUrl } : {}), ...(trustProxy !== undefined ? { trustProxy } : {}) },
  };
}
