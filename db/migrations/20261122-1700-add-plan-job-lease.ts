// Several service processes may share one database: a running planning job belongs to the
// runner that claimed it (owner_id) for as long as that runner renews its lease
// (lease_expires_at, in database time so the processes' clocks need not agree). Only a job
// whose lease has expired — its process stopped — is failed as interrupted.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('plan_jobs', (t) => {
    t.text('owner_id');
    t.timestamp('lease_expires_at', { useTz: true });
    // Claiming takes the oldest queued job; sweeping looks at running ones.
    t.index(['status', 'created_at'], 'plan_jobs_status_created_at_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('plan_jobs', (t) => {
    t.dropIndex(['status', 'created_at'], 'plan_jobs_status_created_at_index');
    t.dropColumn('lease_expires_at');
    t.dropColumn('owner_id');
  });
}
