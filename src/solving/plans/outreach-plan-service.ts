// Outreach plans: planned, read, pinned, replanned and published like ICC day plans — stored as
// plan versions of kind 'outreach' through the one writer (plan-versions.ts), with the version
// as ETag and If-Match on every edit (428 without it, 412 when someone saved first).
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Plan, PlanPin } from '../../domain/plan.ts';
import { idSchema, localTimeSchema, timeToMin } from '../../domain/primitives.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { assembleOutreachPlan, outreachTravel, validateOutreachPlan, type OutreachChange, type OutreachPin, type OutreachPlan, type OutreachProblem, type OutreachVisit, type OutreachVisitMove } from '../../../solver/index.ts';
import { buildOutreachProblem } from '../problem/build-outreach-problem.ts';
import type { PlanVersionView } from './plan-service.ts';
import { planOutreachInWorker, replanOutreachInWorker } from '../workers/outreach-in-worker.ts';
import { writePlanVersion } from './plan-versions.ts';
import { editPlanVersion, getPlanVersion, pinKey, rejected, requireDate, withPin, type PlanEdit } from './plan-edits.ts';
import { requireCentre, type Actor } from '../../api/services/centre-scoped-service.ts';

/** What a stored outreach plan's `document` holds. */
export interface OutreachPlanDocument {
  problem: OutreachProblem;
  plan: OutreachPlan;
  source: Record<string, unknown>;
  moves?: OutreachVisitMove[];
  notes?: string[];
}

/** An outreach plan version as the API returns it (with the homes, for addresses). */
export interface OutreachPlanView extends PlanVersionView<OutreachPlan, OutreachVisitMove> {
  homes: OutreachProblem['homes'];
}

export const DEFAULT_OUTREACH_ITERATIONS_PER_REQUEST = 2000;
export const MAX_OUTREACH_TIME_LIMIT_SEC = 60;

export const outreachPlanRequestSchema = z.strictObject({
  /** The residents to plan; default: those booked to the outreach day. */
  patientIds: z.array(idSchema).min(1).max(60).refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a resident' }).optional(),
  /** Fixed budget: the same plan for the same request. */
  maxIterations: z.number().int().min(1).max(20000).default(DEFAULT_OUTREACH_ITERATIONS_PER_REQUEST),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  /** Optional wall-clock limit: the solve stops there with the best plan so far (then not reproducible). */
  timeLimitSec: z.number().positive().max(MAX_OUTREACH_TIME_LIMIT_SEC).optional(),
});
export const outreachPinBodySchema = z.strictObject({ visitId: z.string().min(1) });
/** A visit moved by hand: a new start, and optionally another team member or room at the same home. */
export const outreachMoveBodySchema = z.strictObject({
  visitId: z.string().min(1),
  start: localTimeSchema,
  staffId: idSchema.optional(),
  roomId: z.string().min(1).optional(),
});
export const outreachChangeBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('resident-unwell'), residentId: z.string().min(1) }),
  z.strictObject({ kind: z.literal('staff-off-sick'), staffId: z.string().min(1), from: localTimeSchema }),
  z.strictObject({ kind: z.literal('assessment-overran'), residentId: z.string().min(1), typeId: z.string().min(1), end: localTimeSchema }),
]);
export const outreachReplanBodySchema = z.strictObject({
  now: localTimeSchema,
  changes: z.array(outreachChangeBodySchema).min(1, { message: 'must list at least one change' }),
  maxIterations: z.number().int().min(1).max(20000).default(1000),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
});
const KIND = 'outreach' as const;
const documentOf = (stored: Plan) => stored.document as unknown as OutreachPlanDocument;

export function outreachPlanView(stored: Plan): OutreachPlanView {
  const doc = documentOf(stored);
  return {
    id: stored.id, centreId: stored.centreId, date: stored.date, version: stored.version, status: stored.status, pins: stored.pins,
    source: doc.source, plan: doc.plan, homes: doc.problem.homes, createdAt: stored.createdAt,
    ...(doc.moves ? { moves: doc.moves } : {}),
    ...(doc.notes ? { notes: doc.notes } : {}),
  };
}

