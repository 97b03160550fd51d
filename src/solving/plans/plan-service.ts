// Reading and adjusting a centre's day plan. Every edit (pin, unpin, move, replan, publish)
// saves a new version; the version is the ETag, and an edit must name the version it was made
// against (If-Match). The check-and-write is one conditional insert of version + 1, so of two
// edits of the same version exactly one is saved and the other gets 412 — never a lost update.
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Plan, PlanPin } from '../../domain/plan.ts';
import { idSchema, localTimeSchema, timeToMin } from '../../domain/primitives.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { buildJobProblem } from '../problem/build-job-problem.ts';
import { outreachTeamOn } from '../problem/outreach-teams.ts';
import { staffMembers } from '../../db/repositories/staff-members.ts';
import { replanDayInWorker } from '../workers/replan-day-in-worker.ts';
import { DayProblemInputError } from '../problem/build-day-problem.ts';
import { assembleDayPlan, type DayPatient, type DayPlan, type DayProblem, type PlannedActivity, type ActivityMove, type DayChange, type ReplanStrategy, validatePlan } from '../../../solver/index.ts';
import { editPlanVersion, getPlanVersion, rejected, requireDate, pinKey, withPin, type PlanEdit } from './plan-edits.ts';
import { checkCoupled, storedTransport, type StoredTransport } from '../transport/day-transport.ts';
import type { CoupledDayResult } from '../transport/plan-coupled-day.ts';
import { solve } from '../workers/solve-pool.ts';
import type { Actor } from '../../api/services/centre-scoped-service.ts';
import { planViews, type PlanViewName } from '../../api/services/plan-views.ts';

/** What a stored day plan's `document` holds: the problem it answers (with every pin) and the plan. */
export interface DayPlanDocument {
  problem: DayProblem;
  plan: DayPlan;
  /** How this version came about. */
  source: Record<string, unknown>;
  /** The day's transport, planned with the itineraries and kept in step with every edit (absent: planned without transport). */
  transport?: StoredTransport;
  /** After a replan: what moved. */
  moves?: ActivityMove[];
  strategy?: ReplanStrategy;
  notes?: string[];
}

/** A stored plan version as the API returns it, whatever kind of day it plans. */
export interface PlanVersionView<TPlan, TMove> {
  id: string;
  centreId: string;
  date: string;
  version: number;
  status: Plan['status'];
  pins: PlanPin[];
  source: Record<string, unknown>;
  plan: TPlan;
  createdAt: string;
  moves?: TMove[];
  notes?: string[];
}

/** An ICC day's plan version as the API returns it. */
export interface PlanView extends PlanVersionView<DayPlan, ActivityMove> {
  strategy?: ReplanStrategy;
}

/** The body field each view's rows are under. */
const viewKey: Record<PlanViewName, string> = { 'by-patient': 'patients', 'by-staff': 'staff', 'by-room': 'rooms' };

export const DEFAULT_REPLAN_TIME_LIMIT_SEC = 2;
export const MAX_REPLAN_TIME_LIMIT_SEC = 30;

/** Request bodies of the plan edits (also described in the OpenAPI document). */
export const pinBodySchema = z.strictObject({ activityId: z.string().min(1) });
export const moveBodySchema = z.strictObject({
  activityId: z.string().min(1),
  start: localTimeSchema,
  staffId: idSchema.optional(),
  roomId: idSchema.optional(),
});
export const dayChangeBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('patient-cancelled'), patientId: z.string().min(1) }),
  z.strictObject({ kind: z.literal('patient-late'), patientId: z.string().min(1), arrival: localTimeSchema }),
  z.strictObject({ kind: z.literal('patient-added'), patientId: z.string().min(1) }),
  z.strictObject({ kind: z.literal('staff-off-sick'), staffId: z.string().min(1), from: localTimeSchema }),
  z.strictObject({ kind: z.literal('staff-late'), staffId: z.string().min(1), from: localTimeSchema }),
  z.strictObject({ kind: z.literal('assessment-overran'), patientId: z.string().min(1), typeId: z.string().min(1), end: localTimeSchema }),
  z.strictObject({ kind: z.literal('assessment-added'), patientId: z.string().min(1), typeId: z.string().min(1) }),
  z.strictObject({ kind: z.literal('assessment-removed'), patientId: z.string().min(1), typeId: z.string().min(1) }),
]);
export const replanBodySchema = z.strictObject({
  now: localTimeSchema,
  changes: z.array(dayChangeBodySchema).min(1, { message: 'must list at least one change' }),
  timeLimitSec: z.number().positive().max(MAX_REPLAN_TIME_LIMIT_SEC).default(DEFAULT_REPLAN_TIME_LIMIT_SEC),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
});

