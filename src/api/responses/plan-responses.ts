// What the planning routes return: a planning job, a plan version (with the solver's DayPlan)
// and the plan read by patient, by staff member and by room. The OpenAPI document is
// generated from these; the compile-time checks below tie each to the type the code returns.
import { z } from 'zod';
import type { PlanJob } from '../../db/repositories/plan-jobs.ts';
import { dayPlanSchema, unscheduledReasonCodes } from '../../domain/day-plan-schema.ts';
import type { Exact } from '../../domain/exact-type.ts';
import { planPinSchema } from '../../domain/plan.ts';
import { idSchema, localDateSchema, localTimeSchema } from '../../domain/primitives.ts';
import type { PlanJobView } from '../../solving/jobs/plan-job-service.ts';
import type { PlanView } from '../../solving/plans/plan-service.ts';
import type { ActivityView, planByPatient, planByRoom, planByStaff } from '../services/plan-views.ts';
import type { ActivityMove } from '../../../solver/index.ts';
import { dayChangeBodySchema } from '../../solving/plans/plan-service.ts';
import { outreachPlanSchema } from './outreach-responses.ts';

const timestamp = z.string().describe('ISO 8601 instant');
const hhmm = localTimeSchema;

/** What a job's plan carries beside the plan itself. */
const jobPlanFields = {
  provisional: z.boolean().describe('true: the best found so far while the job runs; false: the plan it produced'),
  foundAt: timestamp,
};

export const planJobViewSchema = z.strictObject({
  id: idSchema,
  centreId: idSchema,
  date: localDateSchema,
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  request: z.strictObject({
    kind: z.literal('outreach').optional().describe("Absent: an ICC day's job; 'outreach': the care-home outreach day's"),
    patientIds: z.array(idSchema), timeLimitSec: z.number(), seed: z.int(),
    maxIterations: z.int().optional().describe("Outreach jobs: the search's iteration budget"),
  }),
  progress: z.strictObject({ phase: z.string(), fraction: z.number(), bestSoft: z.number(), bestHard: z.number(), iteration: z.int() }).nullable(),
  planId: idSchema.nullable().describe('Set when the job succeeded'),
  plan: z.union([
    dayPlanSchema.extend(jobPlanFields),
    outreachPlanSchema.extend(jobPlanFields).describe("An outreach job's plan (request.kind 'outreach')"),
  ]).nullable(),
  ownerId: z.string().nullable().describe('The runner that claimed the job'),
  leaseExpiresAt: timestamp.nullable().describe('While running: the owner holds the job until then'),
  planVersion: z.int().nullable(),
  planUrl: z.string().nullable().describe('Where to read the plan it produced'),
  error: z.strictObject({ code: z.string(), message: z.string(), details: z.unknown() }).nullable().describe('Set when the job failed (code interrupted: the service stopped while it ran, more often than a job is resumed)'),
  resumes: z.int().describe('How often another runner took the job over after the process running it stopped; it then went on from its best plan so far'),
  resumedAt: timestamp.nullable().describe('When it was last taken over'),
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const activityPlace = z.strictObject({ startMin: z.int(), staffId: z.string().optional(), roomId: z.string() });
const activityMoveSchema = z.strictObject({
  activityId: z.string(),
  patientId: z.string(),
  typeId: z.string(),
  kind: z.enum(['moved', 'unscheduled', 'removed', 'added']),
  from: activityPlace.optional(),
  to: activityPlace.optional(),
  message: z.string(),
});

/** How a plan version came about (`source.kind`). */
const planSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('job'), jobId: idSchema }),
  z.strictObject({ kind: z.literal('pin'), activityId: z.string() }),
  z.strictObject({ kind: z.literal('unpin'), activityId: z.string() }),
  z.strictObject({ kind: z.literal('move'), activityId: z.string(), from: planPinSchema, to: planPinSchema }),
  z.strictObject({ kind: z.literal('replan'), now: hhmm, changes: z.array(dayChangeBodySchema) }),
  z.strictObject({ kind: z.literal('publish'), fromVersion: z.int() }),
]);

export const planViewSchema = z.strictObject({
  id: idSchema,
  centreId: idSchema,
  date: localDateSchema,
  version: z.int().min(1).describe('Also the ETag; send it back as If-Match to edit'),
  status: z.enum(['draft', 'published']),
  pins: z.array(planPinSchema),
  source: planSourceSchema,
  plan: dayPlanSchema,
  createdAt: timestamp,
  moves: z.array(activityMoveSchema).optional().describe('After a replan: what moved'),
  strategy: z.enum(['displaced-only', 'affected-patients', 'whole-future']).optional(),
  notes: z.array(z.string()).optional(),
});

export const activityViewSchema = z.strictObject({
  activityId: z.string(),
  typeId: z.string(),
  typeName: z.string(),
  discipline: z.string().describe("The assessment type's discipline; 'meal' for the meal"),
  start: hhmm,
  end: hhmm,
  startMin: z.int(),
  endMin: z.int(),
  patientId: z.string(),
  patientRef: z.string(),
  patientInitials: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  roomId: z.string(),
  roomName: z.string(),
  groupId: z.string().nullable(),
  pinned: z.boolean(),
});

const patientDaySchema = z.strictObject({
  patientId: z.string(),
  ref: z.string(),
  initials: z.string(),
  arrival: hhmm.nullable(),
  departure: hhmm.nullable(),
  activities: z.array(activityViewSchema),
  unscheduled: z.array(z.strictObject({ typeId: z.string(), typeName: z.string(), reason: z.enum(unscheduledReasonCodes), message: z.string() })),
});
const staffDaySchema = z.strictObject({
  staffId: z.string(),
  name: z.string(),
  discipline: z.string(),
  shift: z.strictObject({ start: hhmm, end: hhmm }),
  breaks: z.array(z.strictObject({ start: hhmm, end: hhmm })),
  activities: z.array(activityViewSchema),
  mdt: z.strictObject({ start: hhmm, end: hhmm }).nullable().describe('null when they do not attend the MDT meeting'),
});
const roomDaySchema = z.strictObject({
  roomId: z.string(),
  name: z.string(),
  type: z.string(),
  capacity: z.int(),
  activities: z.array(activityViewSchema),
});

const viewHead = { date: localDateSchema, version: z.int().min(1), status: z.enum(['draft', 'published']) };
export const planByPatientSchema = z.strictObject({ ...viewHead, patients: z.array(patientDaySchema) });
export const planByStaffSchema = z.strictObject({ ...viewHead, staff: z.array(staffDaySchema) });
export const planByRoomSchema = z.strictObject({ ...viewHead, rooms: z.array(roomDaySchema) });

// Compile-time guard: each schema describes what the code returns.
type Infer<S extends z.ZodType> = z.infer<S>;
type Row<F extends (...args: never[]) => unknown[]> = ReturnType<F>[number];
const schemasMatchCode: [
  Exact<Infer<typeof planJobViewSchema>, PlanJobView>,
  Exact<Infer<typeof planJobViewSchema>['request'], PlanJob['request']>,
  Exact<Omit<Infer<typeof planViewSchema>, 'source'>, Omit<PlanView, 'source'>>,
  Exact<Infer<typeof activityMoveSchema>, ActivityMove>,
  Exact<Infer<typeof activityViewSchema>, ActivityView>,
  Exact<Infer<typeof patientDaySchema>, Row<typeof planByPatient>>,
  Exact<Infer<typeof staffDaySchema>, Row<typeof planByStaff>>,
  Exact<Infer<typeof roomDaySchema>, Row<typeof planByRoom>>,
] = [true, true, true, true, true, true, true, true];
void schemasMatchCode;
