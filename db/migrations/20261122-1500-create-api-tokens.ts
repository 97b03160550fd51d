// API tokens with roles (issue 5): only the SHA-256 of each secret is stored, so a database
// leak gives no access. Coordinator and transport tokens belong to one centre; a clinician's
// token also names the staff member whose timetable it may read.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('api_tokens', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('name').notNullable();
    t.text('role').notNullable();
    t.uuid('centre_id').references('id').inTable('centres').onDelete('CASCADE');
    t.uuid('staff_id').references('id').inTable('staff_members').onDelete('CASCADE');
    t.text('token_hash').notNullable().unique();
    t.text('created_by').notNullable();
    t.timestamp('revoked_at', { useTz: true });
    t.timestamps(true, true);
    t.index(['role']);
    t.check(
      "role IN ('admin', 'coordinator', 'clinician', 'transport')"
        + " AND (role = 'admin' OR centre_id IS NOT NULL)"
        + " AND ((role = 'clinician') = (staff_id IS NOT NULL))",
      [],
      'api_tokens_role_scope_check',
    );
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('api_tokens');
}
