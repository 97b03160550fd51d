/**
 * Changes on the day that make a published plan out of date (SPEC §2: cancellation,
 * staff sickness, late transport, an overrunning assessment; and a staff member arriving late). Times are minutes from
 * local midnight, like everything in the solver.
 */
import type { DayPatient } from '../model/day-problem.ts';

export type DayChange =
  | { kind: 'patient-cancelled'; patientId: string }
  | { kind: 'patient-late'; patientId: string; arrivalMin: number }
  /** Someone fitted in on the day (an urgent referral): planned around everyone else where possible. */
  | { kind: 'patient-added'; patient: DayPatient }
  | { kind: 'staff-off-sick'; staffId: string; fromMin: number }
  /** A staff member arrives late (held up, a clinic that ran over): available from `fromMin`. */
  | { kind: 'staff-late'; staffId: string; fromMin: number }
  | { kind: 'assessment-overran'; patientId: string; typeId: string; endMin: number }
  /** A clinician asks for one more assessment or diagnostic for a patient today (an X-ray after the ANP's assessment, say). */
  | { kind: 'assessment-added'; patientId: string; typeId: string }
  /** An assessment is no longer needed today (the patient declines it, or it was done elsewhere). */
  | { kind: 'assessment-removed'; patientId: string; typeId: string };

/** How one activity of the published plan fared in the new plan. */
export interface ActivityMove {
  activityId: string;
  patientId: string;
  typeId: string;
  /** moved: new time, staff or room; unscheduled: it was placed and now is not; removed: its patient cancelled or it is no longer needed; added: newly placed. */
  kind: 'moved' | 'unscheduled' | 'removed' | 'added';
  from?: { startMin: number; staffId?: string; roomId: string };
  to?: { startMin: number; staffId?: string; roomId: string };
  /** A sentence for the coordinator. */
  message: string;
}
