// What the booking routes return: a proposed booking of the horizon (proposals, the LP bound
// and gap, the unbooked with reasons) and the confirmed bookings.
import { z } from 'zod';
import type { Exact } from '../../domain/exact-type.ts';
import { idSchema, localDateSchema } from '../../domain/primitives.ts';
import { referralStatuses } from '../../domain/referral.ts';
import type { BookingProposal, bookingService } from '../services/booking-service.ts';

export const unbookedReasonCodes = [
  'no-open-day', 'unavailable-every-open-day', 'no-discipline-capacity', 'no-pre-visit-possible', 'no-capacity-in-window', 'no-pre-visit-capacity', 'solver-failed',
] as const;

const bookingProposalSchema = z.strictObject({
  referralId: idSchema,
  patientId: idSchema,
  patientRef: z.string(),
  preVisitDate: localDateSchema.nullable().describe('null when the pre-visit is already done and its date unknown'),
  iccDate: localDateSchema,
  waitDays: z.int(),
  pinned: z.boolean().describe('Already booked: kept where it is'),
  priority: z.number(),
  preVisitRecorded: z.boolean().describe('A pre-visit outcome is recorded, so the ICC day can be booked outright (else it is held)'),
});

export const bookingPlanResultSchema = z.strictObject({
  horizon: z.strictObject({ from: localDateSchema, to: localDateSchema, days: z.int() }),
  backend: z.string(),
  method: z.enum(['mip', 'lp-rounding', 'priority-greedy']),
  strategy: z.enum(['lp-fix', 'mip', 'by-week']),
  status: z.enum(['optimal', 'feasible']),
  objective: z.number(),
  bound: z.strictObject({ value: z.number().nullable(), lpRelaxation: z.number().nullable(), mipDual: z.number().nullable() }),
  gapPct: z.number().nullable(),
  maxWaitDays: z.number(),
  proposals: z.array(bookingProposalSchema),
  unbooked: z.array(z.strictObject({ referralId: idSchema, reason: z.enum(unbookedReasonCodes), message: z.string(), patientRef: z.string() })),
  closedDays: z.array(z.strictObject({ date: localDateSchema, reason: z.string() })),
  warnings: z.array(z.string()),
  stats: z.strictObject({ variables: z.int(), constraints: z.int(), elapsedMs: z.number().nullable(), messages: z.array(z.string()) }),
});

export const bookingConfirmResultSchema = z.strictObject({
  confirmed: z.array(z.strictObject({ referralId: idSchema, status: z.enum(referralStatuses), preVisitDate: localDateSchema.nullable(), iccDate: localDateSchema })),
});

// Compile-time guard: each schema describes what the code returns.
type Infer<S extends z.ZodType> = z.infer<S>;
type Returned<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
const schemasMatchCode: [
  Exact<Infer<typeof bookingProposalSchema>, BookingProposal>,
  Exact<Infer<typeof bookingPlanResultSchema>, Returned<typeof bookingService.plan>>,
  Exact<Infer<typeof bookingConfirmResultSchema>, Returned<typeof bookingService.confirm>>,
] = [true, true, true];
void schemasMatchCode;
