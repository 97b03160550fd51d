// The booking horizon's capacity from the centre's rota (SPEC §3A): per day, whether the
// centre runs ICC days, patient places, clinical minutes per discipline from the shifts (the
// part of each shift patients can be seen in), and how many home pre-visits the support workers
// on shift can make.
import type { DayCapacity, DisciplineMinutes } from '../../../solver/index.ts';
import type { Centre } from '../../domain/centre.ts';
import { timeToMin } from '../../domain/primitives.ts';
import type { Shift } from '../../domain/shift.ts';
import type { StaffMember } from '../../domain/staff-member.ts';
import { addDays, isoWeekday } from '../../domain/local-date.ts';

export interface CapacityRules {
  /** Patients the centre takes on an open day. */
  patientPlacesPerDay: number;
  /** Pre-visits one support worker makes in a shift. */
  preVisitsPerSupportWorker: number;
  /** The staff discipline that makes pre-visits. */
  supportWorkerDiscipline: string;
}

/** Working minutes of a shift: end − start − breaks. */
export function shiftMinutes(shift: Pick<Shift, 'start' | 'end' | 'breaks'>): number {
  const breaks = shift.breaks.reduce((sum, b) => sum + timeToMin(b.end) - timeToMin(b.start), 0);
  return timeToMin(shift.end) - timeToMin(shift.start) - breaks;
}

/**
 * Minutes of a shift a clinician can spend with patients: inside the centre's opening hours, and
 * for an MDT member before the MDT starts (the patients' reviews all come before it), less the
 * breaks in that window. A geriatrician's 08:30–17:00 shift is not 8.5 hours of reviews.
 */
export function patientFacingMinutes(shift: Pick<Shift, 'start' | 'end' | 'breaks'>, centre: Pick<Centre, 'openingHours' | 'mdt'>, member: Pick<StaffMember, 'mdtMember'>): number {
  const fromMin = Math.max(timeToMin(shift.start), timeToMin(centre.openingHours.start));
  const toMin = Math.min(timeToMin(shift.end), member.mdtMember ? timeToMin(centre.mdt.start) : timeToMin(centre.openingHours.end));
  const overlap = (start: number, end: number) => Math.max(0, Math.min(end, toMin) - Math.max(start, fromMin));
  return Math.max(0, toMin - fromMin) - shift.breaks.reduce((sum, b) => sum + overlap(timeToMin(b.start), timeToMin(b.end)), 0);
}

/** Why the centre runs no ICC day on `date`, or null when it does. */
export function closedReason(centre: Centre, date: string): string | null {
  if (centre.closedDates.includes(date)) return `centre closed on ${date} (closedDates: bank holiday or closure)`;
  if (!centre.openWeekdays.includes(isoWeekday(date))) return `no ICC days on ISO weekday ${isoWeekday(date)}`;
  return null;
}

/** One DayCapacity per day from `from`, `days` long (index i = from + i). */
export function bookingCapacity(centre: Centre, staff: StaffMember[], shifts: Shift[], from: string, days: number, rules: CapacityRules): DayCapacity[] {
  const staffById = new Map(staff.filter((s) => s.active).map((s) => [s.id, s]));
  const byDate = new Map<string, Shift[]>();
  for (const shift of shifts) byDate.set(shift.date, [...(byDate.get(shift.date) ?? []), shift]);
  return Array.from({ length: days }, (_, d) => {
    const date = addDays(from, d);
    const why = closedReason(centre, date);
    const disciplineMinutes: DisciplineMinutes = {};
    let supportWorkers = 0;
    for (const shift of byDate.get(date) ?? []) {
      const member = staffById.get(shift.staffId);
      if (!member) continue;
      if (member.discipline === rules.supportWorkerDiscipline) supportWorkers++;
      else disciplineMinutes[member.discipline] = (disciplineMinutes[member.discipline] ?? 0) + patientFacingMinutes(shift, centre, member);
    }
    return {
      open: why === null,
      ...(why === null ? {} : { closedReason: why }),
      patientPlaces: why === null ? rules.patientPlacesPerDay : 0,
      disciplineMinutes: why === null ? disciplineMinutes : {},
      preVisitSlots: supportWorkers * rules.preVisitsPerSupportWorker,
    };
  });
}
