// Waiting for what a process hears of feed stamps (src/db/feed-stamp-watch.ts): on a PostgreSQL
// server the LISTEN connection opens on the first feed read, and notifications arrive after the
// commits they announce. Each wait polls with a deadline (vi.waitUntil).
import { randomUUID } from 'node:crypto';
import { vi } from 'vitest';
import type { Db } from '../../src/db/create-database.ts';
import { FEED_STAMP_CHANNEL, feedStampWatch, type FeedStampWatch } from '../../src/db/feed-stamp-watch.ts';

/** The watch once this process hears the database's changes (on a server: LISTEN in place). */
export function listeningForFeedStamps(db: Db, timeout = 10_000): Promise<FeedStampWatch> {
  return vi.waitUntil(() => feedStampWatch(db), { timeout, interval: 5 });
}

/**
 * Waits until every change committed so far has been heard: notifications arrive in commit order,
 * so once a marker announced now has arrived, so have they. (On PGlite at once.)
 */
export async function heardEverything(db: Db): Promise<void> {
  const watch = await listeningForFeedStamps(db);
  const marker = randomUUID();
  // Never announced: counts only this process's own writes, which every centre's count includes.
  const control = randomUUID();
  await db.raw('SELECT pg_notify(?, ?)', [FEED_STAMP_CHANNEL, marker]);
  await vi.waitUntil(() => watch.changesOf(marker) > watch.changesOf(control), { timeout: 10_000, interval: 5 });
}
