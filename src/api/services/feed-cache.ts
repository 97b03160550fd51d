// Rendered feeds, kept by the ETag of what they were built from (feed-inputs.ts): a new
// published version, an edited record or a changed published state gives a new ETag, so an
// entry is never stale, only unused; the least recently used go first. lru-cache bounds it by
// the bodies' total size rather than a count our own code would have to keep right.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { FeedStampWatch } from '../../db/feed-stamp-watch.ts';

export interface CachedFeed {
  body: string;
  lastModified: string | null;
  /** Events in the body (for the audit log of a read served from here). */
  events: number;
}

/** Bumped when the rendering changes, so a new build never serves an old one's ETag. */
const FEED_FORMAT = 'feed-v2';
/** Bodies are a few kB to a few hundred kB: this keeps thousands of feeds in 64 MB. */
const MAX_CACHED_CHARS = 64 * 1024 * 1024;

const cache = new LRUCache<string, CachedFeed>({ maxSize: MAX_CACHED_CHARS, sizeCalculation: (feed) => Math.max(1, feed.body.length) });

/** The strong ETag (quoted) of a feed built from these inputs. */
export function feedInputsEtag(sources: string, states: string): string {
  return `"${createHash('sha256').update(`${FEED_FORMAT}\n${sources}\n${states}`).digest('hex').slice(0, 32)}"`;
}

/**
 * What this process last answered for a token (by its hash): the feed's ETag, the inputs' feed
 * stamp (feed-inputs.ts) and until when the clock leaves them as they are, and what a read's
 * audit entry names. While the centre's stamp is still `stamp` (one primary-key read, or none
 * while this process hears the database's changes: `changes`) and before `validUntil`, the next
 * read of the token is answered from here: a 304 if the subscriber holds `etag`, else the body
 * cached under it. Any committed change
 * to what the feed is built from (a publish, an edited record, a revoked token) changes the
 * stamp, in whichever process made it.
 */
export interface TokenAnswer {
  centreId: string;
  ownerKind: string;
  ownerId: string;
  tokenId: string;
  etag: string;
  stamp: string | null;
  /**
   * The centre's count of changes heard (feed-stamp-watch.ts) when the inputs were read, under the
   * watch of that time. While it is the same, so is the stamp, and no query is needed to know it.
   */
  changes?: { watch: FeedStampWatch; count: number };
  /** Epoch ms of the clock the inputs were read at: an earlier clock (tests, a clock set back) reads them again. */
  validFrom: number;
  /** Epoch ms from which the clock changes the inputs (a new day, a cancelled event's retention ending). */
  validUntil: number;
  fullPatientDetails: boolean;
  /** The dates of the plan versions read (for the audit entry). */
  dates: string[];
}

const answers = new LRUCache<string, TokenAnswer>({ max: 100_000 });

export const feedCache = {
  get: (etag: string) => cache.get(etag),
  set: (etag: string, feed: CachedFeed) => void cache.set(etag, feed),
  answered: (tokenHash: string, answer: TokenAnswer) => void answers.set(tokenHash, answer),
  lastAnswer: (tokenHash: string) => answers.get(tokenHash),
  forget: (tokenHash: string) => void answers.delete(tokenHash),
  clear: () => {
    cache.clear();
    answers.clear();
  },
};
