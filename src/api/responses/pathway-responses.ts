// What the referral pathway routes return: the pathway view (status, what may follow, held
// dates, history), the pre-visit outcome, the MDT outcome with its follow-ups, the follow-up
// types and a follow-up booking run, and the support workers' pre-visit rounds.
import { z } from 'zod';
import type { Exact } from '../../domain/exact-type.ts';
import { preVisitCreateSchema, type PreVisit } from '../../domain/pre-visit.ts';
import { idSchema, localDateSchema, localTimeSchema } from '../../domain/primitives.ts';
import { followUpModes, followUpStatuses, followUpTypeSchema, type FollowUp, type MdtOutcome } from '../../domain/referral-pathway.ts';
import { referralStatusChangeSchema, referralStatuses } from '../../domain/referral.ts';
import { roundsPlanSchema, roundsProblemSchema } from '../../domain/rounds-schema.ts';
import type { followUpService } from '../services/follow-up-service.ts';
import type { PathwayView } from '../services/pathway-service.ts';
import type { PreVisitRoundsView } from '../services/pre-visit-rounds-service.ts';
import { storedRecordSchema } from './stored-record.ts';

const timestamp = z.string().describe('ISO 8601 instant');

export const preVisitRecordSchema = storedRecordSchema(preVisitCreateSchema, { referralId: idSchema });

export const pathwayViewSchema = z.strictObject({
  referralId: idSchema,
  status: z.enum(referralStatuses),
  allowedNext: z.array(z.enum(referralStatuses)).readonly().describe('The statuses the referral may move to next (empty once the pathway has ended)'),
  booking: z.strictObject({ preVisitDate: localDateSchema.nullable(), iccDate: localDateSchema.nullable(), outreachDate: localDateSchema.nullable().describe("A care-home resident's outreach day") }).describe('The dates the referral holds'),
  statusHistory: z.array(referralStatusChangeSchema),
});

export const followUpSchema = z.strictObject({
  id: idSchema,
  centreId: idSchema,
  referralId: idSchema,
  patientId: idSchema,
  typeCode: z.string(),
  mode: z.enum(followUpModes),
  discipline: z.string(),
  durationMin: z.int(),
  earliestDate: localDateSchema,
  latestDate: localDateSchema,
  status: z.enum(followUpStatuses),
  bookedDate: localDateSchema.nullable(),
  staffId: idSchema.nullable(),
  startMin: z.int().nullable().describe('Minutes from midnight; set for routed home visits'),
  continuity: z.boolean().describe('The clinician already saw the patient'),
  unbookedReason: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const mdtOutcomeRecordSchema = z.strictObject({
  id: idSchema,
  referralId: idSchema,
  carePlan: z.string(),
  sharedWith: z.array(z.string()),
  recordedBy: z.string().nullable(),
  recordedAt: timestamp,
});

export const mdtOutcomeViewSchema = z.strictObject({ outcome: mdtOutcomeRecordSchema, followUps: z.array(followUpSchema) });

export const followUpTypesViewSchema = z.strictObject({
  source: z.enum(['centre', 'default']).describe("'default' until the centre sets its own types"),
  types: z.array(followUpTypeSchema),
});

export const followUpPlanResultSchema = z.strictObject({
  booked: z.array(followUpSchema),
  unbooked: z.array(followUpSchema.extend({ reason: z.string() })),
  rounds: z.array(z.strictObject({
    date: localDateSchema,
    staffId: idSchema,
    stops: z.array(z.strictObject({ followUpId: idSchema, patientRef: z.string(), start: localTimeSchema, end: localTimeSchema })),
  })).describe('The home visits, routed per clinician and day'),
});

const preVisitStopSchema = z.strictObject({
  visitId: z.string(),
  referralId: idSchema,
  patientId: idSchema,
  patientRef: z.string(),
  patientInitials: z.string(),
  patientName: z.string().describe('The support worker goes into the home: name, phone and address (each read is audited)'),
  phone: z.string().nullable(),
  carerName: z.string().nullable(),
  carerPhone: z.string().nullable(),
  accessNotes: z.string().nullable().describe('Key safe, door code and the like; never in a calendar feed'),
  address: z.string().describe('Address lines and postcode, on one line'),
  postcode: z.string(),
  arrive: localTimeSchema,
  start: localTimeSchema,
  end: localTimeSchema,
  travelMinFromPrevious: z.number(),
});

/** The rounds as the lists show them (the pre-visit rounds route adds the solver's problem and plan). */
export const roundsListShape = {
  date: localDateSchema,
  rounds: z.array(z.strictObject({
    workerId: idSchema,
    workerName: z.string(),
    leave: localTimeSchema,
    return: localTimeSchema,
    travelMin: z.number(),
    distanceKm: z.number(),
    visitMin: z.number(),
    stops: z.array(preVisitStopSchema),
  })),
  unplanned: z.array(z.strictObject({ visitId: z.string(), referralId: idSchema, patientRef: z.string(), reason: z.string(), message: z.string() })),
  totalTravelMin: z.number(),
};

export const preVisitRoundsViewSchema = z.strictObject({
  ...roundsListShape,
  problem: roundsProblemSchema.describe('What the router was given (minutes from midnight)'),
  plan: roundsPlanSchema.describe("The router's answer"),
});

// Compile-time guard: each schema describes what the code returns.
type Infer<S extends z.ZodType> = z.infer<S>;
type Returned<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
const schemasMatchCode: [
  Exact<Infer<typeof preVisitRecordSchema>, PreVisit>,
  Exact<Infer<typeof pathwayViewSchema>, PathwayView>,
  Exact<Infer<typeof followUpSchema>, FollowUp>,
  Exact<Infer<typeof mdtOutcomeRecordSchema>, MdtOutcome>,
  Exact<Infer<typeof mdtOutcomeViewSchema>, Returned<typeof followUpService.getMdtOutcome>>,
  Exact<Infer<typeof followUpTypesViewSchema>, Returned<typeof followUpService.types>>,
  Exact<Infer<typeof followUpPlanResultSchema>, Returned<typeof followUpService.plan>>,
  Exact<Infer<typeof preVisitRoundsViewSchema>, PreVisitRoundsView>,
  Exact<Infer<typeof preVisitStopSchema>, PreVisitRoundsView['rounds'][number]['stops'][number]>,
] = [true, true, true, true, true, true, true, true, true];
void schemasMatchCode;
