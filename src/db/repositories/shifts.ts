// SQL for shifts. Columns start_time/end_time avoid SQL keywords.
import type { Knex } from 'knex';
import type { LocalWindow } from '../../domain/primitives.ts';
import type { Shift, ShiftCreate, ShiftUpdate } from '../../domain/shift.ts';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

const base = centreScopedRepository<Shift, ShiftCreate, ShiftUpdate>({
  table: 'shifts',
  codec: createRowCodec({ json: ['breaks'], rename: { start: 'start_time', end: 'end_time' } }),
  orderBy: ['date', 'start_time', 'id'],
});

export const shifts = {
  ...base,
  /** How many of the centre's shifts start before or end after `hours` ("HH:MM" compares as text). */
  countOutside: (db: Knex, centreId: string, hours: LocalWindow) =>
    translatingDbErrors(async () => {
      const [row] = await db('shifts')
        .where({ centre_id: centreId })
        .andWhere((q) => q.where('start_time', '<', hours.start).orWhere('end_time', '>', hours.end))
        .count({ n: '*' });
      return Number(row?.n ?? 0);
    }),
};
