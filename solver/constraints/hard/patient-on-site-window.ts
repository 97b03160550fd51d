import { formatMinutes } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { onSiteSpan, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type PatientOnSiteWindowJustification = {
  patientId: string;
  /** 'arrives-too-early', 'leaves-too-late', 'on-site-too-long', 'check-in-too-short' or 'leaves-before-last-activity'. */
  breach: string;
  /** Planned arrival: the itinerary's, else first activity start − check-in buffer. */
  arrivalMin: number;
  /** Planned departure: the itinerary's, else the end of the last activity. */
  departureMin: number;
  earliestArrivalMin: number;
  latestDepartureMin: number;
  maxOnSiteMin: number;
  /** How far past the limit, in minutes. */
  excessMin: number;
};

/**
 * SPEC §3C.5: a patient arrives no earlier than their earliest arrival, at least the
 * check-in buffer before their first activity, leaves no later than their latest departure
 * and not before their last activity ends, and stays no longer than their maximum time on
 * site. Arrival and departure are the itinerary's when the plan gives one (onSiteSpan).
 */
export function patientOnSiteWindow(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const bufferMin = ctx.problem.centre.checkInBufferMin;
  for (const [patientId, activities] of ctx.byPatient) {
    const patient = ctx.patientById.get(patientId);
    if (!patient || activities.length === 0) continue;
    const { arrivalMin, departureMin } = onSiteSpan(ctx, patientId, activities);
    const firstStartMin = activities[0]!.startMin;
    let lastEndMin = -Infinity;
    for (const a of activities) lastEndMin = Math.max(lastEndMin, a.endMin);
    const base = {
      patientId, arrivalMin, departureMin, earliestArrivalMin: patient.earliestArrivalMin,
      latestDepartureMin: patient.latestDepartureMin, maxOnSiteMin: patient.maxOnSiteMin,
    };
    if (arrivalMin < patient.earliestArrivalMin) {
      violations.push(hardViolation<PatientOnSiteWindowJustification>('patientOnSiteWindow',
        `${patientRef(ctx, patientId)} would have to arrive at ${formatMinutes(arrivalMin)} (first activity ${formatMinutes(firstStartMin)} less ${bufferMin} min check-in) but can arrive from ${formatMinutes(patient.earliestArrivalMin)}`,
        { ...base, breach: 'arrives-too-early', excessMin: patient.earliestArrivalMin - arrivalMin }));
    }
    if (departureMin > patient.latestDepartureMin) {
      violations.push(hardViolation<PatientOnSiteWindowJustification>('patientOnSiteWindow',
        `${patientRef(ctx, patientId)} leaves at ${formatMinutes(departureMin)} but must leave by ${formatMinutes(patient.latestDepartureMin)}`,
        { ...base, breach: 'leaves-too-late', excessMin: departureMin - patient.latestDepartureMin }));
    }
    if (firstStartMin - arrivalMin < bufferMin) {
      violations.push(hardViolation<PatientOnSiteWindowJustification>('patientOnSiteWindow',
        `${patientRef(ctx, patientId)} arrives at ${formatMinutes(arrivalMin)}, less than the ${bufferMin}-min check-in before their first activity at ${formatMinutes(firstStartMin)}`,
        { ...base, breach: 'check-in-too-short', excessMin: bufferMin - (firstStartMin - arrivalMin) }));
    }
    if (lastEndMin > departureMin) {
      violations.push(hardViolation<PatientOnSiteWindowJustification>('patientOnSiteWindow',
        `${patientRef(ctx, patientId)}'s last activity ends at ${formatMinutes(lastEndMin)}, after their planned departure at ${formatMinutes(departureMin)}`,
        { ...base, breach: 'leaves-before-last-activity', excessMin: lastEndMin - departureMin }));
    }
    const onSiteMin = departureMin - arrivalMin;
    if (onSiteMin > patient.maxOnSiteMin) {
      violations.push(hardViolation<PatientOnSiteWindowJustification>('patientOnSiteWindow',
        `${patientRef(ctx, patientId)} is on site ${onSiteMin} min (${formatMinutes(arrivalMin)}–${formatMinutes(departureMin)}), more than the ${patient.maxOnSiteMin} min allowed`,
        { ...base, breach: 'on-site-too-long', excessMin: onSiteMin - patient.maxOnSiteMin }));
    }
  }
  return violations;
}