async function toDayChange(db: Knex, centreId: string, date: string, change: z.infer<typeof dayChangeBodySchema>, index: number): Promise<DayChange> {
  switch (change.kind) {
    case 'patient-added':
      return { kind: 'patient-added', patient: await patientForTheDay(db, centreId, date, change.patientId, `changes[${index}].patientId`) };
    case 'patient-cancelled':
    case 'assessment-added':
    case 'assessment-removed':
      return change;
    case 'patient-late':
      return { kind: 'patient-late', patientId: change.patientId, arrivalMin: timeToMin(change.arrival) };
    case 'staff-off-sick':
    case 'staff-late':
      return { kind: change.kind, staffId: change.staffId, fromMin: timeToMin(change.from) };
    case 'assessment-overran':
      return { kind: 'assessment-overran', patientId: change.patientId, typeId: change.typeId, endMin: timeToMin(change.end) };
  }
}

/**
 * A patient fitted in on the day, as the planner sees them: built from their referral and
 * pre-visit outcome exactly as a planning job builds its patients (400 naming `field` when the
 * patient cannot attend, e.g. unknown, no pre-visit outcome, unavailable that day).
 */
async function patientForTheDay(db: Knex, centreId: string, date: string, patientId: string, field: string): Promise<DayPatient> {
  try {
    return (await buildJobProblem(db, centreId, requireDate(date), [patientId])).patients[0]!;
  } catch (error) {
    if (error instanceof DayProblemInputError) throw appError.validation(`${field}: ${error.message}`, [{ path: field, message: error.message }]);
    throw error;
  }
}

/** The stored transport carried into a new version unchanged (an edit that moves nobody). */
function transportOf(doc: DayPlanDocument): { transport?: StoredTransport } {
  return doc.transport ? { transport: doc.transport } : {};
}

function documentOf(stored: Plan): DayPlanDocument {
  return stored.document as unknown as DayPlanDocument;
}

export function planView(stored: Plan): PlanView {
  const doc = documentOf(stored);
  return {
    id: stored.id,
    centreId: stored.centreId,
    date: stored.date,
    version: stored.version,
    status: stored.status,
    pins: stored.pins,
    source: doc.source,
    plan: doc.plan,
    createdAt: stored.createdAt,
    ...(doc.moves ? { moves: doc.moves } : {}),
    ...(doc.strategy ? { strategy: doc.strategy } : {}),
    ...(doc.notes ? { notes: doc.notes } : {}),
  };
}

function requireActivity(plan: DayPlan, activityId: string): PlannedActivity {
  const activity = plan.activities.find((a) => a.id === activityId);
  if (!activity) throw appError.validation(`No activity ${activityId} in this plan`, [{ path: 'activityId', message: `no activity "${activityId}" in the plan` }]);
  return activity;
}

function pinOf(activity: PlannedActivity): PlanPin {
  return {
    patientId: activity.patientId,
    typeId: activity.typeId,
    startMin: activity.startMin,
    roomId: activity.roomId,
    ...(activity.staffId === undefined ? {} : { staffId: activity.staffId }),
  };
}

