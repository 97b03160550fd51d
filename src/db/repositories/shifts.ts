// SQL for shifts. Columns start_time/end_time avoid SQL keywords.
import type { Shift, ShiftCreate, ShiftUpdate } from '../../domain/shift.ts';
import { createRowCodec } from '../row-codec.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

export const shifts = centreScopedRepository<Shift, ShiftCreate, ShiftUpdate>({
  table: 'shifts',
  codec: createRowCodec({ json: ['breaks'], rename: { start: 'start_time', end: 'end_time' } }),
  orderBy: ['date', 'start_time', 'id'],
});
