// Rendered feeds, kept by the ETag of what they were built from (feed-inputs.ts): a new
// published version, an edited record or a changed published state gives a new ETag, so an
// entry is never stale, only unused; the least recently used go first. lru-cache bounds it by
// the bodies' total size rather than a count our own code would have to keep right.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

export interface CachedFeed {
  body: string;
  lastModified: string | null;
  /** Events in the body (for the audit log of a read served from here). */
  events: number;
}

/** Bumped when the rendering changes, so a new build never serves an old one's ETag. */
export const FEED_FORMAT = 'feed-v2';
/** Bodies are a few kB to a few hundred kB: this keeps thousands of feeds in 64 MB. */
const MAX_CACHED_CHARS = 64 * 1024 * 1024;

const cache = new LRUCache<string, CachedFeed>({ maxSize: MAX_CACHED_CHARS, sizeCalculation: (feed) => Math.max(1, feed.body.length) });

/** The strong ETag (quoted) of a feed built from these inputs (feed-inputs.ts computes the same in SQL for a conditional read). */
export function feedInputsEtag(sources: string, states: string): string {
  return `"${createHash('sha256').update(`${FEED_FORMAT}\n${sources}\n${states}`).digest('hex').slice(0, 32)}"`;
}

/** The ETag this process last served for each token (by its hash): the copy a plain read checks first. */
const lastServedEtag = new LRUCache<string, string>({ max: 100_000 });

export const feedCache = {
  get: (etag: string) => cache.get(etag),
  set: (etag: string, feed: CachedFeed) => void cache.set(etag, feed),
  served: (tokenHash: string, etag: string) => void lastServedEtag.set(tokenHash, etag),
  lastServed: (tokenHash: string) => lastServedEtag.get(tokenHash),
  clear: () => {
    cache.clear();
    lastServedEtag.clear();
  },
};
