// The pathway's own records: the dates a referral holds (pre-visit, ICC day), the MDT outcome,
// follow-up types per centre and the follow-ups themselves. Additive: referrals are untouched.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('referral_bookings', (t) => {
    t.uuid('referral_id').primary().references('id').inTable('referrals').onDelete('CASCADE');
    t.date('pre_visit_date');
    t.date('icc_date');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['icc_date']);
    t.index(['pre_visit_date']);
  });

  await knex.schema.createTable('mdt_outcomes', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('referral_id').notNullable().unique().references('id').inTable('referrals').onDelete('CASCADE');
    t.text('care_plan').notNullable();
    t.jsonb('shared_with').notNullable();
    t.text('recorded_by');
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('follow_up_types', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.text('code').notNullable();
    t.text('name').notNullable();
    t.text('mode').notNullable();
    t.text('discipline').notNullable();
    t.integer('duration_min').notNullable();
    t.integer('window_start_days').notNullable();
    t.integer('window_end_days').notNullable();
    t.unique(['centre_id', 'code']);
    t.check("mode IN ('home-visit', 'phone', 'centre-visit')", [], 'follow_up_types_mode_check');
  });

  await knex.schema.createTable('follow_ups', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.uuid('referral_id').notNullable().references('id').inTable('referrals').onDelete('CASCADE');
    t.uuid('patient_id').notNullable().references('id').inTable('patients').onDelete('CASCADE');
    t.text('type_code').notNullable();
    t.text('mode').notNullable();
    t.text('discipline').notNullable();
    t.integer('duration_min').notNullable();
    t.date('earliest_date').notNullable();
    t.date('latest_date').notNullable();
    t.text('status').notNullable();
    t.date('booked_date');
    t.uuid('staff_id').references('id').inTable('staff_members').onDelete('SET NULL');
    t.integer('start_min');
    t.boolean('continuity').notNullable().defaultTo(false);
    t.text('unbooked_reason');
    t.timestamps(true, true);
    t.index(['centre_id', 'status']);
    t.index(['centre_id', 'booked_date']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['follow_ups', 'follow_up_types', 'mdt_outcomes', 'referral_bookings']) {
    await knex.schema.dropTableIfExists(table);
  }
}
