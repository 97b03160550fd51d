// Embedded PGlite has one client, this process, so every change to what a calendar feed is built
// from is committed here. The feed stamp trigger announces each committed change (NOTIFY
// icc_feed_stamp with the centre's id, migration 20261207-1802) to a session that asks for it,
// and the embedded database's only session asks when it is opened (createDatabase). Counting
// what is heard, per centre, tells this process without a query whether a centre's feeds may
// have changed since it last read them: a read of the stamp (one primary-key read, which on
// PGlite runs on this thread) is no longer needed to answer a known token's read (feed-service.ts).
//
// Why the count is never behind: PGlite hands the notification to the listener while it parses
// the COMMIT's answer (a microtask queued before the writer's await returns), so once a write has
// been answered every later read sees the new count. A rolled-back change is not announced (it
// changed nothing). On a PostgreSQL server (several processes may write) nothing is watched and
// feeds read the stamp.
import type { PGlite } from '@electric-sql/pglite';
import type { Knex } from 'knex';
import { embeddedPglite } from './create-database.ts';

export const FEED_STAMP_CHANNEL = 'icc_feed_stamp';

/** What this process has heard of an embedded database's changes. */
export interface FeedStampWatch {
  /** Announcements heard so far, all centres: unchanged across a query, no change was committed during it. */
  readonly heard: number;
  /** Announcements heard so far for this centre. */
  changesOf(centreId: string): number;
}

interface Listening {
  watch: FeedStampWatch;
  /** Whether the trigger announces changes to this session (checked once, on first use: migrations run after the database opens). */
  announces: Promise<boolean> | boolean | undefined;
}

const listening = new WeakMap<PGlite, Listening>();

/**
 * Asks the embedded database's session for the announcements and starts counting them. Called by
 * createDatabase before anything else uses the database: a LISTEN issued inside someone's
 * transaction would be undone by its rollback.
 */
export async function listenForFeedStamps(pglite: PGlite): Promise<void> {
  const changes = new Map<string, number>();
  let heard = 0;
  await pglite.exec("SET icc.feed_stamp_notify = 'on'");
  await pglite.listen(FEED_STAMP_CHANNEL, (centreId: string) => {
    heard++;
    changes.set(centreId, (changes.get(centreId) ?? 0) + 1);
  });
  listening.set(pglite, {
    watch: {
      get heard() {
        return heard;
      },
      changesOf: (centreId) => changes.get(centreId) ?? 0,
    },
    announces: undefined,
  });
}

/** The trigger function in this schema sends the announcement, and the session asked for it. */
const ANNOUNCES = `SELECT coalesce((SELECT prosrc LIKE '%${FEED_STAMP_CHANNEL}%' FROM pg_proc WHERE oid = to_regproc('feed_stamp_bump')), false)
  AND coalesce(current_setting('icc.feed_stamp_notify', true), '') = 'on' AS announces`;

/**
 * The watch of this database's changes, or undefined: a PostgreSQL server, or an embedded
 * database whose trigger does not announce (yet: before migration 20261207-1802, checked again
 * on the next call). Not to be called inside a transaction on PGlite before the first feed read
 * has armed it (it may run one catalogue query on `db`).
 */
export async function feedStampWatch(db: Knex): Promise<FeedStampWatch | undefined> {
  const pglite = embeddedPglite(db);
  const entry = pglite && listening.get(pglite);
  if (!entry) return undefined;
  if (entry.announces === true) return entry.watch;
  entry.announces ??= db.raw(ANNOUNCES).then(
    (result: { rows: Array<{ announces: boolean }> }) => result.rows[0]?.announces === true,
    () => false,
  );
  const announces = await entry.announces;
  // Remembered once true; a schema not yet migrated is asked again next time.
  entry.announces = announces || undefined;
  return announces ? entry.watch : undefined;
}
