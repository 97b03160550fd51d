// Which clinician takes each follow-up, on which day (SPEC §3E): earliest deadline first,
// inside the follow-up's window, within the team's free minutes per day, preferring a
// clinician the patient already saw (continuity). Pure: the service loads and stores.
import type { FollowUp } from '../../domain/referral-pathway.ts';
import { addDays } from '../../domain/local-date.ts';

export interface StaffDay {
  staffId: string;
  discipline: string;
  date: string;
  shiftStartMin: number;
  shiftEndMin: number;
  /** Working minutes not yet given to follow-ups. */
  freeMin: number;
}

export interface FollowUpAssignment {
  followUpId: string;
  date: string;
  staffId: string;
  continuity: boolean;
}

export interface FollowUpRefusal {
  followUpId: string;
  reason: 'no-team-on-shift' | 'no-capacity-in-window';
  message: string;
}

/** Minutes a home visit takes from a shift beyond the visit itself (travel), before routing refines it. */
export const HOME_VISIT_TRAVEL_ALLOWANCE_MIN = 30;

export function minutesNeeded(followUp: Pick<FollowUp, 'mode' | 'durationMin'>): number {
  return followUp.durationMin + (followUp.mode === 'home-visit' ? HOME_VISIT_TRAVEL_ALLOWANCE_MIN : 0);
}

/**
 * Assigns in order of latest date, then patients with a familiar clinician, then earliest date. `staffDays` is not changed: the
 * capacity left is returned as `remaining`. `seenBy` lists, per patient, the clinicians who
 * already saw them; `excludedDates` per follow-up, days already tried (e.g. routing failed).
 */
export function assignFollowUps(requests: FollowUp[], staffDays: StaffDay[], seenBy: Map<string, Set<string>>, excludedDates: Map<string, Set<string>> = new Map()) {
  const free = staffDays.map((d) => ({ ...d }));
  const byDate = new Map<string, typeof free>();
  for (const d of free) byDate.set(d.date, [...(byDate.get(d.date) ?? []), d]);
  // Among equal deadlines, patients with a familiar clinician choose first, so others do not take that clinician's time.
  const familiarFirst = (f: FollowUp) => ((seenBy.get(f.patientId)?.size ?? 0) > 0 ? 0 : 1);
  const ordered = [...requests].sort((a, b) => a.latestDate.localeCompare(b.latestDate) || familiarFirst(a) - familiarFirst(b)
    || a.earliestDate.localeCompare(b.earliestDate) || a.id.localeCompare(b.id));
  const assigned: FollowUpAssignment[] = [];
  const refused: FollowUpRefusal[] = [];
  for (const request of ordered) {
    const need = minutesNeeded(request);
    const seen = seenBy.get(request.patientId) ?? new Set<string>();
    let onShift = 0;
    let first: StaffDay | undefined;
    let familiar: StaffDay | undefined;
    for (let date = request.earliestDate; date <= request.latestDate && !familiar; date = addDays(date, 1)) {
      if (excludedDates.get(request.id)?.has(date)) continue;
      const team = (byDate.get(date) ?? []).filter((d) => d.discipline === request.discipline);
      onShift += team.length;
      const fits = team.filter((d) => d.freeMin >= need).sort((a, b) => b.freeMin - a.freeMin || a.staffId.localeCompare(b.staffId));
      first ??= fits[0];
      familiar = fits.find((d) => seen.has(d.staffId));
    }
    const chosen = familiar ?? first;
    if (!chosen) {
      const window = `${request.earliestDate}–${request.latestDate}`;
      refused.push(onShift === 0
        ? { followUpId: request.id, reason: 'no-team-on-shift', message: `no ${request.discipline} on the rota ${window} for this ${request.typeCode}` }
        : { followUpId: request.id, reason: 'no-capacity-in-window', message: `the ${request.discipline} team has no ${need} free minutes on any day ${window}` });
      continue;
    }
    chosen.freeMin -= need;
    assigned.push({ followUpId: request.id, date: chosen.date, staffId: chosen.staffId, continuity: seen.has(chosen.staffId) });
  }
  return { assigned, refused, remaining: free };
}
