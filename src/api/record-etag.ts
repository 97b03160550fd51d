// Optimistic concurrency for stored records other than plans (plans use their version, see
// src/solving/plans): every read of a record carries an ETag of its content, and a PATCH or
// DELETE that sends If-Match is applied only if the record still has that ETag (else 412), so
// of two coordinators editing one patient the second is told instead of silently overwriting.
// If-Match stays optional here, so clients that never read ETags keep working.
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { AppError } from '../errors/app-error.ts';

/** A strong ETag of a record as the API returns it: changes whenever any field does. */
export function recordEtag(record: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(record)).digest('base64url').slice(0, 22)}"`;
}

/**
 * Checks a record inside the writing transaction (after its row is locked); throws 412 when
 * stale. `undefined`: there is no current record (a PUT that would create it), which no
 * If-Match, not even *, names (RFC 9110 §13.1.1).
 */
export type Precondition<T> = (current: T | undefined) => void;

/** The If-Match precondition of a request, or undefined when it sends none. */
export function ifMatchPrecondition<T>(req: Request): Precondition<T> | undefined {
  const header = req.get('if-match');
  if (header === undefined) return undefined;
  const tags = header.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
  return (current) => {
    if (current === undefined) {
      throw new AppError({
        code: 'precondition_failed', status: 412,
        message: 'There is no current record for If-Match to name (it was never saved, or was removed since you read it)',
        details: { currentEtag: null },
      });
    }
    if (tags.includes('*')) return;
    const etag = recordEtag(current);
    // Strong comparison (RFC 9110 §13.1.1): a weak tag never matches.
    if (!tags.includes(etag)) {
      throw new AppError({
        code: 'precondition_failed', status: 412,
        message: 'The record was changed since you read it (If-Match does not name its current ETag): read it again and reapply your change',
        details: { currentEtag: etag },
      });
    }
  };
}
