// The API's replies and request bodies as the screen sees them: every type here is inferred
// from the zod schemas the service validates with and documents in OpenAPI (type-only imports,
// so nothing of the server is bundled). A renamed field breaks `npm run typecheck`, not the page.
import type { z } from 'zod';
import type { principalSchema, issuedFeedTokenReplySchema } from '../../api/responses/access-responses.ts';
import type { bookingConfirmResultSchema, bookingPlanResultSchema } from '../../api/responses/booking-responses.ts';
import type { transportListSchema } from '../../api/responses/list-responses.ts';
import type { outreachBookingConfirmationSchema, outreachBookingPlanSchema, outreachPlanViewSchema } from '../../api/responses/outreach-responses.ts';
import type { outreachBookingConfirmRequestSchema, outreachBookingPlanRequestSchema } from '../../api/services/outreach-booking-service.ts';
import type { pathwayViewSchema, preVisitRecordSchema } from '../../api/responses/pathway-responses.ts';
import type {
  activityViewSchema, planByPatientSchema, planByRoomSchema, planByStaffSchema, planJobViewSchema, planViewSchema,
} from '../../api/responses/plan-responses.ts';
import type { bookingConfirmRequestSchema, bookingPlanRequestSchema } from '../../api/services/booking-service.ts';
import type { planJobRequestSchema } from '../../solving/jobs/plan-job-service.ts';
import type { outreachChangeBodySchema, outreachMoveBodySchema, outreachReplanBodySchema } from '../../solving/plans/outreach-plan-service.ts';
import type { dayChangeBodySchema, moveBodySchema, replanBodySchema } from '../../solving/plans/plan-service.ts';
import type { ErrorBody } from '../../errors/error-body.ts';
import type { AssessmentType } from '../../domain/assessment-type.ts';
import type { CareHome } from '../../domain/care-home.ts';
import type { Centre } from '../../domain/centre.ts';
import type { OutreachDay, OutreachDayInput } from '../../domain/outreach.ts';
import type { Shift } from '../../domain/shift.ts';
import type { Patient } from '../../domain/patient.ts';
import type { PreVisitInput } from '../../domain/pre-visit.ts';
import type { Referral, ReferralStatus } from '../../domain/referral.ts';
import type { Room } from '../../domain/room.ts';
import type { StaffMember } from '../../domain/staff-member.ts';
import type { Vehicle } from '../../domain/vehicle.ts';

/** JSON turns Dates into strings; the stored records' timestamps arrive as text. */
type Json<T> = T extends Date ? string : T extends Array<infer U> ? Array<Json<U>> : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

export type Principal = z.infer<typeof principalSchema>;
export type IssuedFeedToken = z.infer<typeof issuedFeedTokenReplySchema>;
export type PlanView = z.infer<typeof planViewSchema>;
export type DayPlan = PlanView['plan'];
export type PlanJobView = z.infer<typeof planJobViewSchema>;
export type ActivityView = z.infer<typeof activityViewSchema>;
export type PlanByStaff = z.infer<typeof planByStaffSchema>;
export type PlanByRoom = z.infer<typeof planByRoomSchema>;
export type PlanByPatient = z.infer<typeof planByPatientSchema>;
export type PlanJobRequest = z.input<typeof planJobRequestSchema>;
export type MoveRequest = z.input<typeof moveBodySchema>;
export type ReplanRequest = z.input<typeof replanBodySchema>;
export type DayChange = z.input<typeof dayChangeBodySchema>;
export type TransportList = z.infer<typeof transportListSchema>;
export type PathwayView = z.infer<typeof pathwayViewSchema>;
export type PreVisitRecord = z.infer<typeof preVisitRecordSchema>;
export type OutreachPlanView = z.infer<typeof outreachPlanViewSchema>;
export type OutreachMoveRequest = z.input<typeof outreachMoveBodySchema>;
export type OutreachReplanRequest = z.input<typeof outreachReplanBodySchema>;
export type OutreachChange = z.input<typeof outreachChangeBodySchema>;
export type OutreachPlan = OutreachPlanView['plan'];
export type OutreachBookingPlanRequest = z.input<typeof outreachBookingPlanRequestSchema>;
export type OutreachBookingPlan = z.infer<typeof outreachBookingPlanSchema>;
export type OutreachBookingConfirmRequest = z.input<typeof outreachBookingConfirmRequestSchema>;
export type OutreachBookingConfirmation = z.infer<typeof outreachBookingConfirmationSchema>;
export type BookingPlanRequest = z.input<typeof bookingPlanRequestSchema>;
export type BookingPlan = z.infer<typeof bookingPlanResultSchema>;
export type BookingConfirmRequest = z.input<typeof bookingConfirmRequestSchema>;
export type BookingConfirmation = z.infer<typeof bookingConfirmResultSchema>;
export type ApiErrorBody = ErrorBody;
export type StaffRecord = Json<StaffMember>;
export type RoomRecord = Json<Room>;
export type AssessmentTypeRecord = Json<AssessmentType>;
export type PatientRecord = Json<Patient>;
export type ReferralRecord = Json<Referral>;
export type VehicleRecord = Json<Vehicle>;
export type CentreRecord = Json<Centre>;
export type CareHomeRecord = Json<CareHome>;
export type ShiftRecord = Json<Shift>;
export type OutreachDayRecord = Json<OutreachDay>;
export type OutreachDayRequest = OutreachDayInput;
export type PreVisitBody = PreVisitInput;
export type { ReferralStatus };