/**
 * 409 naming `path` when `staffId` is on the date's outreach team: they are at care homes that
 * day, not at the centre, so no ICC activity may be given to them or pinned on them (the
 * reverse of the outreach day's own check on staff with ICC activities).
 */
async function refuseOutreachStaff(db: Knex, centreId: string, date: string, problem: DayProblem, staffId: string | undefined, path: string, fix: string): Promise<void> {
  if (staffId === undefined) return;
  const day = (await outreachTeamOn(db, centreId, date)).get(staffId);
  if (!day) return;
  const name = problem.staff.find((s) => s.id === staffId)?.name ?? (await staffMembers.findById(db, centreId, staffId))?.name ?? staffId;
  throw appError.conflict(`${name} is on the outreach team on ${date}: they are at care homes that day, not at the centre`, [
    { path, message: `${name} is on outreach day ${day.id} (${date}); ${fix}` },
  ]);
}

/** 409 naming each activity of the plan given to a member of the date's outreach team (`plan.activities.<i>.staffId`). */
async function refuseOutreachTeamInPlan(db: Knex, centreId: string, date: string, doc: DayPlanDocument): Promise<void> {
  const team = await outreachTeamOn(db, centreId, date);
  if (team.size === 0) return;
  const name = (staffId: string) => doc.problem.staff.find((s) => s.id === staffId)?.name ?? staffId;
  const details = doc.plan.activities.flatMap((a, i) => (a.staffId !== undefined && team.has(a.staffId)
    ? [{ path: `plan.activities.${i}.staffId`, message: `${a.id} is given to ${name(a.staffId)}, who is on outreach day ${team.get(a.staffId)!.id} (${date}); replan the ICC day with them off (staff-off-sick) first` }]
    : []));
  if (details.length > 0) throw appError.conflict(`The plan gives ${details.length} activities to staff on the outreach team on ${date}: they are at care homes that day`, details);
}

/**
 * The problem a replan solves: the date's outreach team members who have no activity in the
 * plan are left out (an ICC plan made before the outreach day still lists them), so the
 * replanner cannot hand them work; a change naming one of them is refused (409). One who still
 * holds activities stays, so that a staff-off-sick change can take them off the ICC day.
 */
async function withoutOutreachTeam(db: Knex, centreId: string, date: string, problem: DayProblem, plan: DayPlan, changes: z.infer<typeof dayChangeBodySchema>[]): Promise<{ problem: DayProblem; notes: string[] }> {
  const team = await outreachTeamOn(db, centreId, date);
  const held = new Set(plan.activities.map((a) => a.staffId));
  for (const [i, change] of changes.entries()) {
    // One who still holds ICC activities (planned before they were sent out) may be taken off.
    if ('staffId' in change && !held.has(change.staffId)) {
      await refuseOutreachStaff(db, centreId, date, problem, change.staffId, `changes[${i}].staffId`, 'they have no activities in the ICC day to change');
    }
  }
  const out = problem.staff.filter((s) => team.has(s.id) && !held.has(s.id));
  if (out.length === 0) return { problem, notes: [] };
  return {
    problem: { ...problem, staff: problem.staff.filter((s) => !out.includes(s)) },
    notes: out.map((s) => `${s.name} is on the outreach team that day: left out of the ICC day.`),
  };
}

/** The one way a day plan changes (plan-edits.ts): If-Match, the edit, version + 1. */
const editPlan = (db: Knex, centreId: string, date: string, ifMatch: string | undefined, actor: Actor,
  edit: (current: Plan, doc: DayPlanDocument) => Promise<PlanEdit<DayPlanDocument>> | PlanEdit<DayPlanDocument>) =>
  editPlanVersion(db, 'day', { centreId, date, ifMatch, actor }, edit);

/** The plan with new activities: views, score and gap rebuilt from them (activities are the source of truth). */
function rebuilt(problem: DayProblem, plan: DayPlan, activities: PlannedActivity[]): DayPlan {
  return assembleDayPlan(problem, { activities, unscheduled: plan.unscheduled, bound: plan.bound, stats: plan.stats });
}

