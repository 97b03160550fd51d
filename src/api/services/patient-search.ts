// The coordinators' patient search (GET …/patients?name=&nhsNumber=&postcode=, or ?q= for any
// of them), parsed and checked here: a 400 names the field. Every read of the list, search
// terms included, is written to the audit log by src/auth (the patients rule audits reads).
import { z } from 'zod';
import { compactNhsNumber, isValidNhsNumber } from '../../domain/nhs-number.ts';
import { efiCategories } from '../../domain/patient.ts';
import { isValidUkPostcode, normalisePostcode } from '../../domain/postcode.ts';
import { idSchema } from '../../domain/primitives.ts';
import type { PatientSearch, PostcodeQuery } from '../../db/repositories/patients.ts';

const outwardCode = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

/** A whole postcode (any case or spacing) or an outward code ('HU3'), else undefined. */
function postcodeQuery(text: string): PostcodeQuery | undefined {
  if (isValidUkPostcode(text)) return { whole: normalisePostcode(text) };
  const compact = text.replace(/\s+/g, '').toUpperCase();
  return outwardCode.test(compact) ? { outward: compact } : undefined;
}

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);

const searchText = z.string({ message: 'must be given once' }).trim()
  .min(2, { message: 'must be at least 2 characters' }).max(100, { message: 'must be at most 100 characters' });

export const patientListQuerySchema = z.strictObject({
  efiCategory: z.enum(efiCategories),
  localRef: z.string(),
  careHomeId: idSchema,
  name: searchText.describe('Part of the name: every word must appear in the given or family name (any case)'),
  nhsNumber: z.string({ message: 'must be given once' })
    .refine(isValidNhsNumber, { message: 'must be a valid NHS number: 10 digits (spaces allowed) with a correct modulus-11 check digit' })
    .transform(compactNhsNumber),
  postcode: z.string({ message: 'must be given once' }).refine((text) => postcodeQuery(text) !== undefined, { message: 'must be a UK postcode ("HU3 2JZ") or its outward code ("HU3")' }),
  q: searchText.describe('Any of: a name (every word), an NHS number, a postcode or outward code'),
}).partial();

export type PatientListQuery = z.infer<typeof patientListQuerySchema>;

/** What the repository searches for. */
export function patientSearchOf(query: PatientListQuery): PatientSearch {
  const { name, nhsNumber, postcode, q, ...equal } = query;
  return {
    equal,
    ...(name === undefined ? {} : { nameWords: words(name) }),
    ...(nhsNumber === undefined ? {} : { nhsNumber }),
    ...(postcode === undefined ? {} : { postcode: postcodeQuery(postcode)! }),
    ...(q === undefined ? {} : {
      anyOf: {
        nameWords: words(q),
        ...(isValidNhsNumber(q) ? { nhsNumber: compactNhsNumber(q) } : {}),
        ...(postcodeQuery(q) === undefined ? {} : { postcode: postcodeQuery(q)! }),
      },
    }),
  };
}
