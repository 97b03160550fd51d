import type { Violation } from '../../model/violation.ts';
import { clockText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import type { PlanFacts } from './plan-facts.ts';

/**
 * SPEC §3C.5: each patient is on site only within [earliestArrivalMin, latestDepartureMin],
 * arrives at least the check-in buffer before their first activity, is still on site at the
 * end of their last, and stays no longer than maxOnSiteMin.
 *
 * Arrival and departure are the itinerary's when it has one (the plan's statement of when the
 * patient is on site, e.g. from transport); otherwise the tightest the activities allow:
 * first start − check-in buffer, and the last end.
 */
export function checkPatientOnSiteWindow(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  const bufferMin = facts.problem.centre.checkInBufferMin;
  for (const patient of facts.problem.patients) {
    const mine = facts.activitiesOfPatient(patient.id);
    if (mine.length === 0) continue;
    const firstStartMin = Math.min(...mine.map((a) => a.startMin));
    const lastEndMin = Math.max(...mine.map((a) => a.endMin));
    const itinerary = (facts.plan.itineraries ?? []).find((i) => i.patientId === patient.id);
    const arrivalMin = itinerary?.arrivalMin ?? firstStartMin - bufferMin;
    const departureMin = itinerary?.departureMin ?? lastEndMin;
    const base = { patientId: patient.id, arrivalMin, departureMin, firstStartMin, lastEndMin };
    const add = (message: string, extra: Record<string, number | string>) =>
      violations.push(hardViolation('patientOnSiteWindow', message, { ...base, ...extra }));

    if (arrivalMin < patient.earliestArrivalMin) {
      add(
        `${facts.patientRef(patient.id)} must arrive by ${clockText(arrivalMin)} (check-in for ${clockText(firstStartMin)}), before their earliest arrival ${clockText(patient.earliestArrivalMin)}.`,
        { rule: 'earliest-arrival', earliestArrivalMin: patient.earliestArrivalMin },
      );
    }
    if (firstStartMin - arrivalMin < bufferMin) {
      add(
        `${facts.patientRef(patient.id)} arrives at ${clockText(arrivalMin)}, less than the ${bufferMin}-minute check-in before their first activity at ${clockText(firstStartMin)}.`,
        { rule: 'check-in-buffer', checkInBufferMin: bufferMin },
      );
    }
    if (departureMin > patient.latestDepartureMin) {
      add(
        `${facts.patientRef(patient.id)} leaves at ${clockText(departureMin)}, after their latest departure ${clockText(patient.latestDepartureMin)}.`,
        { rule: 'latest-departure', latestDepartureMin: patient.latestDepartureMin },
      );
    }
    if (lastEndMin > departureMin) {
      add(
        `${facts.patientRef(patient.id)}'s last activity ends at ${clockText(lastEndMin)}, after their planned departure ${clockText(departureMin)}.`,
        { rule: 'departure-before-last-activity' },
      );
    }
    const onSiteMin = departureMin - arrivalMin;
    if (onSiteMin > patient.maxOnSiteMin) {
      add(
        `${facts.patientRef(patient.id)} is on site ${onSiteMin} minutes (${clockText(arrivalMin)}–${clockText(departureMin)}); the maximum is ${patient.maxOnSiteMin}.`,
        { rule: 'max-on-site', onSiteMin, maxOnSiteMin: patient.maxOnSiteMin },
      );
    }
  }
  return violations;
}
