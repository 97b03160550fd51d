// Transport vehicles, stored plans (versioned, with pins), iCal feed tokens and the audit log.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('vehicles', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.text('name').notNullable();
    t.integer('seats').notNullable();
    t.integer('wheelchair_spaces').notNullable().defaultTo(0);
    t.jsonb('depot').notNullable();
    t.jsonb('driver_shift').notNullable();
    t.uuid('driver_staff_id').references('id').inTable('staff_members').onDelete('SET NULL');
    t.timestamps(true, true);
    t.unique(['centre_id', 'name'], { indexName: 'vehicles_centre_name_unique' });
    t.check('seats >= 0 AND wheelchair_spaces >= 0 AND seats + wheelchair_spaces >= 1', [], 'vehicles_capacity_check');
  });

  await knex.schema.createTable('plans', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.date('date').notNullable();
    t.text('kind').notNullable().defaultTo('day');
    t.integer('version').notNullable();
    t.text('status').notNullable().defaultTo('draft');
    t.jsonb('document').notNullable();
    t.jsonb('pins').notNullable();
    t.timestamps(true, true);
    t.unique(['centre_id', 'date', 'kind', 'version'], { indexName: 'plans_centre_date_kind_version_unique' });
    t.check("status IN ('draft', 'published') AND version >= 1", [], 'plans_check');
  });

  await knex.schema.createTable('feed_tokens', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.text('owner_kind').notNullable();
    t.uuid('owner_id').notNullable();
    t.text('token_hash').notNullable().unique();
    t.boolean('revoked').notNullable().defaultTo(false);
    t.timestamp('revoked_at', { useTz: true });
    t.timestamps(true, true);
    t.index(['owner_kind', 'owner_id']);
  });

  await knex.schema.createTable('audit_log', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('actor').notNullable();
    t.text('action').notNullable();
    t.text('entity').notNullable();
    t.text('entity_id').notNullable();
    t.jsonb('details');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['entity', 'entity_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['audit_log', 'feed_tokens', 'plans', 'vehicles']) {
    await knex.schema.dropTableIfExists(table);
  }
}
