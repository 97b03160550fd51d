// Cursor pagination, the one way every REST list under /api pages: `?limit=` (1..max) and
// `?cursor=` (opaque, from the previous page) in; the reply stays a JSON array (so clients
// that read a list keep working) and, when more follow, carries the next page's address as
// `Link: <…>; rel="next"` and its cursor as `X-Next-Cursor`. The rows are read by keyset
// (src/db/keyset-page.ts) in each list's own fixed order, which ends in a unique column.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { cursorRefused, type Page, type PagePosition, type PageRequest } from '../db/keyset-page.ts';
import { parseOrThrow } from '../errors/from-zod-error.ts';
import { handle, type Reply } from './handle.ts';
import { publicUrl } from './public-url.ts';

export const PAGE_LIMIT_DEFAULT = 100;
export const PAGE_LIMIT_MAX = 1000;
/** The response header carrying the next page's cursor (also inside the Link header's URL). */
export const NEXT_CURSOR_HEADER = 'X-Next-Cursor';

export interface PageLimits {
  defaultLimit: number;
  maxLimit: number;
}

export const standardLimits: PageLimits = { defaultLimit: PAGE_LIMIT_DEFAULT, maxLimit: PAGE_LIMIT_MAX };
/** The audit log pages like every list, with a larger page: a subject-access request reads it whole. */
export const auditLogPageLimits: PageLimits = { defaultLimit: 500, maxLimit: 5000 };

/**
 * A cursor is base64url(JSON [list, key]) + "." + a check of it. The check catches an edited or
 * truncated cursor; it is not a secret, and needs none: a cursor is only a position, and the
 * list's own filters (its centre above all) still bound what a page can hold.
 */
const checkOf = (payload: string) => createHash('sha256').update(`icc-cursor:${payload}`).digest('base64url').slice(0, 16);

export function encodeCursor(position: PagePosition): string {
  const payload = Buffer.from(JSON.stringify([position.list, position.key])).toString('base64url');
  return `${payload}.${checkOf(payload)}`;
}

export function decodeCursor(cursor: string): PagePosition {
  const [payload, check, ...rest] = cursor.split('.');
  if (!payload || !check || rest.length > 0 || checkOf(payload) !== check) throw cursorRefused('it is not a cursor this service gave out (altered or cut short)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw cursorRefused('it is not a cursor this service gave out');
  }
  const ok = Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string'
    && Array.isArray(parsed[1]) && parsed[1].length > 0 && (parsed[1] as unknown[]).every((v) => typeof v === 'string');
  if (!ok) throw cursorRefused('it is not a cursor this service gave out');
  const [list, key] = parsed as [string, string[]];
  return { list, key };
}

const pageQuerySchema = (limits: PageLimits) => z.object({
  limit: z.coerce.number({ message: `must be a whole number from 1 to ${limits.maxLimit}` })
    .int({ message: `must be a whole number from 1 to ${limits.maxLimit}` })
    .min(1, { message: `must be at least 1 (at most ${limits.maxLimit})` })
    .max(limits.maxLimit, { message: `must be at most ${limits.maxLimit}` })
    .default(limits.defaultLimit),
  cursor: z.string({ message: 'must be given once, as the X-Next-Cursor of the previous page' }).min(1, { message: 'must not be empty' }).max(4000, { message: 'is too long to be a cursor' }).optional(),
});

/** The page asked for, and the rest of the query (the list's own filters). 400 naming `limit` or `cursor`. */
export function pageRequestOf(req: Request, limits: PageLimits = standardLimits): { page: PageRequest; filters: Record<string, unknown> } {
  const { limit, cursor, ...filters } = req.query as Record<string, unknown>;
  const parsed = parseOrThrow(pageQuerySchema(limits), { limit, cursor }, 'page');
  return { page: { limit: parsed.limit, ...(parsed.cursor === undefined ? {} : { after: decodeCursor(parsed.cursor) }) }, filters };
}

/** This request's address with `cursor` set (every other query parameter as the caller sent it). */
function nextPageUrl(req: Request, cursor: string): string {
  const [path, query = ''] = req.originalUrl.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  params.set('cursor', cursor);
  return publicUrl(req, `${path}?${params.toString()}`);
}

/** The reply of one page: the items as a JSON array, and the next page's Link and cursor when there is one. */
export function pageReply<T>(req: Request, page: Page<T>): Reply {
  if (!page.nextKey) return { body: page.items };
  const cursor = encodeCursor(page.nextKey);
  return { body: page.items, headers: { Link: `<${nextPageUrl(req, cursor)}>; rel="next"`, [NEXT_CURSOR_HEADER]: cursor } };
}

/** A paged list route: reads the page request, asks `read` for that page, replies with it. */
export function pagedList<T>(read: (req: Request, page: PageRequest, filters: Record<string, unknown>) => Promise<Page<T>>, limits: PageLimits = standardLimits): RequestHandler {
  return handle(async (req) => {
    const { page, filters } = pageRequestOf(req, limits);
    return pageReply(req, await read(req, page, filters));
  });
}
