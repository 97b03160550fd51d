// Serves the coordinator's screen: the page at / and its bundle under /app/. A plain
// middleware, not a router: the web app is not part of the API (it has no OpenAPI entry), and
// it only talks to the API over HTTP like any other client. The page holds no data: signing
// in with an API token happens in the browser.
import { readFileSync } from 'node:fs';
import type { NextFunction, Request, Response } from 'express';
import { webAppBundle } from './web-app-bundle.ts';

const page = readFileSync(new URL('./client/index.html', import.meta.url));

/** GET / and /app/app.{js,css}; anything else goes on to the API and the 404 handler. */
export function serveWebApp() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // Revalidated on every load (Express sets an ETag), so a restarted service is never stale.
    res.set('Cache-Control', 'no-cache');
    if (req.path === '/') {
      res.type('text/html; charset=utf-8').send(page);
      return;
    }
    const asset = /^\/app\/app\.(js|css)$/.exec(req.path)?.[1];
    if (!asset) return next();
    webAppBundle().then((bundle) => {
      res.type(asset === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8').send(Buffer.from(asset === 'js' ? bundle.js : bundle.css));
    }, next);
  };
}
