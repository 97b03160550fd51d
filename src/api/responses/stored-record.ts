// A stored record as the API returns it: the document's fields (after defaults) plus the id and
// timestamps the database adds, and whatever else the record carries (centreId, history…).
import { z } from 'zod';
import { storedFields } from '../../domain/primitives.ts';

export function storedRecordSchema<D extends z.ZodRawShape, E extends z.ZodRawShape>(document: z.ZodObject<D>, extra: E) {
  return z.strictObject({ ...document.shape, ...storedFields, ...extra });
}
