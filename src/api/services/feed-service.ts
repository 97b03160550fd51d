// GET /feeds/:token.ics: the token is the credential. Finds the owner, builds the events from
// the newest published plan of each day in the feed's window, reconciles them with what the
// feed published last time (feed_events), renders, and logs the read in the audit log.
import type { Knex } from 'knex';
import type { DayPlan, DayProblem, OutreachPlan, OutreachProblem } from '../../../solver/index.ts';
import { planRoundsInWorker } from '../../solving/workers/plan-rounds-in-worker.ts';
import { auditLog } from '../../db/repositories/audit-log.ts';
import { centres } from '../../db/repositories/centres.ts';
import { feedEvents, type FeedOwner } from '../../db/repositories/feed-events.ts';
import { patients } from '../../db/repositories/patients.ts';
import { plans } from '../../db/repositories/plans.ts';
import { rooms } from '../../db/repositories/rooms.ts';
import { staffMembers } from '../../db/repositories/staff-members.ts';
import { vehicles } from '../../db/repositories/vehicles.ts';
import type { Centre } from '../../domain/centre.ts';
import { centreAddress } from '../../domain/centre-address.ts';
import type { Plan } from '../../domain/plan.ts';
import { appError } from '../../errors/app-error.ts';
import {
  DEFAULT_ORGANIZER, feedCalendarDescription, feedCalendarName, feedPatientFromRecord, feedPatientsFromDayProblem, outreachPatientFeedEvents, outreachStaffFeedEvents, patientFeedEvents, publishFeed, roomFeedEvents,
  staffFeedEvents, vehicleDaysFromTransport, vehicleFeedEvents, type FeedCentre, type FeedDay, type FeedEvent, type FeedKind, type FeedPatient,
  type FeedOrganizer,
} from '../../feeds/index.ts';
import { isAppError } from '../../errors/app-error.ts';
import { roundsFromPlan, supportWorkerFeedEvents } from '../../feeds/index.ts';
import { hashFeedToken } from './feed-token-service.ts';
import { feedCache, feedInputsEtag, type CachedFeed, type TokenAnswer } from './feed-cache.ts';
import { feedStampWatch, type FeedStampWatch } from '../../db/feed-stamp-watch.ts';
import { feedInputs, type FeedInputs } from '../../db/repositories/feed-inputs.ts';
import { CANCELLED_RETENTION_DAYS } from '../../feeds/reconcile-feed-events.ts';
import { buildPreVisitRoundsProblem, preVisitRoundsDefaults, preVisitRoundsWeights } from './pre-visit-rounds-service.ts';
import { transportService } from './transport-service.ts';

/** Days ahead a feed shows (today included): the "next 14 days". */
export const FEED_DAYS_AHEAD = 14;
/** Published states of days older than this are forgotten (calendars keep their own copy). */
export const FEED_HISTORY_DAYS = 28;
/** Rounds in a feed are planned with fixed iterations, so the same bookings give the same times. */
const FEED_ROUNDS_ITERATIONS = 300;

const MS_PER_DAY = 86_400_000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,200}$/;

/** YYYY-MM-DD plus n days (calendar arithmetic on the date alone, no zone involved). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function feedCentreOf(centre: Centre): FeedCentre {
  const address = centreAddress(centre);
  return { id: centre.id, name: centre.name, timeZone: centre.timeZone, fullPatientDetailsInFeeds: centre.fullPatientDetailsInFeeds, ...(address ? { address } : {}) };
}

/** The centre organises every event of its feeds (ORGANIZER, needed by METHOD:PUBLISH). */
function feedOrganizerOf(centre: Centre): FeedOrganizer {
  return { name: centre.name, email: centre.email ?? DEFAULT_ORGANIZER.email };
}

/**
 * The published plans a feed is built from, for dates in [from, to]: the newest published ICC
 * day plan of each date and, for a staff member's or a patient's feed, the newest published
 * outreach plan of each date (the care-home visits they make or receive). The feed's ETag and
 * cache key (feed-inputs.ts) name the same versions by id: a new outreach version changes a
 * clinician's or a resident's feed as much as a new ICC day version does.
 */