const check = (problem: OutreachProblem, plan: OutreachPlan) => validateOutreachPlan(problem, plan, { travelMin: outreachTravel(problem) });

/** The one way an outreach plan changes (plan-edits.ts): If-Match, the edit, version + 1. */
const editPlan = (db: Knex, centreId: string, date: string, ifMatch: string | undefined, actor: Actor,
  edit: (current: Plan, doc: OutreachPlanDocument) => Promise<PlanEdit<OutreachPlanDocument>> | PlanEdit<OutreachPlanDocument>) =>
  editPlanVersion(db, KIND, { centreId, date, ifMatch, actor }, edit);

const pinOf = (v: OutreachPlan['visits'][number]): PlanPin => ({ patientId: v.residentId, typeId: v.typeId, startMin: v.startMin, staffId: v.staffId, roomId: v.roomId });
const solverPinOf = (v: OutreachVisit): OutreachPin => ({ residentId: v.residentId, typeId: v.typeId, startMin: v.startMin, staffId: v.staffId, roomId: v.roomId });
/** `pins` with `pin` in place of any pin of the same visit. */
const withSolverPin = (pins: readonly OutreachPin[] | undefined, pin: OutreachPin): OutreachPin[] => [...(pins ?? []).filter((p) => `${p.residentId}:${p.typeId}` !== `${pin.residentId}:${pin.typeId}`), pin];

function requireVisit(plan: OutreachPlan, visitId: string): OutreachVisit {
  const visit = plan.visits.find((v) => v.id === visitId);
  if (!visit) throw appError.validation(`No visit ${visitId} in this plan`, [{ path: 'visitId', message: `no visit "${visitId}" in the plan` }]);
  return visit;
}

/** New hard violations an edit would introduce (those already in the plan are not held against it). */
function introducedViolations(before: { problem: OutreachProblem; plan: OutreachPlan }, after: { problem: OutreachProblem; plan: OutreachPlan }) {
  const existing = new Set(check(before.problem, before.plan).violations.map((v) => v.message));
  return check(after.problem, after.plan).violations.filter((v) => !existing.has(v.message));
}

/**
 * Group sessions after a hand move: the moved visit joins a session of its type held by the same
 * clinician, in the same room, at the same time (if there is one), and a session left with one
 * resident is a one-to-one visit again.
 */
function regroup(visits: OutreachVisit[], moved: OutreachVisit): OutreachVisit[] {
  const session = visits.find((v) => v.id !== moved.id && v.typeId === moved.typeId && v.staffId === moved.staffId && v.roomId === moved.roomId && v.startMin === moved.startMin && v.endMin === moved.endMin);
  const groupId = session ? (session.groupId ?? `group:${session.id}`) : undefined;
  const placed = visits.map((v): OutreachVisit => {
    if (v.id === moved.id) {
      const { groupId: _old, ...rest } = moved;
      return groupId === undefined ? rest : { ...rest, groupId };
    }
    return session && v.id === session.id ? { ...v, groupId: groupId! } : v;
  });
  const members = new Map<string, number>();
  for (const v of placed) if (v.groupId !== undefined) members.set(v.groupId, (members.get(v.groupId) ?? 0) + 1);
  return placed.map((v): OutreachVisit => {
    if (v.groupId === undefined || members.get(v.groupId)! > 1) return v;
    const { groupId: _alone, ...rest } = v;
    return rest;
  });
}

function toChange(change: z.infer<typeof outreachChangeBodySchema>): OutreachChange {
  switch (change.kind) {
    case 'resident-unwell': return change;
    case 'staff-off-sick': return { kind: 'staff-off-sick', staffId: change.staffId, fromMin: timeToMin(change.from) };
    case 'assessment-overran': return { kind: 'assessment-overran', residentId: change.residentId, typeId: change.typeId, endMin: timeToMin(change.end) };
  }
}