/** New hard violations an edit would introduce (those already in the plan are not held against it). */
function introducedViolations(problem: DayProblem, before: DayPlan, after: DayPlan) {
  const existing = new Set(validatePlan(problem, before).violations.map((v) => v.message));
  return validatePlan(problem, after).violations.filter((v) => !existing.has(v.message));
}

/** Seed of the transport re-planned after an edit (fixed, so the same edit gives the same runs). */
const TRANSPORT_SEED = 1;
/** The longest an edit's transport re-planning may take (it plans with fixed iterations). */
const TRANSPORT_TIME_LIMIT_MS = 60_000;

/**
 * The edited day with its transport brought in step (on a solver thread): runs kept when they
 * still fit both directions, else only the patients the edit touched are taken out of their runs
 * and fitted in again (the other runs stay as they were), else the runs are planned again; the itineraries take the
 * transport's drop-off and pick-up times. Without stored transport the plan is returned as is.
 */
async function withTransport(doc: DayPlanDocument, problem: DayProblem, plan: DayPlan): Promise<{ plan: DayPlan; transport?: StoredTransport }> {
  if (!doc.transport) return { plan };
  const stored = doc.transport;
  const result = await solve<'couple-transport', CoupledDayResult>('couple-transport', { base: stored.base, dayProblem: problem, plan, runs: stored.plan, previous: stored.problem, seed: TRANSPORT_SEED }, { timeLimitMs: TRANSPORT_TIME_LIMIT_MS }).result;
  const kept = stored.notRouted.filter((r) => r.reason !== 'nothing-planned');
  return { plan: result.dayPlan, transport: storedTransport(stored.base, problem, result.dayPlan, { problem: result.transportProblem, plan: result.transportPlan }, kept, result.notes) };
}

/** Every hard rule both checkers find broken: the day (with transport's times) and the runs against it. */
function coupledViolations(problem: DayProblem, plan: DayPlan, transport: StoredTransport | undefined) {
  const { dayViolations, transportViolations } = checkCoupled(problem, plan, transport);
  return [...dayViolations, ...transportViolations];
}

/** New hard violations of either checker an edit would introduce (those already in the plan are not held against it). */
function introducedCoupled(before: { problem: DayProblem; plan: DayPlan; transport?: StoredTransport }, after: { problem: DayProblem; plan: DayPlan; transport?: StoredTransport }) {
  const existing = new Set(coupledViolations(before.problem, before.plan, before.transport).map((v) => v.message));
  return coupledViolations(after.problem, after.plan, after.transport).filter((v) => !existing.has(v.message));
}

