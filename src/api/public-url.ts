// One way to build an absolute address the service hands out (a feed's subscribeUrl): from
// PUBLIC_BASE_URL when set, else from the request (whose protocol and host honour
// X-Forwarded-Proto/-Host only when TRUST_PROXY is set; see src/config.ts).
import type { Express, Request } from 'express';
import type { PublicUrlConfig } from '../config.ts';

const BASE_URL_KEY = 'icc public base url';

/** Applies the configuration to the app: Express's "trust proxy", and the base URL for publicUrl(). */
export function configurePublicUrl(app: Express, config: PublicUrlConfig = {}): void {
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  if (config.baseUrl !== undefined) app.set(BASE_URL_KEY, config.baseUrl);
}

/** The absolute URL of `path` (starting with /) as a client outside should use it. */
export function publicUrl(req: Request, path: string): string {
  const base = req.app.get(BASE_URL_KEY) as string | undefined;
  if (base !== undefined) return `${base}${path}`;
  // req.host is the Host header, or X-Forwarded-Host when "trust proxy" says to believe it.
  return `${req.protocol}://${req.host ?? 'localhost'}${path}`;
}
