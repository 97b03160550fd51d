// The feed stamp trigger announces every change, whoever writes it: NOTIFY icc_feed_stamp with the
// centre's id, from every session (20261207-1802 announced only from sessions that asked, SET
// icc.feed_stamp_notify = 'on'). Each service process on a PostgreSQL server now listens, and
// answers a known token's unchanged feed from what it has heard (src/db/feed-stamp-watch.ts); a
// writer that did not ask — psql, a script, another tool — would change feeds without a word, and
// those processes would answer from the old copy until midnight. The cost on a server: a committing
// transaction that announced holds the notification queue's lock through its commit, so writers of
// feed data commit one at a time (their rate here is people editing plans and records). A NOTIFY is
// delivered at commit only, so a rolled-back change is never heard.
import type { Knex } from 'knex';

const bump = (announce: 'always' | 'when asked') => `CREATE OR REPLACE FUNCTION feed_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  centre uuid;
BEGIN
  IF TG_TABLE_NAME = 'centres' THEN
    centre := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
  ELSE
    centre := CASE WHEN TG_OP = 'DELETE' THEN OLD.centre_id ELSE NEW.centre_id END;
  END IF;
  INSERT INTO feed_stamps (centre_id, stamp) VALUES (centre, nextval('feed_stamp_seq'))
    ON CONFLICT (centre_id) DO UPDATE SET stamp = EXCLUDED.stamp;${announce === 'always' ? `
  PERFORM pg_notify('icc_feed_stamp', centre::text);` : `
  IF current_setting('icc.feed_stamp_notify', true) = 'on' THEN
    PERFORM pg_notify('icc_feed_stamp', centre::text);
  END IF;`}
  RETURN NULL;
END $$`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(bump('always'));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(bump('when asked'));
}
