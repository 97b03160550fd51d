// The best plan a running planning job has found so far (issue 5: "GET the job for … the plan
// so far"), written by the job's runner about once a second while it improves, so any
// process can show it. Cleared when the job finishes (the final plan is in plans).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('plan_jobs', (t) => {
    /** A DayPlan: free of hard violations, its unplaced assessments not yet explained or repaired. */
    t.jsonb('provisional_plan');
    t.timestamp('provisional_plan_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('plan_jobs', (t) => {
    t.dropColumn('provisional_plan_at');
    t.dropColumn('provisional_plan');
  });
}