export async function feedSourcePlans(db: Knex, centreId: string, ownerKind: FeedKind, from: string, to: string): Promise<{ days: Plan[]; outreach: Plan[] }> {
  const days = await plans.latestPublishedBetween(db, centreId, from, to);
  const outreach = OUTREACH_FEED_KINDS.has(ownerKind) ? await plans.latestPublishedBetween(db, centreId, from, to, 'outreach') : [];
  return { days, outreach };
}

/** The feeds that carry outreach visits: the clinician's who makes them, the resident's who receives them. */
const OUTREACH_FEED_KINDS: ReadonlySet<FeedKind> = new Set(['staff', 'patient']);

/** Stored patients as the feeds see them; a plan's patients with no record fall back to initials and reference. */
function feedPatientsFor(records: FeedPatient[], inPlan: FeedPatient[]): FeedPatient[] {
  const known = new Set(records.map((p) => p.id));
  return [...records, ...inPlan.filter((p) => !known.has(p.id))];
}

/** A staff member's or a resident's events for one published outreach day (residents without a record by initials and reference). */
function outreachEventsOf(owner: FeedOwner, centre: FeedCentre, stored: Plan, records: FeedPatient[]): FeedEvent[] {
  const { problem, plan } = stored.document as unknown as { problem: OutreachProblem; plan: OutreachPlan };
  const residents = feedPatientsFor(records, problem.residents.map((r) => ({ id: r.id, initials: r.initials, ref: r.ref })));
  const outreach = { problem, plan };
  if (owner.ownerKind === 'patient') return outreachPatientFeedEvents({ outreach, centre, patients: residents, patientId: owner.ownerId });
  return outreachStaffFeedEvents({ outreach, centre, patients: residents, staffId: owner.ownerId });
}

/**
 * The owner's name, or undefined when the feed has no owner any more: a staff member who was
 * deactivated (left, or off the rota for good), or a record that was deleted. Their feed ends.
 */
async function currentOwnerName(db: Knex, owner: FeedOwner, patientsById: Map<string, FeedPatient>): Promise<string | FeedPatient | undefined> {
  switch (owner.ownerKind) {
    case 'staff':
    case 'support-worker': {
      const member = await staffMembers.findById(db, owner.centreId, owner.ownerId);
      return member?.active ? member.name : undefined;
    }
    case 'room':
      return (await rooms.findById(db, owner.centreId, owner.ownerId))?.name;
    case 'vehicle':
      return (await vehicles.findById(db, owner.centreId, owner.ownerId))?.name;
    case 'patient':
      return patientsById.get(owner.ownerId);
  }
}

/** The owner's events for one published day. */
async function eventsOfDay(db: Knex, owner: FeedOwner, centre: FeedCentre, stored: Plan, records: FeedPatient[]): Promise<FeedEvent[]> {
  const { problem, plan } = stored.document as unknown as { problem: DayProblem; plan: DayPlan };
  const day: FeedDay = { problem, plan, ...(problem.centre.mdt.roomId === undefined ? {} : { mdtRoomId: problem.centre.mdt.roomId }) };
  const dayPatients = feedPatientsFor(records, feedPatientsFromDayProblem(problem));
  switch (owner.ownerKind) {
    case 'staff':
      return staffFeedEvents({ day, centre, patients: dayPatients, staffId: owner.ownerId });
    case 'room':
      return roomFeedEvents({ day, centre, patients: dayPatients, roomId: owner.ownerId });
    case 'patient': {
      const transport = await transportStopsOf(db, centre.id, stored.date, owner.ownerId);
      return patientFeedEvents({ day, centre, patients: dayPatients, patientId: owner.ownerId, transport });
    }
    case 'vehicle': {
      const transport = await transportService.forDay(db, centre.id, stored.date);
      const vehicleDay = vehicleDaysFromTransport(transport.plan, transport.problem).find((v) => v.vehicleId === owner.ownerId);
      return vehicleDay ? vehicleFeedEvents({ vehicleDay, centre, patients: dayPatients }) : [];
    }
    case 'support-worker':
      // Served from the pre-visit bookings instead (supportWorkerEvents).
      return [];
  }
}

