import type { PlannedActivity, Timetable } from '../../model/day-plan.ts';
import type { Violation } from '../../model/violation.ts';
import { hardViolation } from '../hard-violation.ts';
import type { PlanFacts } from './plan-facts.ts';

/**
 * Structure: the views agree with plan.activities — one itinerary per patient with activities
 * and one timetable per staff member and per room in use, each listing exactly that owner's
 * activity ids in start order — and plan.mdt matches the centre's MDT meeting.
 */
export function checkViewsAgree(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  const add = (message: string, justification: Record<string, string | number | string[]>) =>
    violations.push(hardViolation('viewsAgree', message, justification));
  const plan = facts.plan;

  const itineraryOwners = (plan.itineraries ?? []).map((i) => ({ ownerId: i.patientId, activityIds: i.activityIds }));
  compareView('itinerary', itineraryOwners, facts.problem.patients.map((p) => p.id), facts.activitiesOfPatient, add);
  compareView('staff timetable', plan.staffTimetables ?? [], facts.problem.staff.map((s) => s.id), facts.activitiesOfStaff, add);
  compareView('room timetable', plan.roomTimetables ?? [], facts.problem.rooms.map((r) => r.id), facts.activitiesOfRoom, add);

  const centreMdt = facts.problem.centre.mdt;
  const expectedEndMin = centreMdt.startMin + centreMdt.durationMin;
  if (!plan.mdt || plan.mdt.startMin !== centreMdt.startMin || plan.mdt.endMin !== expectedEndMin) {
    add(`The plan's MDT does not match the centre's MDT meeting.`, {
      planMdtStartMin: plan.mdt?.startMin ?? -1,
      planMdtEndMin: plan.mdt?.endMin ?? -1,
      mdtStartMin: centreMdt.startMin,
      mdtEndMin: expectedEndMin,
    });
  }
  return violations;
}

function compareView(
  view: string,
  entries: Timetable[],
  knownOwnerIds: string[],
  activitiesOf: (ownerId: string) => PlannedActivity[],
  add: (message: string, justification: Record<string, string | number | string[]>) => void,
): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!knownOwnerIds.includes(entry.ownerId)) {
      add(`There is a ${view} for unknown '${entry.ownerId}'.`, { view, ownerId: entry.ownerId });
      continue;
    }
    if (seen.has(entry.ownerId)) {
      add(`There are two ${view}s for '${entry.ownerId}'.`, { view, ownerId: entry.ownerId });
      continue;
    }
    seen.add(entry.ownerId);
    const activities = activitiesOf(entry.ownerId);
    const expectedIds = activities.map((a) => a.id);
    const missing = expectedIds.filter((id) => !entry.activityIds.includes(id));
    const extra = entry.activityIds.filter((id) => !expectedIds.includes(id));
    if (missing.length > 0 || extra.length > 0 || entry.activityIds.length !== expectedIds.length) {
      add(`The ${view} of '${entry.ownerId}' lists [${entry.activityIds.join(', ')}] but the plan has [${expectedIds.join(', ')}].`, {
        view,
        ownerId: entry.ownerId,
        missingIds: missing,
        extraIds: extra,
      });
      continue;
    }
    const startOf = new Map(activities.map((a) => [a.id, a.startMin]));
    const starts = entry.activityIds.map((id) => startOf.get(id)!);
    if (starts.some((s, k) => k > 0 && s < starts[k - 1]!)) {
      add(`The ${view} of '${entry.ownerId}' is not in start order.`, { view, ownerId: entry.ownerId, activityIds: entry.activityIds });
    }
  }
  for (const ownerId of knownOwnerIds) {
    if (!seen.has(ownerId) && activitiesOf(ownerId).length > 0) {
      add(`'${ownerId}' has activities but no ${view}.`, { view, ownerId });
    }
  }
}
