// Checks that a referenced record exists in the same centre, naming the field when not.
// Foreign keys catch a missing row, but not a row that belongs to another centre.
import type { Knex } from 'knex';
import type { CentreScopedRepository } from '../../db/repositories/centre-scoped-repository.ts';
import { appError } from '../../errors/app-error.ts';

export async function requireInCentre<T>(
  db: Knex,
  repository: Pick<CentreScopedRepository<T, unknown, unknown>, 'findById'>,
  centreId: string,
  id: string,
  field: string,
  what: string,
): Promise<T> {
  const found = await repository.findById(db, centreId, id);
  if (!found) {
    const message = `${field} refers to ${what} ${id}, which does not exist in this centre`;
    throw appError.referenceNotFound(message, [{ path: field, message }]);
  }
  return found;
}