/** The patient's pickup and drop-off, if transport can be planned for the day (else none). */
async function transportStopsOf(db: Knex, centreId: string, date: string, patientId: string) {
  try {
    const transport = await transportService.forDay(db, centreId, date);
    return vehicleDaysFromTransport(transport.plan, transport.problem).flatMap((v) => v.stops).filter((s) => s.patientId === patientId);
  } catch (error) {
    // E.g. the centre has no coordinates: the itinerary is still worth serving without rides.
    if (isAppError(error)) return [];
    throw error;
  }
}

/**
 * A support worker's pre-visit rounds for each day of the window that has booked pre-visits
 * and puts them on shift. Returns the dates it built (only those are reconciled).
 */
async function supportWorkerEvents(db: Knex, owner: FeedOwner, centre: FeedCentre, dates: readonly string[], records: FeedPatient[]) {
  const events: FeedEvent[] = [];
  const built: string[] = [];
  for (const date of dates) {
    const { problem } = await buildPreVisitRoundsProblem(db, centre.id, date, preVisitRoundsDefaults);
    built.push(date);
    if (problem.visits.length === 0 || !problem.workers.some((w) => w.id === owner.ownerId)) continue;
    const plan = await planRoundsInWorker(problem, { ...preVisitRoundsWeights, seed: preVisitRoundsDefaults.seed, maxIterations: FEED_ROUNDS_ITERATIONS });
    const round = roundsFromPlan(plan, problem).find((r) => r.supportWorkerId === owner.ownerId);
    if (round) events.push(...supportWorkerFeedEvents({ round, centre, patients: records }));
  }
  return { events, built };
}

/** The subscriber's copy, as its conditional headers describe it: is it this one? */
export type IsCurrent = (etag: string, lastModified: string | null) => boolean;

/** What a read answers: the body, or nothing when the subscriber's copy is current (a 304). */
export interface FeedResponse {
  kind: FeedKind;
  ownerId: string;
  etag: string;
  lastModified: string | null;
  /** Undefined: not modified. */
  body?: string;
}

interface FeedContext {
  owner: FeedOwner;
  centreRecord: Centre;
  centre: FeedCentre;
  now: Date;
  today: string;
  windowDates: string[];
}

/** Builds and renders the feed (reconciled with, and storing, what it published last time). */
async function renderFeed(db: Knex, ctx: FeedContext) {
  const { owner, centre, centreRecord, now, today, windowDates } = ctx;
  const records = (await patients.list(db, centre.id)).map(feedPatientFromRecord);
  // The same 404 as an unknown token: a feed whose owner is deactivated or gone has ended.
  const name = await currentOwnerName(db, owner, new Map(records.map((p) => [p.id, p])));
  if (name === undefined) throw appError.notFound('feed', 'for this address');
  let events: FeedEvent[];
  let servedDates: string[];
  if (owner.ownerKind === 'support-worker') {
    // Pre-visits are not part of a day plan: their rounds are planned from the bookings.
    const rounds = await supportWorkerEvents(db, owner, centre, windowDates, records);
    events = rounds.events;
    servedDates = [...new Set(events.map((e) => e.date))].sort();
  } else {
    const sources = await feedSourcePlans(db, centre.id, owner.ownerKind, today, windowDates[windowDates.length - 1]!);
    events = [];
    for (const day of sources.days) events.push(...(await eventsOfDay(db, owner, centre, day, records)));
    for (const day of sources.outreach) events.push(...outreachEventsOf(owner, centre, day, records));
    servedDates = [...new Set([...sources.days, ...sources.outreach].map((d) => d.date))].sort();
  }
  const forgetBefore = addDays(today, -FEED_HISTORY_DAYS);
  const previous = (await feedEvents.statesOf(db, owner)).filter((s) => s.event.date >= forgetBefore);
  const feed = publishFeed({
    calendarName: feedCalendarName(centre, owner.ownerKind, name), calendarDescription: feedCalendarDescription(centre, owner.ownerKind, name),
    organizer: feedOrganizerOf(centreRecord), previous, events, now, rebuiltDates: windowDates,
  });
  const wrote = feed.changed || previous.length !== feed.states.length;
  if (wrote) await feedEvents.replaceStates(db, owner, feed.states);
  return { feed, servedDates, wrote };
}

