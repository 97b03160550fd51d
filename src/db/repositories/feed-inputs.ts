// One cheap query, from the token in the URL, that names everything the feed's body is made of
// without reading any of it: the token's owner and centre, the published plan versions of the
// window (their ids: a version is never changed, a new one is a new row), when the centre, the
// owner and the records the events name last changed, and the feed's own published states.
// Same answer → same body, so a current copy is answered (304) and a rendered feed served from
// the cache before anything is built. The answer carries the centre's feed stamp (migration
// 20261207-1801) read in the same snapshot, and when the clock alone will change it: a process
// keeps the answer (feed-cache.ts) and, while the stamp is the same and that instant has not
// come, answers the next read of the token after one primary-key read of the stamp (or none while
// it hears the database's changes: feed-stamp-watch.ts).
import type { Knex } from 'knex';
import type { FeedKind } from '../../feeds/feed-types.ts';
import { runPrepared, type PreparedQuery } from '../prepared-query.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import type { FeedOwner } from './feed-events.ts';

/** Tables whose rows a feed's events and names are built from (names, references, addresses, drivers). */
const RECORD_TABLES = ['patients', 'staff_members', 'rooms', 'vehicles'] as const;

/** Whether the owner is still there (staff: still active), as its last change, else null. */
const OWNER_PRESENT = `CASE t.owner_kind
    WHEN 'staff' THEN (SELECT CASE WHEN active THEN updated_at::text END FROM staff_members o WHERE o.id = t.owner_id AND o.centre_id = t.centre_id)
    WHEN 'support-worker' THEN (SELECT CASE WHEN active THEN updated_at::text END FROM staff_members o WHERE o.id = t.owner_id AND o.centre_id = t.centre_id)
    WHEN 'room' THEN (SELECT updated_at::text FROM rooms o WHERE o.id = t.owner_id AND o.centre_id = t.centre_id)
    WHEN 'vehicle' THEN (SELECT updated_at::text FROM vehicles o WHERE o.id = t.owner_id AND o.centre_id = t.centre_id)
    WHEN 'patient' THEN (SELECT updated_at::text FROM patients o WHERE o.id = t.owner_id AND o.centre_id = t.centre_id)
  END`;

/**
 * The newest published version of each date and kind in the window, answered by the plans index
 * (centre_id, kind, status, date, version DESC). A staff or patient feed also reads the outreach
 * plans (the rounds a clinician is on, the visits a care-home resident receives); the others read
 * day plans only.
 */
/** The window's published plans a feed of this owner reads (t: the token, c: the centre with today). */
const WINDOW_PLANS = `p.centre_id = t.centre_id AND p.status = 'published' AND p.date >= c.today AND p.date < c.today + ?::int
      AND (p.kind = 'day' OR (p.kind = 'outreach' AND t.owner_kind IN ('staff', 'patient')))`;

const PLANS = `(SELECT coalesce(string_agg(date::text || '/' || kind || '/' || id::text, ',' ORDER BY date, kind), '') FROM (
    SELECT DISTINCT ON (date, kind) id, date, kind FROM plans p WHERE ${WINDOW_PLANS}
    ORDER BY date, kind, version DESC) newest)`;

const RECORDS = RECORD_TABLES.map((table) => `(SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM ${table} r WHERE r.centre_id = t.centre_id) AS "${table}"`);

/** Count, last write, and how many cancelled states are due to be dropped on the next render. */
const STATES = `(SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') || '/' || count(*) FILTER (WHERE status = 'CANCELLED' AND cancelled_at <= ?::timestamptz)
    FROM feed_events e WHERE e.centre_id = t.centre_id AND e.owner_kind = t.owner_kind AND e.owner_id = t.owner_id)`;

/** The first cancelled state still kept (it is dropped once its retention has passed), or null. */
const NEXT_DROP = `(SELECT (extract(epoch FROM min(cancelled_at)) * 1000)::float8 FROM feed_events e WHERE e.centre_id = t.centre_id AND e.owner_kind = t.owner_kind
    AND e.owner_id = t.owner_id AND e.status = 'CANCELLED' AND e.cancelled_at > ?::timestamptz)`;

