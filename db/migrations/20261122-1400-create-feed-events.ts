// What each iCal feed last published, per event: content hash, SEQUENCE, status and when it
// was cancelled, so SEQUENCE rises only on a change and a removed event stays CANCELLED for
// 14 days (SPEC §4). Keyed by the feed's owner, not the token, so reissuing a token keeps them.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('feed_events', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('centre_id').notNullable().references('id').inTable('centres').onDelete('CASCADE');
    t.text('owner_kind').notNullable();
    t.uuid('owner_id').notNullable();
    t.text('uid').notNullable();
    t.text('content_hash').notNullable();
    t.integer('sequence').notNullable();
    t.text('status').notNullable();
    t.timestamp('cancelled_at', { useTz: true });
    /** When SEQUENCE or STATUS last changed: the event's LAST-MODIFIED. */
    t.timestamp('changed_at', { useTz: true }).notNullable();
    /** The last content published, so a cancelled event can still be rendered. */
    t.jsonb('event').notNullable();
    t.timestamps(true, true);
    t.unique(['centre_id', 'owner_kind', 'owner_id', 'uid'], { indexName: 'feed_events_owner_uid_unique' });
    t.check("status IN ('CONFIRMED', 'CANCELLED') AND sequence >= 0", [], 'feed_events_check');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('feed_events');
}
