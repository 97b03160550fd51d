// Waiting for what a process hears of feed stamps (src/db/feed-stamp-watch.ts): on a PostgreSQL
// server the LISTEN connection opens on the first feed read, and notifications arrive after the
// commits they announce. Each wait polls with a deadline.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/create-database.ts';
import { FEED_STAMP_CHANNEL, feedStampWatch, type FeedStampWatch } from '../../src/db/feed-stamp-watch.ts';

/** Polls `probe` every few ms until it returns something other than undefined/false; throws after `timeoutMs`. */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The watch once this process hears the database's changes (on a server: LISTEN in place). */
export function listeningForFeedStamps(db: Db, timeoutMs?: number): Promise<FeedStampWatch> {
  return until(() => feedStampWatch(db), 'the feed stamp watch', timeoutMs);
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
  await until(() => watch.changesOf(marker) > watch.changesOf(control), 'the marker notification');
}
