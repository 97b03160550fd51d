// What the care-home outreach routes return: an outreach plan version (the solver's
// OutreachPlan with the homes visited) and the outreach booking proposal and confirmation.
// The compile-time checks below tie each schema to the type the code returns.
import { z } from 'zod';
import type { Exact } from '../../domain/exact-type.ts';
import { planPinSchema } from '../../domain/plan.ts';
import { idSchema, localDateSchema, localTimeSchema } from '../../domain/primitives.ts';
import { referralStatuses } from '../../domain/referral.ts';
import type { OutreachPlan, OutreachProblem, OutreachVisitMove } from '../../../solver/index.ts';
import { outreachChangeBodySchema, type OutreachPlanView } from '../../solving/plans/outreach-plan-service.ts';
import type { OutreachBookingPlanView } from '../services/outreach-booking-service.ts';

const minute = z.number();
const window = z.strictObject({ startMin: minute, endMin: minute });

const visitSchema = z.strictObject({
  id: z.string().describe('<residentId>:<typeId>'),
  residentId: z.string(),
  typeId: z.string(),
  kind: z.enum(['assessment', 'diagnostic']),
  homeId: z.string(),
  startMin: minute,
  endMin: minute,
  staffId: z.string(),
  roomId: z.string().describe('A shared room (<homeId>:<key>) or own-room:<residentId>'),
  groupId: z.string().optional(),
  pinned: z.boolean().optional(),
});
const legSchema = z.strictObject({ fromId: z.string(), toId: z.string(), departMin: minute, arriveMin: minute, travelMin: minute });
const roundSchema = z.strictObject({
  staffId: z.string(),
  leaveCentreMin: minute,
  returnCentreMin: minute,
  stops: z.array(z.strictObject({ homeId: z.string(), arriveMin: minute, leaveMin: minute, visitIds: z.array(z.string()) })),
  legs: z.array(legSchema),
  travelMin: minute,
  waitMin: minute,
});
const itinerarySchema = z.strictObject({ residentId: z.string(), homeId: z.string(), visitIds: z.array(z.string()), firstStartMin: minute, lastEndMin: minute, waitMin: minute });
export const outreachReasonCodes = ['unknown-type', 'no-qualified-staff', 'no-shared-room', 'outside-visiting-hours', 'home-limit', 'staff-busy', 'room-busy', 'resident-busy', 'travel', 'shift', 'mdt', 'precedence', 'pin-conflict', 'replan-time'] as const;
const scoreSchema = z.strictObject({ hard: z.number(), soft: z.number(), unscheduledPenalty: z.number(), travelMin: z.number(), residentWaitMin: z.number(), staffWaitMin: z.number() });

export const outreachPlanSchema = z.strictObject({
  date: localDateSchema,
  visits: z.array(visitSchema),
  rounds: z.array(roundSchema).describe("Each staff member's drive: centre → homes → centre"),
  itineraries: z.array(itinerarySchema),
  homesVisited: z.array(z.string()),
  mdt: z.strictObject({ startMin: minute, endMin: minute, mode: z.enum(['return', 'remote']), attendeeStaffIds: z.array(z.string()) }),
  unscheduled: z.array(z.strictObject({ residentId: z.string(), typeId: z.string(), reason: z.enum(outreachReasonCodes), message: z.string() })),
  score: scoreSchema,
  bound: z.strictObject({ value: z.number(), method: z.string() }),
  gapPct: z.number(),
  stats: z.strictObject({ iterations: z.int(), improvements: z.int(), elapsedMs: z.number().optional(), timedOut: z.boolean(), seed: z.int() }),
});

const homeSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  address: z.string().optional(),
  postcode: z.string().optional(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  visitingHours: window,
  sharedRooms: z.array(z.strictObject({ id: z.string(), name: z.string(), capacity: z.int() })),
});

const place = z.strictObject({ startMin: minute, staffId: z.string(), homeId: z.string() });
const visitMoveSchema = z.strictObject({
  visitId: z.string(),
  residentId: z.string(),
  typeId: z.string(),
  kind: z.enum(['moved', 'unscheduled', 'removed', 'added']),
  from: place.optional(),
  to: place.optional(),
  message: z.string(),
});

const sourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('plan'), maxIterations: z.int(), seed: z.int(), timeLimitSec: z.number().optional() }),
  z.strictObject({ kind: z.literal('job'), jobId: idSchema, maxIterations: z.int(), seed: z.int(), timeLimitSec: z.number() }).describe('Planned by a plan job (POST …/plan-jobs with kind outreach)'),
  z.strictObject({ kind: z.literal('pin'), visitId: z.string() }),
  z.strictObject({ kind: z.literal('unpin'), visitId: z.string() }),
  z.strictObject({ kind: z.literal('move'), visitId: z.string(), from: planPinSchema, to: planPinSchema }),
  z.strictObject({ kind: z.literal('replan'), now: localTimeSchema, changes: z.array(outreachChangeBodySchema) }),
  z.strictObject({ kind: z.literal('publish'), fromVersion: z.int() }),
]);

export const outreachPlanViewSchema = z.strictObject({
  id: idSchema,
  centreId: idSchema,
  date: localDateSchema,
  version: z.int().min(1).describe('Also the ETag; send it back as If-Match to edit'),
  status: z.enum(['draft', 'published']),
  pins: z.array(planPinSchema).describe('patientId is the resident'),
  source: sourceSchema,
  plan: outreachPlanSchema,
  homes: z.array(homeSchema).describe('The care homes of the plan, with addresses'),
  createdAt: z.string().describe('ISO 8601 instant'),
  moves: z.array(visitMoveSchema).optional().describe('After a replan: what moved'),
  notes: z.array(z.string()).optional(),
});

const proposalSchema = z.strictObject({
  referralId: idSchema, patientId: idSchema, patientRef: z.string(), careHomeId: idSchema, outreachDate: localDateSchema, priority: z.number(), pinned: z.boolean().describe('Already booked: kept'),
});
export const outreachBookingPlanSchema = z.strictObject({
  from: localDateSchema,
  days: z.int(),
  proposals: z.array(proposalSchema),
  unbooked: z.array(z.strictObject({ referralId: idSchema, patientRef: z.string(), reason: z.enum(['no-outreach-day', 'unavailable', 'full', 'no-pre-visit']), message: z.string() })),
  outreachDays: z.array(z.strictObject({ date: localDateSchema, careHomeIds: z.array(idSchema), residents: z.int(), maxResidents: z.int() })),
});
export const outreachBookingConfirmationSchema = z.strictObject({
  confirmed: z.array(z.strictObject({ referralId: idSchema, status: z.enum(referralStatuses), outreachDate: localDateSchema })),
});

type Infer<S extends z.ZodType> = z.infer<S>;
const schemasMatchCode: [
  Exact<Omit<Infer<typeof outreachPlanViewSchema>, 'source'>, Omit<OutreachPlanView, 'source'>>,
  Exact<Infer<typeof outreachPlanSchema>, OutreachPlan>,
  Exact<Infer<typeof visitSchema>, OutreachPlan['visits'][number]>,
  Exact<Infer<typeof roundSchema>, OutreachPlan['rounds'][number]>,
  Exact<Infer<typeof homeSchema>, OutreachProblem['homes'][number]>,
  Exact<Infer<typeof visitMoveSchema>, OutreachVisitMove>,
  Exact<Infer<typeof outreachBookingPlanSchema>, OutreachBookingPlanView>,
] = [true, true, true, true, true, true, true];
void schemasMatchCode;
