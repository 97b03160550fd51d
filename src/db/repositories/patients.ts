// SQL for patients, and the coordinators' search by name, NHS number and postcode.
import type { Knex } from 'knex';
import type { Patient, PatientCreate, PatientUpdate } from '../../domain/patient.ts';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { keysetPage, mapPage, type PageRequest } from '../keyset-page.ts';
import { centreScopedRepository, isUuid } from './centre-scoped-repository.ts';

const codec = createRowCodec({ json: ['addressLines', 'carer', 'dietaryNeeds', 'unavailableDates'] });
const base = centreScopedRepository<Patient, PatientCreate, PatientUpdate>({ table: 'patients', codec, orderBy: ['local_ref', 'id'] });

/** A postcode to search by: a whole one (normalised, 'HU3 2JZ') or an outward code ('HU3'). */
export type PostcodeQuery = { whole: string } | { outward: string };

export interface PatientSearch {
  /** Every word appears in "given family" (any case). */
  nameWords?: string[];
  /** 10 digits. */
  nhsNumber?: string;
  postcode?: PostcodeQuery;
  /** Free text: the name words, or the NHS number, or the postcode (any one matches). */
  anyOf?: { nameWords: string[]; nhsNumber?: string; postcode?: PostcodeQuery };
  /** Plain equality filters (efiCategory, localRef, careHomeId). */
  equal?: Record<string, unknown>;
}

function whereName(q: Knex.QueryBuilder, words: string[]): void {
  // position() rather than LIKE: a % or _ the coordinator types is just a character.
  for (const word of words) q.whereRaw("position(lower(?) in lower(given_name || ' ' || family_name)) > 0", [word]);
}

function wherePostcode(q: Knex.QueryBuilder, postcode: PostcodeQuery): void {
  if ('whole' in postcode) q.where('postcode', postcode.whole);
  else q.whereRaw("split_part(postcode, ' ', 1) = ?", [postcode.outward]);
}

export const patients = {
  ...base,
  /** One page of the centre's patients matching every given criterion, in the list's order (local reference). */
  search: (db: Knex, centreId: string, search: PatientSearch, page: PageRequest) =>
    translatingDbErrors(async () => {
      if (!isUuid(centreId)) return { items: [], nextKey: null };
      const query = db('patients').where({ ...codec.toRow(search.equal ?? {}), centre_id: centreId });
      if (search.nameWords) whereName(query, search.nameWords);
      if (search.nhsNumber) query.where('nhs_number', search.nhsNumber);
      if (search.postcode) wherePostcode(query, search.postcode);
      const anyOf = search.anyOf;
      if (anyOf) {
        query.where((either) => {
          either.where((byName) => whereName(byName, anyOf.nameWords));
          if (anyOf.nhsNumber) either.orWhere('nhs_number', anyOf.nhsNumber);
          if (anyOf.postcode) either.orWhere((byPostcode) => wherePostcode(byPostcode, anyOf.postcode!));
        });
      }
      return mapPage(await keysetPage(query, base.order, page), (row) => codec.fromRow(row) as unknown as Patient);
    }),
};
