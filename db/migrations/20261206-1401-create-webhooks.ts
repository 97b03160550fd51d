// Webhooks: the endpoints a centre registers, and the deliveries queued for them. A delivery
// row is written in the same transaction as the change it reports (so nothing is lost or sent
// for a change that rolled back), then sent by a background loop, retried with backoff until
// the receiver answers 2xx; `seq` keeps each endpoint's deliveries in order.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('webhook_endpoints', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.text('url').notNullable();
    t.jsonb('events').notNullable();
    t.text('description');
    // The HMAC key must be readable to sign with; it is shown to the client only once.
    t.text('secret').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
    t.index(['centre_id']);
  });
  await knex.schema.createTable('webhook_deliveries', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.bigIncrements('seq', { primaryKey: false });
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.uuid('endpoint_id').notNullable().references('id').inTable('webhook_endpoints').onDelete('CASCADE');
    t.uuid('event_id').notNullable();
    t.text('event').notNullable();
    t.jsonb('payload').notNullable();
    t.text('status').notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('locked_until', { useTz: true });
    t.integer('last_status_code');
    t.text('last_error');
    t.timestamp('delivered_at', { useTz: true });
    t.timestamps(true, true);
    t.index(['endpoint_id', 'status', 'seq']);
    t.index(['status', 'next_attempt_at']);
    t.check("status IN ('pending', 'delivered')", [], 'webhook_deliveries_status_check');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('webhook_deliveries');
  await knex.schema.dropTableIfExists('webhook_endpoints');
}
