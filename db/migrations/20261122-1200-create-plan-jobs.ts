// Planning jobs: a request to plan one centre's day, run on a worker thread. Status, progress,
// the resulting plan and any error live here (not in memory) so any process can answer a GET.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('plan_jobs', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.date('date').notNullable();
    t.text('status').notNullable().defaultTo('queued');
    /** What was asked: patientIds, timeLimitSec, seed. */
    t.jsonb('request').notNullable();
    /** Latest progress: phase, fraction, bestSoft, bestHard, iteration. */
    t.jsonb('progress');
    t.uuid('plan_id').references('id').inTable('plans').onDelete('SET NULL');
    /** Why it failed: { code, message, details }. */
    t.jsonb('error');
    t.timestamp('started_at', { useTz: true });
    t.timestamp('finished_at', { useTz: true });
    t.timestamps(true, true);
    t.index(['centre_id', 'date']);
    t.check("status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')", [], 'plan_jobs_status_check');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('plan_jobs');
}