const SQL = `WITH t AS (SELECT id, centre_id, owner_kind, owner_id FROM feed_tokens WHERE token_hash = ? AND revoked = false),
  c AS (SELECT centres.id, centres.updated_at, centres.full_patient_details_in_feeds, centres.time_zone, (?::timestamptz AT TIME ZONE centres.time_zone)::date AS today FROM centres JOIN t ON centres.id = t.centre_id)
SELECT t.id AS token_id, t.centre_id, t.owner_kind, t.owner_id, c.today::text AS today, c.updated_at::text AS centre,
  c.full_patient_details_in_feeds AS full_details, ${OWNER_PRESENT} AS owner, ${PLANS} AS plans,
  ${RECORDS.join(', ')}, ${STATES} AS states, ${NEXT_DROP} AS next_drop,
  (extract(epoch FROM (c.today + 1)::timestamp AT TIME ZONE c.time_zone) * 1000)::float8 AS next_midnight,
  (SELECT stamp::text FROM feed_stamps s WHERE s.centre_id = t.centre_id) AS stamp
FROM t JOIN c ON c.id = t.centre_id`;

/** Planned once per database session: planning its subqueries costs more than running them (prepared-query.ts). */
const QUERY: PreparedQuery = { name: 'feed_inputs_v4', sql: SQL, types: ['text', 'timestamptz', 'int', 'timestamptz', 'timestamptz'] };

/** The centre's feed stamp (migration 20261207-1801): one primary-key read. */
const STAMP: PreparedQuery = { name: 'feed_stamp_v1', sql: 'SELECT stamp::text AS stamp FROM feed_stamps WHERE centre_id = ?::uuid', types: ['uuid'] };

export interface FeedInputsQuery {
  tokenHash: string;
  /** The clock: today in the centre's time zone starts the window. */
  now: Date;
  /** Days in the window, today included. */
  days: number;
  /** Cancelled states from before this instant are dropped on the next render: their count is an input. */
  dropCancelledBefore: Date;
}

export interface FeedInputs {
  tokenId: string;
  owner: FeedOwner;
  /** Today in the centre's time zone (YYYY-MM-DD): the window's first day. */
  today: string;
  fullPatientDetails: boolean;
  /** False when the owner is gone or deactivated (the feed has ended). */
  ownerPresent: boolean;
  /** What the events are built from, as one string: plan versions, centre, owner, records. */
  sources: string;
  /** The feed's published states. */
  states: string;
  /** The dates of the plan versions read (for the audit log). */
  dates: string[];
  /**
   * The centre's feed stamp when these inputs were read (same snapshot), null before the first
   * write: while it is unchanged, so are the inputs, until `validUntil`.
   */
  stamp: string | null;
  /**
   * The instant (ms) from which the clock alone changes the inputs: the next midnight in the
   * centre's zone (a new window) or the end of the first kept cancelled state's retention.
   */
  validUntil: number;
}

type Row = Record<string, unknown>;

function inputsOf(row: Row, retentionMs: number): FeedInputs {
  const plans = typeof row.plans === 'string' && row.plans !== '' ? row.plans.split(',') : [];
  const owner: FeedOwner = { centreId: String(row.centre_id), ownerKind: row.owner_kind as FeedKind, ownerId: String(row.owner_id) };
  return {
    tokenId: String(row.token_id),
    owner,
    today: String(row.today),
    fullPatientDetails: row.full_details === true,
    ownerPresent: row.owner !== null && row.owner !== undefined,
    sources: [owner.centreId, owner.ownerKind, owner.ownerId, row.today, row.centre, row.owner, row.plans, ...RECORD_TABLES.map((t) => row[t])].join('|'),
    states: String(row.states),
    dates: [...new Set(plans.map((p) => p.slice(0, 10)))],
    stamp: row.stamp === null || row.stamp === undefined ? null : String(row.stamp),
    validUntil: Math.min(Number(row.next_midnight), row.next_drop === null || row.next_drop === undefined ? Infinity : Number(row.next_drop) + retentionMs),
  };
}

const valuesOf = (query: FeedInputsQuery) => [query.tokenHash, query.now.toISOString(), query.days, query.dropCancelledBefore.toISOString(), query.dropCancelledBefore.toISOString()];

export const feedInputs = {
  /** Undefined for an unknown or revoked token (or a centre that is gone). */
  of: (db: Knex, query: FeedInputsQuery) =>
    translatingDbErrors(async (): Promise<FeedInputs | undefined> => {
      const row = (await runPrepared(db, QUERY, valuesOf(query))).rows[0];
      return row ? inputsOf(row, query.now.getTime() - query.dropCancelledBefore.getTime()) : undefined;
    }),
  /** The centre's feed stamp now (null before the first write): one primary-key read. */
  stamp: (db: Knex, centreId: string) =>
    translatingDbErrors(async (): Promise<string | null> => {
      const row = (await runPrepared(db, STAMP, [centreId])).rows[0];
      return row ? String(row.stamp) : null;
    }),
};