interface AuditContext {
  tokenId: string;
  owner: FeedOwner;
  fullPatientDetails: boolean;
}

/**
 * Information governance: every read of patient data through a feed is on record (a 304 too).
 * The entry is recorded before the answer is sent and stored within milliseconds, with the other
 * reads of those milliseconds, in one insert (auditLog.record: the durability trade-off is there).
 */
function auditRead(db: Knex, ctx: AuditContext, details: { dates: string[]; events?: number; notModified?: boolean }): void {
  auditLog.record(db, {
    actor: `${ctx.owner.ownerKind}:${ctx.owner.ownerId}`, action: 'read', entity: 'feed', entityId: ctx.tokenId,
    details: { via: 'feed-token', ...details, fullPatientDetails: ctx.fullPatientDetails },
  });
}

/**
 * Whether nothing a feed is built from has changed in the centre since `known` was read: by the
 * changes this process heard (feed-stamp-watch.ts: no query) if the answer was remembered under
 * the current watch, else by the feed stamp (one primary-key read), which moves with a change made
 * by any process. An answer the stamp finds unchanged while a watch is live, with no change of the
 * centre heard during the read, is tied to that watch from then on: it was remembered before the
 * process listened, or under an earlier connection that may have missed changes, and any change
 * after the stamp's read will be heard.
 */
async function unchangedSince(db: Knex, watch: FeedStampWatch | undefined, known: TokenAnswer, tokenHash: string): Promise<boolean> {
  if (watch && known.changes?.watch === watch) return watch.changesOf(known.centreId) === known.changes.count;
  const heardBefore = watch?.heard;
  if ((await feedInputs.stamp(db, known.centreId)) !== known.stamp) return false;
  if (watch && heardBefore !== undefined && !watch.changedSince(known.centreId, heardBefore)) {
    feedCache.answered(tokenHash, { ...known, changes: { watch, count: watch.changesOf(known.centreId) } });
  }
  return true;
}

