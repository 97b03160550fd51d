// A planning job whose process died is resumed, not failed: `resumes` counts how often another
// runner took it over (the status says so), `resumed_at` when it last happened. Feeds and
// lists read the newest published plan of a few dates: an index by centre, kind, status and
// date (version descending) answers that without reading every version of every date.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('plan_jobs', (t) => {
    t.integer('resumes').notNullable().defaultTo(0);
    t.timestamp('resumed_at', { useTz: true });
  });
  await knex.raw('CREATE INDEX plans_centre_kind_status_date_version_index ON plans (centre_id, kind, status, date, version DESC)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS plans_centre_kind_status_date_version_index');
  await knex.schema.alterTable('plan_jobs', (t) => {
    t.dropColumn('resumed_at');
    t.dropColumn('resumes');
  });
}
