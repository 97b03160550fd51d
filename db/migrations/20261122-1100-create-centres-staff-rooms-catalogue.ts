// The centre and what it runs on: staff and their shifts, rooms, the assessment catalogue
// and its precedence rules.
import type { Knex } from 'knex';

const uuidPk = (knex: Knex, t: Knex.CreateTableBuilder) => t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
const centreFk = (t: Knex.CreateTableBuilder) => t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('centres', (t) => {
    uuidPk(knex, t);
    t.text('name').notNullable().unique();
    t.text('time_zone').notNullable().defaultTo('Europe/London');
    t.jsonb('opening_hours').notNullable();
    t.jsonb('open_weekdays').notNullable();
    t.jsonb('closed_dates').notNullable();
    t.jsonb('lunch_window').notNullable();
    t.integer('meal_duration_min').notNullable();
    t.text('meal_room_type').notNullable();
    t.jsonb('mdt').notNullable();
    t.integer('transfer_min').notNullable();
    t.integer('check_in_buffer_min').notNullable();
    t.integer('max_on_site_min').notNullable();
    t.jsonb('rest_rule');
    t.jsonb('address_lines').notNullable();
    t.text('postcode');
    t.double('lat');
    t.double('lon');
    t.boolean('full_patient_details_in_feeds').notNullable().defaultTo(false);
    t.timestamps(true, true);
    t.check('meal_duration_min > 0 AND transfer_min >= 0 AND check_in_buffer_min >= 0 AND max_on_site_min > 0', [], 'centres_minutes_check');
  });

  await knex.schema.createTable('staff_members', (t) => {
    uuidPk(knex, t);
    centreFk(t);
    t.text('name').notNullable();
    t.text('discipline').notNullable();
    t.jsonb('qualifications').notNullable();
    t.jsonb('organisation').notNullable();
    t.boolean('mdt_member').notNullable().defaultTo(true);
    t.text('email');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
    t.index(['centre_id', 'discipline']);
  });

  await knex.schema.createTable('shifts', (t) => {
    uuidPk(knex, t);
    centreFk(t);
    t.uuid('staff_id').notNullable().references('id').inTable('staff_members').onDelete('CASCADE');
    t.date('date').notNullable();
    // Local "HH:MM": zero-padded, so text order is time order.
    t.text('start_time').notNullable();
    t.text('end_time').notNullable();
    t.jsonb('breaks').notNullable();
    t.timestamps(true, true);
    t.unique(['staff_id', 'date'], { indexName: 'shifts_staff_date_unique' });
    t.index(['centre_id', 'date']);
    t.check('end_time > start_time', [], 'shifts_end_after_start');
  });

  await knex.schema.createTable('rooms', (t) => {
    uuidPk(knex, t);
    centreFk(t);
    t.text('name').notNullable();
    t.text('type').notNullable();
    t.integer('capacity').notNullable().defaultTo(1);
    t.timestamps(true, true);
    t.unique(['centre_id', 'name'], { indexName: 'rooms_centre_name_unique' });
    t.check('capacity >= 1', [], 'rooms_capacity_check');
  });

  await knex.schema.createTable('assessment_types', (t) => {
    uuidPk(knex, t);
    centreFk(t);
    t.text('code').notNullable();
    t.text('name').notNullable();
    t.text('discipline').notNullable();
    t.text('kind').notNullable();
    t.integer('duration_min').notNullable();
    t.text('room_type').notNullable();
    t.text('qualification').notNullable();
    t.integer('group_capacity').notNullable().defaultTo(1);
    t.timestamps(true, true);
    t.unique(['centre_id', 'code'], { indexName: 'assessment_types_centre_code_unique' });
    t.check("kind IN ('assessment', 'diagnostic') AND duration_min > 0 AND group_capacity >= 1", [], 'assessment_types_check');
  });

  await knex.schema.createTable('precedence_rules', (t) => {
    uuidPk(knex, t);
    centreFk(t);
    // NULL means '*': every other assessment of the patient.
    t.uuid('before_type_id').references('id').inTable('assessment_types').onDelete('CASCADE');
    t.uuid('after_type_id').references('id').inTable('assessment_types').onDelete('CASCADE');
    t.integer('min_lag_min').notNullable().defaultTo(0);
    t.text('reason');
    t.timestamps(true, true);
    t.check('min_lag_min >= 0 AND (before_type_id IS NOT NULL OR after_type_id IS NOT NULL)', [], 'precedence_rules_check');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['precedence_rules', 'assessment_types', 'rooms', 'shifts', 'staff_members', 'centres']) {
    await knex.schema.dropTableIfExists(table);
  }
}
