// The one access middleware, applied before every router: public routes pass; otherwise the
// bearer token is checked (401), the access table decides (403), and a GET of patient-
// identifiable data is written to the audit log before the route runs, so no such data leaves
// the service unrecorded (if the audit write fails, so does the request).
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Knex } from 'knex';
import { auditLog } from '../db/repositories/audit-log.ts';
import { appError } from '../errors/app-error.ts';
import { findAccessRule, type RuleMatch, type Scope } from './access-table.ts';
import { apiTokenService, type Principal } from './api-token-service.ts';

/** The checked principal of a request (set by requireAccess). */
export function principalOf(res: Response): Principal | undefined {
  return res.locals.principal as Principal | undefined;
}

/** How the audit log and services name a principal, e.g. "token:<id> (coordinator: Ward 3)". */
export function actorName(principal: Principal): string {
  return `token:${principal.tokenId} (${principal.role}: ${principal.name})`.slice(0, 200);
}

function queryValue(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Why this principal may not make this request, or null when it may. */
export function denial(principal: Principal, found: RuleMatch | undefined, req: Request): string | null {
  if (principal.role === 'admin') return null;
  const scope: Scope | undefined = found?.rule.allow?.[principal.role];
  if (!found || scope === undefined) return `A ${principal.role} token may not ${req.method} ${req.path}`;
  if (scope === 'any') return null;
  if (found.params.centreId !== principal.centreId) return `This ${principal.role} token is for another centre`;
  if (scope === 'own-staff' && queryValue(req, 'staffId') !== principal.staffId) {
    return 'A clinician token reads only its own timetable: add ?staffId=<your staff id>';
  }
  if (scope === 'own-feed') {
    const body = (req.body ?? {}) as { kind?: unknown; ownerId?: unknown };
    if (body.kind !== 'staff' || body.ownerId !== principal.staffId) return 'A clinician token may issue only its own staff feed: { "kind": "staff", "ownerId": <your staff id> }';
  }
  return null;
}

async function auditRead(db: Knex, principal: Principal, found: RuleMatch, req: Request): Promise<void> {
  const { entity, idParam } = found.rule.audit!;
  const id = idParam === undefined ? undefined : found.params[idParam];
  const query = new URLSearchParams(req.query as Record<string, string>).toString();
  await auditLog.append(db, {
    actor: actorName(principal),
    action: 'read',
    entity,
    entityId: id ?? (query === '' ? '(list)' : `?${query}`),
    details: { tokenId: principal.tokenId, role: principal.role, method: req.method, path: req.path, query: req.query as Record<string, unknown> },
  });
}

/** Parses a JSON body early, only for rules whose scope reads it (express.json then skips it). */
const parseJson = express.json({ limit: '5mb' });
const parseBody = (req: Request, res: Response) =>
  new Promise<void>((resolve, reject) => {
    parseJson(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
  });

export function requireAccess(db: Knex): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const found = findAccessRule(req.method, req.path);
      if (found?.rule.public) {
        next();
        return;
      }
      let principal: Principal;
      try {
        principal = await apiTokenService.authenticate(db, req.get('authorization'));
      } catch (error) {
        res.set('WWW-Authenticate', 'Bearer realm="icc"');
        throw error;
      }
      res.locals.principal = principal;
      if (found && principal.role !== 'admin' && found.rule.allow?.[principal.role] === 'own-feed') await parseBody(req, res);
      const why = denial(principal, found, req);
      if (why !== null) throw appError.forbidden(why, { role: principal.role, method: req.method, path: req.path });
      // The token, not a client-chosen header, names the actor in every audit entry.
      req.headers['x-actor'] = actorName(principal);
      if (found?.rule.audit && (req.method === 'GET' || req.method === 'HEAD')) await auditRead(db, principal, found, req);
      next();
    } catch (error) {
      next(error);
    }
  };
}
