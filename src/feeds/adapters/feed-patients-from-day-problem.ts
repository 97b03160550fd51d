// The day problem already carries what the default (private) feeds need of each patient.
import type { DayProblem } from '../../../solver/index.ts';
import type { FeedPatient } from '../feed-types.ts';

/**
 * Initials and local reference of each patient in a day problem. Enough for clinical, room
 * and patient feeds while full details are off; transport and home-visit feeds, and the
 * opt-in to full details, need `feedPatientFromRecord` instead.
 */
export function feedPatientsFromDayProblem(problem: Pick<DayProblem, 'patients'>): FeedPatient[] {
  return problem.patients.map((p) => ({ id: p.id, initials: p.initials, ref: p.ref }));
}
