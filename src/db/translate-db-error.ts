// The one place PostgreSQL error codes become domain errors (same codes from pg and PGlite).
import { appError, isAppError, type AppError } from '../errors/app-error.ts';
import { snakeToCamel } from './row-codec.ts';

interface PgErrorLike {
  code?: string;
  column?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  message?: string;
}

/** Which field a CHECK constraint guards, for the 400's details. */
const checkConstraintFields: Record<string, string> = {
  shifts_end_after_start: 'end',
  rooms_capacity_check: 'capacity',
  assessment_types_check: 'durationMin',
  precedence_rules_check: 'minLagMin',
  patients_nhs_number_digits: 'nhsNumber',
  patients_enums_check: 'mobility',
  vehicles_capacity_check: 'seats',
  centres_minutes_check: 'mealDurationMin',
  plans_check: 'status',
};

/**
 * Data exceptions (SQLSTATE class 22 and a too-large value) that mean the request's value cannot be
 * stored: a 400 in our own words, never the server's message (knex puts the SQL query in it).
 */
const dataExceptionMessages: Record<string, string> = {
  '22P02': 'is not in the form this field takes',
  '22007': 'is not a valid date or time',
  '22008': 'is a date or time out of range',
  '22003': 'is a number out of range',
  '22001': 'is too long',
  '22021': 'contains a character the database cannot store',
  '22P05': 'contains a character the database cannot store (e.g. U+0000)',
  '22004': 'must not be null',
  '2200D': 'is not a valid interval',
  '22015': 'is an interval out of range',
  '54000': 'is too large for the database to store',
};

function isPgError(error: unknown): error is PgErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as PgErrorLike).code === 'string' && /^[0-9A-Z]{5}$/.test((error as PgErrorLike).code!);
}

/** "Key (centre_id, nhs_number)=(…) already exists." → ['centreId', 'nhsNumber']. */
function keyFields(detail: string | undefined): string[] {
  const match = /Key \(([^)]+)\)=/.exec(detail ?? '');
  return match ? match[1]!.split(',').map((c) => snakeToCamel(c.trim().replace(/"/g, ''))) : [];
}

const humanTable = (table: string | undefined) => (table ?? 'record').replace(/_/g, ' ');

/** Node's errors for a server that cannot be reached or went away. */
const networkErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * Whether the database could not be reached at all (rather than refusing or failing a query):
 * a network error, a PostgreSQL connection exception (class 08) or shutdown (57P01–57P03), too
 * many connections (53300), knex's pool timing out or destroyed, or a closed PGlite.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && (networkErrorCodes.has(code) || /^08|^57P0[123]$|^53300$/.test(code))) return true;
  if (name === 'KnexTimeoutError') return true;
  return typeof message === 'string' && /Unable to acquire a connection|PGlite is closed|Connection terminated/.test(message);
}

/**
 * Maps a database error to an AppError: unreachable → 503; unique violation → 409, foreign key → 400 naming the
 * reference (or 409 when deleting something still referenced), check → 400, malformed value → 400.
 * Anything else (and anything already an AppError) is returned unchanged.
 */
export function translateDbError(error: unknown): unknown {
  if (isAppError(error)) return error;
  if (isDatabaseUnreachable(error)) return appError.unavailable('The database is not reachable; try again shortly');
  if (!isPgError(error)) return error;
  const fields = keyFields(error.detail);
  switch (error.code) {
    case '23505': {
      const named = fields.filter((f) => f !== 'centreId');
      // The last key column is the one a client varies (staffId + date → date).
      const path = named.at(-1) ?? 'id';
      const what = named.join(' and ') || 'key';
      return appError.conflict(`A ${humanTable(error.table).replace(/s$/, '')} with this ${what} already exists`, [
        { path, message: `${what} must be unique` },
      ]);
    }
    case '23001':
    case '23503': {
      // Deleting a row others still point at: 23503 on PostgreSQL ≤ 17, 23001 (RESTRICT) on 18 / PGlite.
      const referencedFrom = /(?:still )?referenced from table "([^"]+)"/.exec(error.detail ?? '');
      if (referencedFrom) {
        return appError.stillReferenced(`This record is still referenced by ${humanTable(referencedFrom[1])}; remove those first`, {
          referencedBy: referencedFrom[1],
        });
      }
      const target = /in table "([^"]+)"/.exec(error.detail ?? '')?.[1];
      const path = fields[0] ?? 'reference';
      return appError.referenceNotFound(`${path} refers to a ${humanTable(target)} row that does not exist`, [
        { path, message: `${path} refers to a ${humanTable(target)} row that does not exist` },
      ]);
    }
    case '23514': {
      const path = checkConstraintFields[error.constraint ?? ''] ?? error.constraint ?? 'value';
      return appError.validation(`Rejected by the database check ${error.constraint ?? ''} on ${path}`, [{ path, message: `violates ${error.constraint ?? 'a check'}` }]);
    }
    case '23502': {
      // knex puts the SQL in front of the server's message, so replies are built from the column alone.
      const path = snakeToCamel(error.column ?? /column "([^"]+)"/.exec(error.message ?? '')?.[1] ?? 'value');
      return appError.validation(`${path} is required`, [{ path, message: 'is required' }]);
    }
    default: {
      const problem = dataExceptionMessages[error.code ?? ''];
      if (!problem) return error;
      const path = error.column ? snakeToCamel(error.column) : 'value';
      return appError.validation(`A value the database refused: ${path} ${problem}`, [{ path, message: problem }]);
    }
  }
}

/** Runs `work`, translating database errors on the way out. */
export async function translatingDbErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateDbError(error);
  }
}

export type { AppError };