export const outreachPlanService = {
  /** Plans the outreach day on a worker thread and saves it as the next draft version. */
  async create(db: Knex, centreId: string, date: string, body: unknown, actor: Actor, signal?: AbortSignal): Promise<Plan> {
    const request = parseOrThrow(outreachPlanRequestSchema, body ?? {}, 'outreach plan request');
    await requireCentre(db, centreId);
    const problem = await buildOutreachProblem(db, centreId, requireDate(date), request.patientIds);
    const limit = request.timeLimitSec === undefined ? {} : { timeLimitMs: request.timeLimitSec * 1000 };
    const plan = await planOutreachInWorker({ problem, options: { maxIterations: request.maxIterations, seed: request.seed, ...limit } }, signal);
    const source = { kind: 'plan', maxIterations: request.maxIterations, seed: request.seed, ...(request.timeLimitSec === undefined ? {} : { timeLimitSec: request.timeLimitSec }) };
    const saved = await writePlanVersion(db, {
      centreId,
      doc: { date, kind: KIND, status: 'draft', document: { problem, plan, source } as unknown as Record<string, unknown>, pins: [] },
      audit: { actor: actor.name, action: 'create', details: { kind: KIND } },
    });
    return saved!;
  },

  get(db: Knex, centreId: string, date: string, query: Record<string, unknown> = {}): Promise<Plan> {
    return getPlanVersion(db, KIND, centreId, date, query);
  },

  /** Pins a visit where it is, so replanning leaves it there. */
  pin(db: Knex, centreId: string, date: string, ifMatch: string | undefined, body: unknown, actor: Actor): Promise<Plan> {
    const { visitId } = parseOrThrow(outreachPinBodySchema, body, 'pin');
    return editPlan(db, centreId, date, ifMatch, actor, (current, { problem, plan }) => {
      const visit = requireVisit(plan, visitId);
      return {
        document: {
          problem: { ...problem, pins: withSolverPin(problem.pins, solverPinOf(visit)) },
          plan: { ...plan, visits: plan.visits.map((v) => (v.id === visitId ? { ...v, pinned: true } : v)) },
          source: { kind: 'pin', visitId },
        },
        pins: withPin(current.pins, pinOf(visit)),
      };
    });
  },

  /** Removes a coordinator's pin, so replanning may move the visit again; 404 when the visit is not pinned. */
  unpin(db: Knex, centreId: string, date: string, ifMatch: string | undefined, visitId: string, actor: Actor): Promise<Plan> {
    return editPlan(db, centreId, date, ifMatch, actor, (current, { problem, plan }) => {
      if (!current.pins.some((p) => pinKey(p) === visitId)) throw appError.notFound('pin for visit', visitId);
      const visits = plan.visits.map((v) => {
        if (v.id !== visitId) return v;
        const { pinned: _pinned, ...rest } = v;
        return rest;
      });
      return {
        document: {
          problem: { ...problem, pins: (problem.pins ?? []).filter((p) => `${p.residentId}:${p.typeId}` !== visitId) },
          plan: { ...plan, visits },
          source: { kind: 'unpin', visitId },
        },
        pins: current.pins.filter((p) => pinKey(p) !== visitId),
      };
    });
  },

  /**
   * Moves one visit by hand to a start (and optionally another team member or shared room) and
   * pins it there. The rounds, drives and score are rebuilt from the visits, then the independent
   * checker runs: 422 with its sentences if the move breaks a hard rule the plan kept.
   */
  move(db: Knex, centreId: string, date: string, ifMatch: string | undefined, body: unknown, actor: Actor): Promise<Plan> {
    const request = parseOrThrow(outreachMoveBodySchema, body, 'move');
    return editPlan(db, centreId, date, ifMatch, actor, (current, { problem, plan }) => {
      const visit = requireVisit(plan, request.visitId);
      if (request.staffId !== undefined && !problem.staff.some((s) => s.id === request.staffId)) {
        throw appError.validation(`Staff member ${request.staffId} is not on this outreach team`, [{ path: 'staffId', message: `"${request.staffId}" is not on the outreach team that day` }]);
      }
      const home = problem.homes.find((h) => h.id === visit.homeId);
      if (request.roomId !== undefined && request.roomId !== `own-room:${visit.residentId}` && !home?.sharedRooms.some((r) => r.id === request.roomId)) {
        throw appError.validation(`Room ${request.roomId} is not at ${home?.name ?? visit.homeId}`, [{ path: 'roomId', message: `must be own-room:${visit.residentId} or a shared room of the resident's home` }]);
      }
      const startMin = timeToMin(request.start);
      const moved: OutreachVisit = {
        ...visit, startMin, endMin: startMin + (visit.endMin - visit.startMin),
        staffId: request.staffId ?? visit.staffId, roomId: request.roomId ?? visit.roomId, pinned: true,
      };
      const movedProblem: OutreachProblem = { ...problem, pins: withSolverPin(problem.pins, solverPinOf(moved)) };
      const movedPlan = assembleOutreachPlan(movedProblem, { ...plan, visits: regroup(plan.visits, moved) });
      const broken = introducedViolations({ problem, plan }, { problem: movedProblem, plan: movedPlan });
      if (broken.length > 0) throw rejected(`Moving ${visit.id} to ${request.start} breaks ${broken.length} hard rule(s)`, broken);
      return {
        document: { problem: movedProblem, plan: movedPlan, source: { kind: 'move', visitId: visit.id, from: pinOf(visit), to: pinOf(moved) } },
        pins: withPin(current.pins, pinOf(moved)),
      };
    });
  },

  /** Replans after a change on the day (a resident unwell, a clinician off sick, an overrun), on a worker thread. */
  replan(db: Knex, centreId: string, date: string, ifMatch: string | undefined, body: unknown, actor: Actor, signal?: AbortSignal): Promise<Plan> {
    const request = parseOrThrow(outreachReplanBodySchema, body, 'replan');
    return editPlan(db, centreId, date, ifMatch, actor, async (current, { problem, plan }) => {
      const result = await replanOutreachInWorker({ problem, plan, changes: request.changes.map(toChange), nowMin: timeToMin(request.now), options: { maxIterations: request.maxIterations, seed: request.seed } }, signal);
      const broken = check(result.problem, result.plan).violations;
      if (broken.length > 0) throw rejected(`Replanning cannot keep every hard rule (${broken.length} broken)`, broken);
      const stillPinned = new Set((result.problem.pins ?? []).map((p) => `${p.residentId}:${p.typeId}`));
      return {
        document: { problem: result.problem, plan: result.plan, source: { kind: 'replan', now: request.now, changes: request.changes }, moves: result.moves, notes: result.notes },
        pins: current.pins.filter((p) => stillPinned.has(pinKey(p))),
      };
    });
  },

  /** Publishes the newest version (as a new, published version); 422 if the checker rejects it. */
  publish(db: Knex, centreId: string, date: string, ifMatch: string | undefined, actor: Actor): Promise<Plan> {
    return editPlan(db, centreId, date, ifMatch, actor, (current, doc) => {
      if (current.status === 'published') throw appError.conflict(`Version ${current.version} is already published`, [{ path: 'status', message: 'is already published' }]);
      const { violations } = check(doc.problem, doc.plan);
      if (violations.length > 0) throw rejected(`Version ${current.version} cannot be published: it breaks ${violations.length} hard rule(s)`, violations);
      return { document: { problem: doc.problem, plan: doc.plan, source: { kind: 'publish', fromVersion: current.version } }, pins: current.pins, status: 'published' };
    });
  },
};
