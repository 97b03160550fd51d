// Every route an Express app answers, as { method, path } with Express-style parameters
// (/api/centres/:centreId/patients/:id), read from the router stack. The access-table and
// OpenAPI tests use it to prove that no route is left without a rule or a description.
import type { Express } from 'express';

export interface AppRoute {
  method: string;
  path: string;
}

interface Layer {
  rawPath?: string | RegExp | (string | RegExp)[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

const join = (prefix: string, path: string) => `${prefix}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

function walk(stack: Layer[], prefix: string, out: AppRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const path of paths) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') out.push({ method: method.toUpperCase(), path: join(prefix, path) });
        }
      }
    } else if (layer.handle?.stack) {
      const raw = layer.rawPath;
      if (raw instanceof RegExp || Array.isArray(raw)) throw new Error('listRoutes: mount paths must be plain strings');
      walk(layer.handle.stack, join(prefix, raw ?? '/'), out);
    }
  }
}

export function listRoutes(app: Express): AppRoute[] {
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  const out: AppRoute[] = [];
  walk(router.stack, '', out);
  return out;
}
