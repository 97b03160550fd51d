// SQL for outreach days (the team that goes out to care homes on a date).
import type { OutreachDay, OutreachDayCreate, OutreachDayUpdate } from '../../domain/outreach.ts';
import { createRowCodec } from '../row-codec.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

export const outreachDays = centreScopedRepository<OutreachDay, OutreachDayCreate, OutreachDayUpdate>({
  table: 'outreach_days',
  codec: createRowCodec({ json: ['staffIds'] }),
  orderBy: ['date', 'id'],
});
