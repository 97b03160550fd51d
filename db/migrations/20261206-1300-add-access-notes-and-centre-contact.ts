// What the people holding the printed pages need (issue 13): a patient's access notes for the
// driver and the support worker (key safe, door code — never in a calendar feed), and the
// centre's phone number and email for the patient's letter and the feeds' ORGANIZER.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('patients', (t) => {
    t.text('access_notes');
  });
  await knex.schema.alterTable('centres', (t) => {
    t.text('phone');
    t.text('email');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('centres', (t) => {
    t.dropColumn('email');
    t.dropColumn('phone');
  });
  await knex.schema.alterTable('patients', (t) => {
    t.dropColumn('access_notes');
  });
}
