/**
 * The day plan document (the planner's answer, solver/model/day-plan.ts) as a zod schema: what
 * the plan routes return inside `plan`, described in the OpenAPI document from here.
 */
import { z } from 'zod';
import type { ConstraintScore, DayPlan, Itinerary, PlanBound, PlannedActivity, PlanScore, PlanStats, Timetable, UnscheduledAssessment, Violation } from '../../solver/index.ts';
import type { Exact } from './exact-type.ts';

const minute = z.int();
const id = z.string().min(1);

export const plannedActivitySchema = z.strictObject({
  id: id.describe('`${patientId}:${typeId}`'),
  patientId: id,
  typeId: id.describe("An assessment type id, or 'meal'"),
  kind: z.enum(['assessment', 'diagnostic', 'meal']),
  startMin: minute,
  endMin: minute,
  staffId: id.optional().describe('Absent for the meal'),
  roomId: id,
  groupId: id.optional(),
  pinned: z.boolean().optional(),
});

export const unscheduledReasonCodes = [
  'no-qualified-staff', 'no-staff-free', 'no-room', 'no-room-free', 'window-too-tight', 'precedence-infeasible', 'after-mdt', 'pin-conflict', 'unknown-type',
] as const;

const unscheduledAssessmentSchema = z.strictObject({
  patientId: id,
  typeId: id,
  reason: z.enum(unscheduledReasonCodes),
  message: z.string(),
});

const itinerarySchema = z.strictObject({ patientId: id, arrivalMin: minute, departureMin: minute, activityIds: z.array(id) });
const timetableSchema = z.strictObject({ ownerId: id, activityIds: z.array(id) });

export const violationSchema = z.strictObject({
  constraint: z.string(),
  level: z.enum(['hard', 'soft']),
  penalty: z.number(),
  message: z.string(),
  justification: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional()),
});

const constraintScoreSchema = z.strictObject({
  constraint: z.string(),
  level: z.enum(['hard', 'soft']),
  penalty: z.number(),
  count: z.int(),
  violations: z.array(violationSchema),
});

const planScoreSchema = z.strictObject({ hard: z.int(), soft: z.number(), byConstraint: z.array(constraintScoreSchema) });
const planBoundSchema = z.strictObject({ value: z.number(), method: z.string() });
const planStatsSchema = z.strictObject({
  iterations: z.int(),
  improvements: z.int(),
  elapsedMs: z.number().optional(),
  timedOut: z.boolean(),
  seed: z.int(),
  method: z.string().optional(),
});

export const dayPlanSchema = z.strictObject({
  date: z.iso.date(),
  activities: z.array(plannedActivitySchema).describe('The source of truth; the itineraries and timetables are views of it'),
  itineraries: z.array(itinerarySchema),
  staffTimetables: z.array(timetableSchema),
  roomTimetables: z.array(timetableSchema),
  mdt: z.strictObject({ startMin: minute, endMin: minute, attendeeStaffIds: z.array(id) }),
  unscheduled: z.array(unscheduledAssessmentSchema),
  score: planScoreSchema,
  bound: planBoundSchema,
  gapPct: z.number(),
  stats: planStatsSchema,
});

// Compile-time guard: the schema and the solver's contract describe the same document.
type Infer<S extends z.ZodType> = z.infer<S>;
const schemaMatchesContract: [
  Exact<Infer<typeof dayPlanSchema>, DayPlan>,
  Exact<Infer<typeof plannedActivitySchema>, PlannedActivity>,
  Exact<Infer<typeof unscheduledAssessmentSchema>, UnscheduledAssessment>,
  Exact<Infer<typeof itinerarySchema>, Itinerary>,
  Exact<Infer<typeof timetableSchema>, Timetable>,
  Exact<Infer<typeof violationSchema>, Violation>,
  Exact<Infer<typeof constraintScoreSchema>, ConstraintScore>,
  Exact<Infer<typeof planScoreSchema>, PlanScore>,
  Exact<Infer<typeof planBoundSchema>, PlanBound>,
  Exact<Infer<typeof planStatsSchema>, PlanStats>,
] = [true, true, true, true, true, true, true, true, true, true];
void schemaMatchesContract;
