// What the JSON lists return: the day's transport (run sheets, unserved and not-routed
// patients) for the whole day or one vehicle, and the support workers' rounds for the whole
// day or one worker. The CSV and printable HTML are renderings of the same lists.
import { z } from 'zod';
import type { Exact } from '../../domain/exact-type.ts';
import { idSchema, localDateSchema, localTimeSchema } from '../../domain/primitives.ts';
import type { RoundsView } from '../services/rounds-service.ts';
import type { RunView, StopPassengerView, StopView, TransportView } from '../services/transport-service.ts';
import { roundsListShape } from './pathway-responses.ts';

const passengerSchema = z.strictObject({
  patientId: z.string(),
  ref: z.string(),
  initials: z.string(),
  name: z.string().nullable().describe('Full name, for the driver at the door (transport and coordinators only; every read is audited)'),
  phone: z.string().nullable(),
  mobility: z.string(),
  carer: z.boolean().describe('A carer travels with them'),
  carerName: z.string().nullable(),
  carerPhone: z.string().nullable(),
  accessNotes: z.string().nullable().describe('Key safe, door code and the like; never in a calendar feed'),
  at: localTimeSchema.describe("This passenger's own boarding or alighting time"),
  atMin: z.int(),
});

const stopSchema = z.strictObject({
  order: z.int().min(1),
  arrive: localTimeSchema,
  depart: localTimeSchema,
  arriveMin: z.int(),
  departMin: z.int(),
  isCentre: z.boolean(),
  address: z.string(),
  boarding: z.array(passengerSchema),
  alighting: z.array(passengerSchema),
  onBoardAfter: z.strictObject({ seatsUsed: z.int(), wheelchairSpacesUsed: z.int(), carers: z.int() }),
});

const runSchema = z.strictObject({
  vehicleId: z.string(),
  vehicleName: z.string(),
  driverName: z.string().nullable(),
  kind: z.enum(['morning', 'afternoon']),
  leave: localTimeSchema.describe('When this run sets off: the depot in the morning, the centre (first passengers aboard) in the afternoon'),
  leaveMin: z.int(),
  finish: localTimeSchema,
  seats: z.int(),
  wheelchairSpaces: z.int(),
  distanceKm: z.number(),
  stops: z.array(stopSchema),
});

const transportShape = {
  centreId: idSchema,
  centreName: z.string(),
  date: localDateSchema,
  planVersion: z.int().min(1).describe('The day plan version the transport follows'),
  planStatus: z.enum(['draft', 'published']),
  source: z.enum(['stored', 'none']).describe("'stored': the transport stored with the plan version (planned with the itineraries, kept in step by every edit); 'none': the version has no transport (no runs)"),
  patientDays: z.array(z.strictObject({
    patientId: z.string(), ref: z.string(),
    arrivalMin: z.number(), departureMin: z.number(), arrive: localTimeSchema, leave: localTimeSchema,
    onSiteMin: z.number(), idleMin: z.number(),
    carried: z.strictObject({ morning: z.boolean(), afternoon: z.boolean() }),
  })).describe('Each patient at the centre from drop-off to pick-up (the check-in buffer before the first activity and the last end when not carried): time on site and idle time count from these'),
  runs: z.array(runSchema),
  unserved: z.array(z.strictObject({ patientId: z.string(), ref: z.string(), run: z.enum(['morning', 'afternoon']), reason: z.string(), message: z.string() })),
  notRouted: z.array(z.strictObject({ patientId: z.string(), ref: z.string(), reason: z.string() })).describe('Own means, no coordinates to route from, nothing planned, or no transport stored with the version'),
};

export const transportListSchema = z.strictObject(transportShape);
export const vehicleTransportListSchema = z.strictObject({ ...transportShape, vehicleId: idSchema });

export const roundsListSchema = z.strictObject(roundsListShape);
export const workerRoundsListSchema = z.strictObject({ ...roundsListShape, workerId: idSchema });

// Compile-time guard: each schema describes what the code returns.
type Infer<S extends z.ZodType> = z.infer<S>;
const schemasMatchCode: [
  Exact<Infer<typeof transportListSchema>, Omit<TransportView, 'problem' | 'plan'>>,
  Exact<Infer<typeof runSchema>, RunView>,
  Exact<Infer<typeof stopSchema>, StopView>,
  Exact<Infer<typeof passengerSchema>, StopPassengerView>,
  Exact<Infer<typeof roundsListSchema>, RoundsView>,
] = [true, true, true, true, true];
void schemasMatchCode;
