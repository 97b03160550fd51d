import { formatMinutes } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type PatientOnSiteWindowJustification = {
  patientId: string;
  /** 'arrives-too-early', 'leaves-too-late' or 'on-site-too-long'. */
  breach: string;
  /** Planned arrival: first activity start − check-in buffer. */
  arrivalMin: number;
  /** Planned departure: end of the last activity. */
  departureMin: number;
  earliestArrivalMin: number;
  latestDepartureMin: number;
  maxOnSiteMin: number;
  /** How far past the limit, in minutes. */
  excessMin: number;
};

/**
 * SPEC §3C.5: a patient arrives (first activity − check-in buffer) no earlier than their
 * earliest arrival, leaves (end of last activity) no later than their latest departure,
 * and stays no longer than their maximum time on site.
 */
export function patientOnSiteWindow(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const bufferMin = ctx.problem.centre.checkInBufferMin;
  for (const [patientId, activities] of ctx.byPatient) {
    const patient = ctx.patientById.get(patientId);
    if (!patient || activities.length === 0) continue;
    const arrivalMin = activities[0]!.startMin - bufferMin;
    let departureMin = -Infinity;
    for (const a of activities) departureMin = Math.max(departureMin, a.endMin);
    const base = {
      patientId, arrivalMin, departureMin, earliestArrivalMin: patient.earliestArrivalMin,
      latestDepartureMin: patient.latestDepartureMin, maxOnSiteMin: patient.maxOnSiteMin,
    };
    if (arrivalMin < patient.earliestArrivalMin) {
      violations.push(hardViolation<PatientOnSiteWindowJustification>('patientOnSiteWindow',
        `${patientRef(ctx, patientId)} would have to arrive at ${formatMinutes(arrivalMin)} (first activity ${formatMinutes(arrivalMin + bufferMin)} less ${bufferMin} min check-in) but can arrive from ${formatMinutes(patient.earliestArrivalMin)}`,
        { ...base, breach: 'arrives-too-early', excessMin: patient.earliestArrivalMin - arrivalMin }));
    }
    if (departureMin > patient.latestDepartureMin) {
      violations.push(hardViolation<PatientOnSiteWindowJustification>('patientOnSiteWindow',
        `${patientRef(ctx, patientId)} leaves at ${formatMinutes(departureMin)} but must leave by ${formatMinutes(patient.latestDepartureMin)}`,
        { ...base, breach: 'leaves-too-late', excessMin: departureMin - patient.latestDepartureMin }));
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