export const feedService = {
  /**
   * The feed behind a token (the file name without `.ics`). Unknown or revoked → 404, the same
   * answer for both so a probe learns nothing. `now` is the clock (tests fix it). The ETag comes
   * from what the feed is built from (feed-inputs.ts, one query from the token), so a current
   * copy is answered before anything is built, and a rendered feed is served from the cache
   * until its inputs change. A token this process answered before, whose centre's feed stamp is
   * unchanged and whose inputs the clock has not yet changed, is answered from memory
   * (feed-cache.ts): a 304, or the cached body. While this process hears the database's changes
   * (feed-stamp-watch.ts: embedded PGlite, or a server while its LISTEN connection is up) that
   * takes no query; otherwise one primary-key read of the stamp.
   */
  async read(db: Knex, token: string, now: Date = new Date(), isCurrent: IsCurrent = () => false): Promise<FeedResponse> {
    if (!TOKEN_PATTERN.test(token)) throw appError.notFound('feed', 'for this address');
    const tokenHash = hashFeedToken(token);
    const known = feedCache.lastAnswer(tokenHash);
    const watch = await feedStampWatch(db);
    if (known && now.getTime() >= known.validFrom && now.getTime() < known.validUntil && (await unchangedSince(db, watch, known, tokenHash))) {
      const copy = feedCache.get(known.etag);
      const owner: FeedOwner = { centreId: known.centreId, ownerKind: known.ownerKind as FeedKind, ownerId: known.ownerId };
      const notModified = isCurrent(known.etag, copy?.lastModified ?? null);
      if (notModified || copy) {
        auditRead(db, { tokenId: known.tokenId, owner, fullPatientDetails: known.fullPatientDetails }, {
          dates: known.dates, ...(copy ? { events: copy.events } : {}), ...(notModified ? { notModified: true } : {}),
        });
        return { kind: owner.ownerKind, ownerId: owner.ownerId, etag: known.etag, lastModified: copy?.lastModified ?? null, ...(notModified ? {} : { body: copy!.body }) };
      }
    }
    const inputsQuery = { tokenHash, now, days: FEED_DAYS_AHEAD, dropCancelledBefore: new Date(now.getTime() - CANCELLED_RETENTION_DAYS * MS_PER_DAY) };
    let heardBefore = watch?.heard;
    const inputs = await feedInputs.of(db, inputsQuery);
    // The same 404 as an unknown token: a feed whose owner is deactivated or gone has ended.
    if (!inputs?.ownerPresent) {
      feedCache.forget(tokenHash);
      throw appError.notFound('feed', 'for this address');
    }
    const { owner } = inputs;
    const audit: AuditContext = { tokenId: inputs.tokenId, owner, fullPatientDetails: inputs.fullPatientDetails };
    const reply = (etag: string, lastModified: string | null, body?: string): FeedResponse =>
      ({ kind: owner.ownerKind, ownerId: owner.ownerId, etag, lastModified, ...(body === undefined ? {} : { body }) });
    /** Keeps what this read found, for the token's next read. */
    const remember = (etag: string, read: FeedInputs) => feedCache.answered(tokenHash, {
      centreId: owner.centreId, ownerKind: owner.ownerKind, ownerId: owner.ownerId, tokenId: read.tokenId, etag, stamp: read.stamp,
      // The centre's count of changes as of the read, if none of its changes was heard while it ran (else the stamp decides next time).
      ...(watch && heardBefore !== undefined && !watch.changedSince(owner.centreId, heardBefore) ? { changes: { watch, count: watch.changesOf(owner.centreId) } } : {}),
      validFrom: now.getTime(), validUntil: read.validUntil, fullPatientDetails: read.fullPatientDetails, dates: read.dates,
    });

    // Rounds are planned from the pre-visit bookings on each read: no inputs to key a cache by.
    const cacheable = owner.ownerKind !== 'support-worker';
    const etag = feedInputsEtag(inputs.sources, inputs.states);
    const cached = cacheable ? feedCache.get(etag) : undefined;
    if (cacheable && isCurrent(etag, cached?.lastModified ?? null)) {
      remember(etag, inputs);
      auditRead(db, audit, { dates: inputs.dates, ...(cached ? { events: cached.events } : {}), notModified: true });
      return reply(etag, cached?.lastModified ?? null);
    }
    if (cached) {
      remember(etag, inputs);
      auditRead(db, audit, { dates: inputs.dates, events: cached.events });
      return reply(etag, cached.lastModified, cached.body);
    }

    const centreRecord = await centres.findById(db, owner.centreId);
    if (!centreRecord) throw appError.notFound('feed', 'for this address');
    const ctx: FeedContext = {
      owner, centreRecord, centre: feedCentreOf(centreRecord), now, today: inputs.today,
      windowDates: Array.from({ length: FEED_DAYS_AHEAD }, (_, i) => addDays(inputs.today, i)),
    };
    const { feed, servedDates, wrote } = await renderFeed(db, ctx);
    const rendered: CachedFeed = { body: feed.body, lastModified: feed.lastModified, events: feed.states.length };
    let tag = feed.etag;
    if (cacheable) {
      // Writing the new states changes the inputs: the ETag is that of the feed as now stored. If
      // anything else changed while this one was built, the body is served but not kept.
      if (wrote) heardBefore = watch?.heard;
      const after = wrote ? await feedInputs.of(db, inputsQuery) : inputs;
      if (after?.sources === inputs.sources) {
        tag = feedInputsEtag(after.sources, after.states);
        feedCache.set(tag, rendered);
        remember(tag, after);
      }
    }
    const current = isCurrent(tag, rendered.lastModified);
    auditRead(db, audit, { dates: servedDates, events: rendered.events, ...(current ? { notModified: true } : {}) });
    return reply(tag, rendered.lastModified, current ? undefined : rendered.body);
  },
};
