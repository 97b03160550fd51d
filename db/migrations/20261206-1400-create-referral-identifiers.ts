// The identifiers other systems give a referral (a GP system's ServiceRequest identifier, a
// BaRS request id): one referral per (centre, system, value), so a repeated intake finds the
// referral it made instead of filing a second one.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('referral_identifiers', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.uuid('referral_id').notNullable().references('id').inTable('referrals').onDelete('CASCADE');
    t.text('system').notNullable();
    t.text('value').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['centre_id', 'system', 'value'], { indexName: 'referral_identifiers_centre_system_value_unique' });
    t.index(['referral_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('referral_identifiers');
}
