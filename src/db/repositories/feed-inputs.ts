// One cheap query, from the token in the URL, that names everything the feed's body is made of
// without reading any of it: the token's owner and centre, the published plan versions of the
// window (their ids: a version is never changed, a new one is a new row), when the centre, the
// owner and the records the events name last changed, and the feed's own published states.
// Same answer → same body, so a current copy is answered (304) and a rendered feed served from
// the cache before anything is built: one round trip (plus the audit entry) per read, and for a
// current copy (If-None-Match) one statement that also stores the read's audit entry.
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

/** The dates of those plans, for the audit entry (the same dates as those of PLANS' versions). */
const DATES = `(SELECT coalesce(jsonb_agg(DISTINCT p.date::text ORDER BY p.date::text), '[]'::jsonb) FROM plans p WHERE ${WINDOW_PLANS})`;

const RECORDS = RECORD_TABLES.map((table) => `(SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM ${table} r WHERE r.centre_id = t.centre_id) AS "${table}"`);

/** Count, last write, and how many cancelled states are due to be dropped on the next render. */
const STATES = `(SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') || '/' || count(*) FILTER (WHERE status = 'CANCELLED' AND cancelled_at <= ?::timestamptz)
    FROM feed_events e WHERE e.centre_id = t.centre_id AND e.owner_kind = t.owner_kind AND e.owner_id = t.owner_id)`;

const SQL = `WITH t AS (SELECT id, centre_id, owner_kind, owner_id FROM feed_tokens WHERE token_hash = ? AND revoked = false),
  c AS (SELECT centres.id, centres.updated_at, centres.full_patient_details_in_feeds, (?::timestamptz AT TIME ZONE centres.time_zone)::date AS today FROM centres JOIN t ON centres.id = t.centre_id)
SELECT t.id AS token_id, t.centre_id, t.owner_kind, t.owner_id, c.today::text AS today, c.updated_at::text AS centre,
  c.full_patient_details_in_feeds AS full_details, ${OWNER_PRESENT} AS owner, ${PLANS} AS plans, ${DATES} AS dates,
  ${RECORDS.join(', ')}, ${STATES} AS states
FROM t JOIN c ON c.id = t.centre_id`;

/** `sources` as one string, the same as FeedInputs.sources (an absent owner as ''). */
const SOURCES = `concat_ws('|', i.centre_id::text, i.owner_kind, i.owner_id::text, i.today, i.centre, coalesce(i.owner, ''), i.plans, ${RECORD_TABLES.map((t) => `i."${t}"`).join(', ')})`;

/**
 * A read of a copy we expect to be current, in one statement: the inputs as above, the ETag from
 * them (as feedInputsEtag computes it: the first 32 hex digits of sha256(format, sources,
 * states)), and, when it is the expected one, the read's audit entry inserted in the same
 * statement, so a 304 (the subscriber's copy) or a 200 from the cache (the copy this process
 * served last) costs one round trip and one commit. A support worker's feed is never answered this way (it
 * is not keyed by its inputs), nor one whose owner has gone (a 404).
 */
const CONDITIONAL_SQL = `WITH i AS (${SQL}),
  s AS (SELECT i.*, left(encode(sha256(convert_to(?::text || chr(10) || ${SOURCES} || chr(10) || i.states, 'UTF8')), 'hex'), 32) AS etag_hex FROM i),
  a AS (INSERT INTO audit_log (actor, action, entity, entity_id, details)
    SELECT s.owner_kind || ':' || s.owner_id, 'read', 'feed', s.token_id::text,
      jsonb_build_object('via', 'feed-token', 'dates', s.dates, 'fullPatientDetails', s.full_details)
        || CASE WHEN ?::boolean THEN jsonb_build_object('notModified', true) ELSE '{}'::jsonb END
        || CASE WHEN ?::int >= 0 THEN jsonb_build_object('events', ?::int) ELSE '{}'::jsonb END
    FROM s WHERE s.owner IS NOT NULL AND s.owner_kind <> 'support-worker' AND s.etag_hex = ?::text
    RETURNING 1)
SELECT s.*, EXISTS (SELECT 1 FROM a) AS audited FROM s`;

/** Planned once per database session: planning its subqueries costs more than running them (prepared-query.ts). */
const QUERY: PreparedQuery = { name: 'feed_inputs_v2', sql: SQL, types: ['text', 'timestamptz', 'int', 'int', 'timestamptz'] };
const CONDITIONAL: PreparedQuery = { name: 'feed_inputs_expected_v1', sql: CONDITIONAL_SQL, types: [...QUERY.types, 'text', 'boolean', 'int', 'int', 'text'] };

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
}

/** The copy a read expects to be current, and what its audit entry says. */
export interface ExpectedCopy {
  /** The ETag's 32 hex digits (without quotes). */
  etagHex: string;
  /** The ETag's format (feed-cache.ts), hashed with the inputs. */
  format: string;
  /** True: answered by a 304 (the entry says notModified); false: the cached body is sent. */
  notModified: boolean;
  /** Events in that copy, when this process has it cached (for the audit entry). */
  events?: number;
}

type Row = Record<string, unknown>;

function inputsOf(row: Row): FeedInputs {
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
  };
}

const valuesOf = (query: FeedInputsQuery) => [query.tokenHash, query.now.toISOString(), query.days, query.days, query.dropCancelledBefore.toISOString()];

export const feedInputs = {
  /** Undefined for an unknown or revoked token (or a centre that is gone). */
  of: (db: Knex, query: FeedInputsQuery) =>
    translatingDbErrors(async (): Promise<FeedInputs | undefined> => {
      const row = (await runPrepared(db, QUERY, valuesOf(query))).rows[0];
      return row ? inputsOf(row) : undefined;
    }),
  /**
   * The same inputs, and whether the expected copy is current: its ETag is the feed's, and the
   * read's audit entry is stored. When not, nothing is written.
   */
  expecting: (db: Knex, query: FeedInputsQuery, copy: ExpectedCopy) =>
    translatingDbErrors(async (): Promise<{ inputs: FeedInputs; current: boolean } | undefined> => {
      const events = copy.events ?? -1;
      const row = (await runPrepared(db, CONDITIONAL, [...valuesOf(query), copy.format, String(copy.notModified), events, events, copy.etagHex])).rows[0];
      return row ? { inputs: inputsOf(row), current: row.audited === true } : undefined;
    }),
};
