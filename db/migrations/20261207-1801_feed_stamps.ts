// A version stamp per centre for everything a calendar feed is built from, so a process can
// tell in one primary-key read whether a feed it answered before may have changed (issue 18:
// a 304 from memory, checked by one single-row read). Every committed write to the tables a
// feed's ETag covers (the centre, its plans, staff, rooms, vehicles, patients, feed tokens and
// published feed states) sets the centre's stamp to a new value of a sequence, in the writing
// transaction, so the stamp and the change become visible together. The triggers are deferred
// to commit: the stamp row is locked only while the transaction commits, after every other lock
// it takes, so writers of one centre hold each other up for no longer than a commit (two
// transactions could deadlock on stamps only by each writing to the same two centres, in opposite
// orders). Values come from a sequence, never reused, so a rolled-back transaction's stamp is
// never seen again.
import type { Knex } from 'knex';

/** Tables with a centre_id whose rows a feed is built from (feed-inputs.ts). */
const CENTRE_TABLES = ['plans', 'patients', 'staff_members', 'rooms', 'vehicles', 'feed_tokens', 'feed_events'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE SEQUENCE feed_stamp_seq');
  await knex.raw('CREATE TABLE feed_stamps (centre_id uuid PRIMARY KEY, stamp bigint NOT NULL)');
  await knex.raw(`CREATE FUNCTION feed_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  centre uuid;
BEGIN
  IF TG_TABLE_NAME = 'centres' THEN
    centre := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
  ELSE
    centre := CASE WHEN TG_OP = 'DELETE' THEN OLD.centre_id ELSE NEW.centre_id END;
  END IF;
  INSERT INTO feed_stamps (centre_id, stamp) VALUES (centre, nextval('feed_stamp_seq'))
    ON CONFLICT (centre_id) DO UPDATE SET stamp = EXCLUDED.stamp;
  RETURN NULL;
END $$`);
  for (const table of ['centres', ...CENTRE_TABLES]) {
    await knex.raw(`CREATE CONSTRAINT TRIGGER ${table}_feed_stamp AFTER INSERT OR UPDATE OR DELETE ON ${table}
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION feed_stamp_bump()`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['centres', ...CENTRE_TABLES]) await knex.raw(`DROP TRIGGER IF EXISTS ${table}_feed_stamp ON ${table}`);
  await knex.raw('DROP FUNCTION IF EXISTS feed_stamp_bump()');
  await knex.raw('DROP TABLE IF EXISTS feed_stamps');
  await knex.raw('DROP SEQUENCE IF EXISTS feed_stamp_seq');
}
