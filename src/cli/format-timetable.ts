/**
 * The day plan as readable text: by patient, by staff member, the MDT and what could not
 * be placed (with reasons). Patients appear by initials and local reference only.
 */
import { type DayPlan, type DayProblem, type PlannedActivity, formatMinutes } from '../../solver/index.ts';

export function formatTimetable(problem: DayProblem, plan: DayPlan): string {
  const typeName = new Map(problem.assessmentTypes.map((t) => [t.id, t.name]));
  typeName.set('meal', 'Meal');
  const staffById = new Map(problem.staff.map((s) => [s.id, s]));
  const roomName = new Map(problem.rooms.map((r) => [r.id, r.name]));
  const patientById = new Map(problem.patients.map((p) => [p.id, p]));
  const activityById = new Map(plan.activities.map((a) => [a.id, a]));
  const patientLabel = (id: string): string => {
    const p = patientById.get(id);
    return p ? `${p.initials} (${p.ref})` : id;
  };
  const required = problem.patients.reduce((n, p) => n + p.required.length, 0);
  const placed = required - plan.unscheduled.length;

  const lines: string[] = [
    `ICC day plan — ${plan.date} — ${problem.centre.name}`,
    `Assessments placed: ${placed}/${required}.  Hard violations: ${plan.score.hard}.  ` +
      `Soft score: ${round(plan.score.soft)} (lower bound ${round(plan.bound.value)}, gap ${round(plan.gapPct)}%).`,
    '',
    'BY PATIENT',
  ];
  for (const itinerary of plan.itineraries) {
    lines.push(`${patientLabel(itinerary.patientId)}  arrives ${formatMinutes(itinerary.arrivalMin)}, leaves ${formatMinutes(itinerary.departureMin)}`);
    for (const activity of sortedActivities(itinerary.activityIds, activityById)) {
      const who = activity.staffId ? staffById.get(activity.staffId)?.name ?? activity.staffId : '';
      lines.push(`  ${span(activity)}  ${pad(typeName.get(activity.typeId) ?? activity.typeId, 34)} ${pad(who, 24)} ${roomName.get(activity.roomId) ?? activity.roomId}`);
    }
  }
  lines.push('', 'BY STAFF MEMBER');
  for (const timetable of plan.staffTimetables) {
    const member = staffById.get(timetable.ownerId);
    if (timetable.activityIds.length === 0) continue;
    lines.push(`${member?.name ?? timetable.ownerId} (${member?.discipline ?? '?'})`);
    for (const activity of sortedActivities(timetable.activityIds, activityById)) {
      lines.push(`  ${span(activity)}  ${pad(patientLabel(activity.patientId), 22)} ${pad(typeName.get(activity.typeId) ?? activity.typeId, 34)} ${roomName.get(activity.roomId) ?? activity.roomId}`);
    }
  }
  const attendees = plan.mdt.attendeeStaffIds.map((id) => staffById.get(id)?.name ?? id);
  lines.push('', `MDT ${formatMinutes(plan.mdt.startMin)}–${formatMinutes(plan.mdt.endMin)}: ${attendees.join(', ') || 'no attendees'}`);
  if (plan.unscheduled.length > 0) {
    lines.push('', 'NOT PLACED');
    for (const item of plan.unscheduled) {
      lines.push(`  ${patientLabel(item.patientId)} — ${typeName.get(item.typeId) ?? item.typeId}: ${item.message} [${item.reason}]`);
    }
  }
  return lines.join('\n') + '\n';
}

function sortedActivities(ids: string[], byId: Map<string, PlannedActivity>): PlannedActivity[] {
  return ids
    .map((id) => byId.get(id))
    .filter((a): a is PlannedActivity => a !== undefined)
    .sort((a, b) => a.startMin - b.startMin || a.id.localeCompare(b.id));
}

function span(a: PlannedActivity): string {
  return `${formatMinutes(a.startMin)}–${formatMinutes(a.endMin)}`;
}


function pad(text: string, width: number): string {
  return text.length >= width ? text + ' ' : text.padEnd(width);
}

function round(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}
