// Facts about this installation that belong to no centre, one row per key. First: which centre
// is the demo centre (the README's public demo tokens are bound to it by id, never to whichever
// centre sorts first by name).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('service_settings', (t) => {
    t.text('key').primary();
    t.text('value').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('service_settings');
}
