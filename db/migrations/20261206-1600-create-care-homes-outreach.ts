// Care-home outreach (issue 16): care homes, residents linked to their home, the centre's
// outreach settings, outreach days (which staff go out on a date), and the outreach day a
// referral holds. Additive: existing rows keep working (settings default in the service).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('care_homes', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.text('name').notNullable();
    t.jsonb('address_lines').notNullable();
    t.text('postcode').notNullable();
    t.double('lat');
    t.double('lon');
    t.text('phone');
    t.jsonb('shared_rooms').notNullable();
    t.jsonb('visiting_hours').notNullable();
    t.timestamps(true, true);
    t.unique(['centre_id', 'name']);
  });
  await knex.schema.alterTable('patients', (t) => {
    // RESTRICT: a home with residents cannot be deleted (409 still_referenced).
    t.uuid('care_home_id').references('id').inTable('care_homes').onDelete('RESTRICT');
    t.index(['care_home_id']);
  });
  await knex.schema.alterTable('centres', (t) => {
    t.jsonb('outreach');
  });
  await knex.schema.createTable('outreach_days', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.date('date').notNullable();
    t.jsonb('staff_ids').notNullable();
    t.integer('max_residents').notNullable();
    t.timestamps(true, true);
    t.unique(['centre_id', 'date']);
    t.check('max_residents >= 1', [], 'outreach_days_max_residents_check');
  });
  await knex.schema.alterTable('referral_bookings', (t) => {
    t.date('outreach_date');
    t.index(['outreach_date']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('referral_bookings', (t) => {
    t.dropIndex(['outreach_date']);
    t.dropColumn('outreach_date');
  });
  await knex.schema.dropTableIfExists('outreach_days');
  await knex.schema.alterTable('centres', (t) => {
    t.dropColumn('outreach');
  });
  await knex.schema.alterTable('patients', (t) => {
    t.dropIndex(['care_home_id']);
    t.dropColumn('care_home_id');
  });
  await knex.schema.dropTableIfExists('care_homes');
}
