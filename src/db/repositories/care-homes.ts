// SQL for care homes.
import type { CareHome, CareHomeCreate, CareHomeUpdate } from '../../domain/care-home.ts';
import { createRowCodec } from '../row-codec.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

export const careHomes = centreScopedRepository<CareHome, CareHomeCreate, CareHomeUpdate>({
  table: 'care_homes',
  codec: createRowCodec({ json: ['addressLines', 'sharedRooms', 'visitingHours'] }),
  orderBy: ['name', 'id'],
});
