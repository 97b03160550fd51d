// SQL for service_settings: installation-wide facts by key (e.g. which centre is the demo centre).
import type { Knex } from 'knex';
import { translatingDbErrors } from '../translate-db-error.ts';

export type ServiceSettingKey = 'demo_centre_id';

export const serviceSettings = {
  get: (db: Knex, key: ServiceSettingKey) =>
    translatingDbErrors(async () => {
      const row = await db('service_settings').where({ key }).first<{ value: string } | undefined>('value');
      return row?.value;
    }),
  set: (db: Knex, key: ServiceSettingKey, value: string) =>
    translatingDbErrors(async () => {
      await db('service_settings').insert({ key, value, updated_at: db.fn.now() }).onConflict('key').merge();
    }),
};
