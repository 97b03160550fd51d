// The one access middleware, applied before every router: public routes pass; otherwise the
// bearer token is checked (401), the access table decides (403), and every response that
// carries patient-identifiable data is written to the audit log before it leaves — a GET's
// before the route runs, a write's (POST/PUT/PATCH/DELETE) once its successful JSON body is
// ready — so no such data leaves the service unrecorded (if the audit write fails, the client
// gets a 500 instead of the data).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import { parseJsonBody } from '../api/json-body.ts';
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

/** The ids of the records a response body holds: its own id, or its items' (a bulk create). */
function idsInBody(body: unknown): string[] {
  const idOf = (item: unknown) => (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined);
  if (Array.isArray(body)) return body.map(idOf).filter((id): id is string => id !== undefined);
  const id = idOf(body);
  return id === undefined ? [] : [id];
}

/** A write's response as a read: what it disclosed is the path's record, else the records in its body. */
async function auditWriteResponse(db: Knex, principal: Principal, found: RuleMatch, request: { method: string; path: string }, status: number, body: unknown): Promise<void> {
  const { entity, idParam } = found.rule.audit!;
  const fromPath = idParam === undefined ? undefined : found.params[idParam];
  const ids = idsInBody(body);
  await auditLog.append(db, {
    actor: actorName(principal),
    action: 'read',
    entity,
    entityId: fromPath ?? (ids.length === 1 ? ids[0]! : '(list)'),
    details: { tokenId: principal.tokenId, role: principal.role, method: request.method, path: request.path, status, ...(ids.length > 1 ? { ids } : {}) },
  });
}

/**
 * Holds back a write's successful JSON body until its audit entry is stored. Errors and
 * empty bodies (204) pass straight through: they carry no record.
 */
function auditResponseOf(db: Knex, principal: Principal, found: RuleMatch, req: Request, res: Response, next: NextFunction): void {
  const send = res.json.bind(res);
  // Taken now: routers below rewrite req.path to their own mount point.
  const request = { method: req.method, path: req.path };
  res.json = (body: unknown) => {
    res.json = send; // one entry per response, whatever sends it on
    const status = res.statusCode;
    if (status < 200 || status >= 300 || body === undefined || body === null) return send(body);
    // A failed audit write is the service's fault, whatever the database said: a 500.
    auditWriteResponse(db, principal, found, request, status, body).then(() => send(body), (error: unknown) => next(appError.internal(error)));
    return res;
  };
}

/** Parses a JSON body early, only for rules whose scope reads it (express.json then skips it). */
const parseBody = (req: Request, res: Response) =>
  new Promise<void>((resolve, reject) => {
    parseJsonBody(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
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
      else if (found?.rule.audit) auditResponseOf(db, principal, found, req, res, next);
      next();
    } catch (error) {
      next(error);
    }
  };
}
