// 201 Created, the one way every create route under /api answers: the body, and a Location
// a client can GET — the new record, or for a bulk create (an array) the collection it joined.
// Locations are paths on this origin, as the plan job's 202 gives (RFC 9110 allows a relative
// reference; a path survives a proxy that rewrites the host).
import type { Request } from 'express';
import type { Reply } from './handle.ts';

/** 201 with `body` and Location `location` (a path starting with /). */
export function created(location: string, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status: 201, body, headers: { ...headers, Location: location } };
}

/** The address of this request's collection (the router's mount path with its parameters filled in). */
export const collectionPath = (req: Request) => req.baseUrl;

/** 201 from a collection's POST: Location is the new record (collection/<id>), or the collection for an array. */
export function createdInCollection(req: Request, body: { id: string } | Array<{ id: string }>, headers: Record<string, string> = {}): Reply {
  const base = collectionPath(req);
  return created(Array.isArray(body) ? base : `${base}/${encodeURIComponent(body.id)}`, body, headers);
}
