/**
 * The home-visit rounds problem and plan (solver/rounds/rounds-problem.ts) as zod schemas: the
 * pre-visit rounds route returns both beside its lists, and the OpenAPI document describes
 * them from here.
 */
import { z } from 'zod';
import type { HomeVisit, Round, RoundsPlan, RoundsProblem, RoundStop, RoundWorker, UnplannedVisit, TravelSource, TravelLocation } from '../../solver/index.ts';
import type { Exact } from './exact-type.ts';

const minute = z.int();
const window = z.strictObject({ startMin: minute, endMin: minute });

const travelLocationSchema = z.strictObject({ id: z.string(), lat: z.number().optional(), lon: z.number().optional() });
const travelSourceSchema = z.strictObject({
  roadFactor: z.number().optional(),
  speedKmh: z.number().optional(),
  wholeMinutes: z.boolean().optional(),
  matrix: z.strictObject({
    travelMin: z.array(z.array(z.number().nullable())),
    distanceKm: z.array(z.array(z.number().nullable())).optional(),
  }).optional(),
});

const roundWorkerSchema = z.strictObject({
  id: z.string(),
  name: z.string().optional(),
  baseLocationId: z.string(),
  endLocationId: z.string().optional(),
  shift: window,
  skills: z.array(z.string()).optional(),
});

const homeVisitSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['pre-visit', 'follow-up']),
  patientId: z.string(),
  patientRef: z.string().optional(),
  patientInitials: z.string().optional(),
  locationId: z.string(),
  address: z.string().optional(),
  durationMin: minute,
  window,
  requiredSkill: z.string().optional(),
  priority: z.number().optional(),
  notes: z.string().optional(),
});

export const roundsProblemSchema = z.strictObject({
  date: z.iso.date(),
  locations: z.array(travelLocationSchema),
  travel: travelSourceSchema.optional(),
  workers: z.array(roundWorkerSchema),
  visits: z.array(homeVisitSchema),
});

const roundStopSchema = z.strictObject({
  visitId: z.string(),
  patientId: z.string(),
  locationId: z.string(),
  arriveMin: minute,
  startMin: minute,
  endMin: minute,
  travelMinFromPrevious: z.number(),
});

const roundSchema = z.strictObject({
  workerId: z.string(),
  leaveMin: minute,
  returnMin: minute,
  stops: z.array(roundStopSchema),
  travelMin: z.number(),
  distanceKm: z.number(),
  visitMin: z.number(),
});

export const unplannedVisitReasons = ['no-qualified-worker', 'outside-every-shift', 'window-too-tight', 'no-capacity'] as const;

const unplannedVisitSchema = z.strictObject({
  visitId: z.string(),
  patientId: z.string(),
  reason: z.enum(unplannedVisitReasons),
  message: z.string(),
});

export const roundsPlanSchema = z.strictObject({
  date: z.iso.date(),
  rounds: z.array(roundSchema),
  unplanned: z.array(unplannedVisitSchema),
  totalTravelMin: z.number(),
  stats: z.strictObject({ iterations: z.int(), elapsedMs: z.number().optional(), timedOut: z.boolean(), seed: z.int() }),
});

// Compile-time guard: the schemas and the solver's contract describe the same documents.
type Infer<S extends z.ZodType> = z.infer<S>;
const schemaMatchesContract: [
  Exact<Infer<typeof roundsProblemSchema>, RoundsProblem>,
  Exact<Infer<typeof travelLocationSchema>, TravelLocation>,
  Exact<Infer<typeof travelSourceSchema>, TravelSource>,
  Exact<Infer<typeof roundWorkerSchema>, RoundWorker>,
  Exact<Infer<typeof homeVisitSchema>, HomeVisit>,
  Exact<Infer<typeof roundsPlanSchema>, RoundsPlan>,
  Exact<Infer<typeof roundSchema>, Round>,
  Exact<Infer<typeof roundStopSchema>, RoundStop>,
  Exact<Infer<typeof unplannedVisitSchema>, UnplannedVisit>,
] = [true, true, true, true, true, true, true, true, true];
void schemaMatchesContract;
