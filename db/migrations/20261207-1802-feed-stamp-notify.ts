// The feed stamp trigger (20261207-1801) also announces the change, NOTIFY icc_feed_stamp with
// the centre's id, in a session that asks for it (SET icc.feed_stamp_notify = 'on'). Embedded
// PGlite does: this process is its only client, so it hears every committed change to what a
// feed is built from as the commit returns, and answers a known token's read with no query at
// all (src/db/feed-stamp-watch.ts). A NOTIFY is delivered at commit only, so a rolled-back
// change is never heard. Sessions on a PostgreSQL server do not ask (several processes write
// there, and they read the stamp instead), so their commits take no notification queue lock.
import type { Knex } from 'knex';

const bump = (notify: boolean) => `CREATE OR REPLACE FUNCTION feed_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  centre uuid;
BEGIN
  IF TG_TABLE_NAME = 'centres' THEN
    centre := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
  ELSE
    centre := CASE WHEN TG_OP = 'DELETE' THEN OLD.centre_id ELSE NEW.centre_id END;
  END IF;
  INSERT INTO feed_stamps (centre_id, stamp) VALUES (centre, nextval('feed_stamp_seq'))
    ON CONFLICT (centre_id) DO UPDATE SET stamp = EXCLUDED.stamp;${notify ? `
  IF current_setting('icc.feed_stamp_notify', true) = 'on' THEN
    PERFORM pg_notify('icc_feed_stamp', centre::text);
  END IF;` : ''}
  RETURN NULL;
END $$`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(bump(true));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(bump(false));
}