export const planService = {
  /** The newest version (or the newest with `status`, or exactly `version`). */
  get(db: Knex, centreId: string, date: string, query: Record<string, unknown> = {}): Promise<Plan> {
    return getPlanVersion(db, 'day', centreId, date, query);
  },

  /** A view of the plan the query selects. */
  async view(db: Knex, centreId: string, date: string, name: PlanViewName, query: Record<string, unknown> = {}) {
    // by-staff?staffId=… narrows the view to one timetable (what a clinician's token may read).
    const { staffId, ...planQuery } = query;
    const stored = await planService.get(db, centreId, date, name === 'by-staff' ? planQuery : query);
    const { problem, plan } = documentOf(stored);
    const rows: object[] = planViews[name](problem, plan);
    const selected = name === 'by-staff' && typeof staffId === 'string' ? rows.filter((row) => (row as { staffId: string }).staffId === staffId) : rows;
    return { stored, body: { date: stored.date, version: stored.version, status: stored.status, [viewKey[name]]: selected } };
  },

  /** Pins an activity where it is, so replanning leaves it there. */
  pin(db: Knex, centreId: string, date: string, ifMatch: string | undefined, body: unknown, actor: Actor): Promise<Plan> {
    const { activityId } = parseOrThrow(pinBodySchema, body, 'pin');
    return editPlan(db, centreId, date, ifMatch, actor, async (current, { problem, plan }) => {
      const activity = requireActivity(plan, activityId);
      await refuseOutreachStaff(db, centreId, date, problem, activity.staffId, 'activityId', `${activity.id} is theirs: move it to a colleague at the centre (or replan the ICC day with them off) before pinning it`);
      const pin = pinOf(activity);
      const activities = plan.activities.map((a) => (a.id === activityId ? { ...a, pinned: true } : a));
      return {
        document: { problem: { ...problem, pins: withPin(problem.pins, pin) }, plan: { ...plan, activities }, ...transportOf(documentOf(current)), source: { kind: 'pin', activityId } },
        pins: withPin(current.pins, pin),
      };
    });
  },

  /** Removes a coordinator's pin; 404 when the activity is not pinned. */
  unpin(db: Knex, centreId: string, date: string, ifMatch: string | undefined, activityId: string, actor: Actor): Promise<Plan> {
    return editPlan(db, centreId, date, ifMatch, actor, (current, { problem, plan }) => {
      if (!current.pins.some((p) => pinKey(p) === activityId)) throw appError.notFound('pin for activity', activityId);
      const activities = plan.activities.map((a) => (a.id === activityId ? { ...a, pinned: false } : a));
      return {
        document: { problem: { ...problem, pins: (problem.pins ?? []).filter((p) => pinKey(p) !== activityId) }, plan: { ...plan, activities }, ...transportOf(documentOf(current)), source: { kind: 'unpin', activityId } },
        pins: current.pins.filter((p) => pinKey(p) !== activityId),
      };
    });
  },

  /**
   * Moves one activity by hand to a start (and optionally a staff member and room) and pins it
   * there. Re-checked with validatePlan: 422 with the violations' sentences if it breaks a hard rule.
   */
  move(db: Knex, centreId: string, date: string, ifMatch: string | undefined, body: unknown, actor: Actor): Promise<Plan> {
    const request = parseOrThrow(moveBodySchema, body, 'move');
    return editPlan(db, centreId, date, ifMatch, actor, async (current, doc) => {
      const { problem, plan } = doc;
      const activity = requireActivity(plan, request.activityId);
      if (request.staffId !== undefined && activity.staffId === undefined) {
        throw appError.validation('The meal has no staff member', [{ path: 'staffId', message: `${activity.typeId} is not done by a staff member` }]);
      }
      await refuseOutreachStaff(db, centreId, date, problem, request.staffId ?? activity.staffId, request.staffId === undefined ? 'activityId' : 'staffId',
        request.staffId === undefined
          ? `${activity.id} is theirs: move it to a colleague at the centre (staffId), or replan the ICC day with them off`
          : 'choose a colleague who is at the centre that day');
      const startMin = timeToMin(request.start);
      const moved: PlannedActivity = {
        ...activity,
        startMin,
        endMin: startMin + (activity.endMin - activity.startMin),
        roomId: request.roomId ?? activity.roomId,
        ...(request.staffId === undefined ? {} : { staffId: request.staffId }),
        pinned: true,
      };
      const pin = pinOf(moved);
      const movedProblem: DayProblem = { ...problem, pins: withPin(problem.pins, pin) };
      const movedDay = rebuilt(movedProblem, plan, plan.activities.map((a) => (a.id === moved.id ? moved : a)));
      // The day alone first (a clash with a colleague is named as such), then with its transport.
      const brokenDay = introducedViolations(movedProblem, plan, movedDay);
      if (brokenDay.length > 0) throw rejected(`Moving ${activity.id} to ${request.start} breaks ${brokenDay.length} hard rule(s)`, brokenDay);
      const { plan: movedPlan, transport } = await withTransport(doc, movedProblem, movedDay);
      const broken = introducedCoupled(doc, { problem: movedProblem, plan: movedPlan, transport });
      if (broken.length > 0) throw rejected(`Moving ${activity.id} to ${request.start} breaks ${broken.length} hard rule(s)`, broken);
      return {
        document: { problem: movedProblem, plan: movedPlan, ...(transport ? { transport } : {}), source: { kind: 'move', activityId: activity.id, from: pinOf(activity), to: pin } },
        pins: withPin(current.pins, pin),
      };
    });
  },

  /**
   * Replans after changes on the day (on a worker thread); the new version lists what moved.
   * 422 with the broken rules when the new plan would break one the current plan keeps.
   */
  replan(db: Knex, centreId: string, date: string, ifMatch: string | undefined, body: unknown, actor: Actor): Promise<Plan> {
    const request = parseOrThrow(replanBodySchema, body, 'replan');
    return editPlan(db, centreId, date, ifMatch, actor, async (current, doc) => {
      const { problem, plan } = doc;
      // After the plan and its version are checked (404, 428, 412 first): an added patient reads the database.
      const changes = await Promise.all(request.changes.map((change, i) => toDayChange(db, centreId, date, change, i)));
      const atCentre = await withoutOutreachTeam(db, centreId, date, problem, plan, request.changes);
      const result = await replanDayInWorker({
        problem: atCentre.problem,
        published: plan,
        changes,
        nowMin: timeToMin(request.now),
        options: { timeLimitMs: request.timeLimitSec * 1000, seed: request.seed },
      });
      // A replan that cannot keep every hard rule (an overrun running into a coordinator's pin,
      // say) is refused with the broken rules, so a draft never silently breaks one.
      const existing = new Set(validatePlan(problem, plan).violations.map((v) => v.message));
      const brokenDay = validatePlan(result.problem, result.plan).violations.filter((v) => !existing.has(v.message));
      if (brokenDay.length > 0) throw rejected(`Replanning cannot keep every hard rule (${brokenDay.length} broken; unpin or move what conflicts with the change, then replan)`, brokenDay);
      // The transport of the patients the replan moved follows them, checked both ways.
      const { plan: replanned, transport } = await withTransport(doc, result.problem, result.plan);
      const broken = introducedCoupled(doc, { problem: result.problem, plan: replanned, transport });
      if (broken.length > 0) throw rejected(`Replanning cannot keep every hard rule (${broken.length} broken; unpin or move what conflicts with the change, then replan)`, broken);
      // The coordinator's pins the changes released (a cancelled patient, a clinician gone, an assessment dropped) go.
      const stillPinned = new Set((result.problem.pins ?? []).map(pinKey));
      return {
        document: {
          problem: result.problem,
          plan: replanned,
          ...(transport ? { transport } : {}),
          source: { kind: 'replan', now: request.now, changes: request.changes },
          moves: result.moves,
          strategy: result.strategy,
          notes: [...atCentre.notes, ...result.notes],
        },
        pins: current.pins.filter((p) => stillPinned.has(pinKey(p))),
      };
    });
  },

  /**
   * Publishes the newest version (as a new, published version); 422 if it breaks a hard rule, 409
   * if it gives work to someone on the date's outreach team (a plan made while the outreach day
   * was being set up: replan them off first).
   */
  publish(db: Knex, centreId: string, date: string, ifMatch: string | undefined, actor: Actor): Promise<Plan> {
    return editPlan(db, centreId, date, ifMatch, actor, async (current, doc) => {
      if (current.status === 'published') throw appError.conflict(`Version ${current.version} is already published`, [{ path: 'status', message: 'is already published' }]);
      await refuseOutreachTeamInPlan(db, centreId, date, doc);
      const violations = coupledViolations(doc.problem, doc.plan, doc.transport);
      if (violations.length > 0) throw rejected(`Version ${current.version} cannot be published: it breaks ${violations.length} hard rule(s)`, violations);
      return { document: { problem: doc.problem, plan: doc.plan, ...transportOf(doc), source: { kind: 'publish', fromVersion: current.version } }, pins: current.pins, status: 'published' };
    });
  },
};
