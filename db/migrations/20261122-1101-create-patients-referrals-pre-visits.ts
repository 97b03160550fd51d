// Patients, their referrals with status history, and the pre-visit outcome per referral.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('patients', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.string('nhs_number', 10).notNullable();
    t.text('given_name').notNullable();
    t.text('family_name').notNullable();
    t.date('date_of_birth');
    t.jsonb('address_lines').notNullable();
    t.text('postcode').notNullable();
    t.double('lat');
    t.double('lon');
    t.text('phone');
    t.text('mobility').notNullable();
    t.jsonb('carer');
    t.text('efi_category').notNullable();
    t.text('gp_practice').notNullable();
    t.boolean('care_home_resident').notNullable().defaultTo(false);
    t.jsonb('dietary_needs').notNullable();
    t.jsonb('unavailable_dates').notNullable();
    t.text('local_ref').notNullable();
    t.timestamps(true, true);
    t.unique(['centre_id', 'nhs_number'], { indexName: 'patients_centre_nhs_number_unique' });
    t.unique(['centre_id', 'local_ref'], { indexName: 'patients_centre_local_ref_unique' });
    t.check("nhs_number ~ '^[0-9]{10}$'", [], 'patients_nhs_number_digits');
    t.check("mobility IN ('walks', 'walking-aid', 'wheelchair') AND efi_category IN ('fit', 'mild', 'moderate', 'severe')", [], 'patients_enums_check');
  });

  await knex.schema.createTable('referrals', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    // RESTRICT: a patient with referrals is not deleted silently.
    t.uuid('patient_id').notNullable().references('id').inTable('patients').onDelete('RESTRICT');
    t.jsonb('referrer').notNullable();
    t.date('referred_date').notNullable();
    t.boolean('urgent').notNullable().defaultTo(false);
    t.text('status').notNullable();
    t.text('notes');
    t.timestamps(true, true);
    t.index(['centre_id', 'status']);
  });

  await knex.schema.createTable('referral_status_history', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('referral_id').notNullable().references('id').inTable('referrals').onDelete('CASCADE');
    t.text('status').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('by');
    t.text('note');
    t.index(['referral_id', 'at']);
  });

  await knex.schema.createTable('pre_visits', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('referral_id').notNullable().unique().references('id').inTable('referrals').onDelete('CASCADE');
    t.date('visit_date');
    t.uuid('support_worker_id').references('id').inTable('staff_members').onDelete('SET NULL');
    t.jsonb('required_assessment_type_ids').notNullable();
    t.jsonb('named_clinicians').notNullable();
    t.jsonb('carer_required_for').notNullable();
    t.boolean('consent_record_access').notNullable();
    t.boolean('consent_speak_to_carers').notNullable();
    t.boolean('carer_attending').notNullable();
    t.text('mobility').notNullable();
    t.jsonb('dietary_needs').notNullable();
    t.boolean('transport_needed').notNullable();
    t.text('what_matters');
    t.timestamps(true, true);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['pre_visits', 'referral_status_history', 'referrals', 'patients']) {
    await knex.schema.dropTableIfExists(table);
  }
}
