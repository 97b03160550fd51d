import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.ts';
import { translateDbError } from '../../../src/db/translate-db-error.ts';

/** Shapes as pg and PGlite report them (code, detail, table, constraint). */
const pgError = (fields: Record<string, string>) => Object.assign(new Error(fields.message ?? 'db error'), fields);

function translated(fields: Record<string, string>): AppError {
  const result = translateDbError(pgError(fields));
  expect(result).toBeInstanceOf(AppError);
  return result as AppError;
}

describe('translateDbError', () => {
  it('unique violation → 409 conflict naming the last key column (not centreId)', () => {
    const e = translated({ code: '23505', table: 'patients', detail: 'Key (centre_id, nhs_number)=(c, 9434765919) already exists.' });
    expect(e.status).toBe(409);
    expect(e.code).toBe('conflict');
    expect(e.details).toEqual([{ path: 'nhsNumber', message: 'nhsNumber must be unique' }]);
  });

  it('foreign key on insert → 400 naming the reference', () => {
    const e = translated({ code: '23503', table: 'shifts', detail: 'Key (staff_id)=(x) is not present in table "staff_members".' });
    expect(e.status).toBe(400);
    expect(e.code).toBe('reference_not_found');
    expect(e.details).toEqual([{ path: 'staffId', message: 'staffId refers to a staff members row that does not exist' }]);
  });

  it('deleting a referenced row → 409 on PostgreSQL 15 (23503) and on PGlite/PostgreSQL 18 (23001)', () => {
    const pg15 = translated({ code: '23503', table: 'referrals', detail: 'Key (id)=(p) is still referenced from table "referrals".' });
    const pg18 = translated({ code: '23001', table: 'referrals', detail: 'Key (id)=(p) is referenced from table "referrals".' });
    for (const e of [pg15, pg18]) {
      expect(e.status).toBe(409);
      expect(e.code).toBe('still_referenced');
      expect(e.details).toEqual({ referencedBy: 'referrals' });
    }
  });

  it('check violation → 400 naming the guarded field', () => {
    const e = translated({ code: '23514', table: 'shifts', constraint: 'shifts_end_after_start' });
    expect(e.status).toBe(400);
    expect(e.details).toEqual([{ path: 'end', message: 'violates shifts_end_after_start' }]);
  });

  it('data exceptions → 400 in our own words, never the message knex built with the SQL in it', () => {
    const sqlMessage = 'select * from "plans" where "date" = $1 - date/time field value out of range: "2026-02-30"';
    for (const code of ['22P02', '22007', '22008', '22003', '22001', '22021', '22P05', '54000']) {
      const e = translated({ code, message: sqlMessage });
      expect(e.status).toBe(400);
      expect(e.code).toBe('validation_failed');
      expect(JSON.stringify([e.message, e.details])).not.toMatch(/select|plans|2026-02-30/);
    }
    expect(translated({ code: '22001', column: 'given_name', message: sqlMessage }).details).toEqual([{ path: 'givenName', message: 'is too long' }]);
    const missing = translated({ code: '23502', column: 'room_id', message: 'insert into "x" - null value in column "room_id"' });
    expect(missing.message).toBe('roomId is required');
  });

  it('leaves other errors alone', () => {
    const other = new Error('connection refused');
    expect(translateDbError(other)).toBe(other);
    const deadlock = pgError({ code: '40P01' });
    expect(translateDbError(deadlock)).toBe(deadlock);
  });
});
