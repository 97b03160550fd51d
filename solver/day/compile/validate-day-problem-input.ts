/**
 * The planner's own guard against malformed input (the API validates documents fully with
 * zod in src/; this catches what would make the search misbehave), naming the field.
 */
import type { DayProblem } from '../../model/day-problem.ts';

export function validateDayProblemInput(problem: DayProblem): void {
  const fail = (field: string, why: string): never => {
    throw new Error(`Invalid day problem: ${field} ${why}`);
  };
  const isMinute = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
  if (!problem || typeof problem !== 'object') fail('problem', 'must be an object');
  const { centre } = problem;
  if (!centre) fail('centre', 'is required');
  for (const key of ['openMin', 'closeMin', 'mealDurationMin', 'transferMin', 'checkInBufferMin'] as const)
    if (!isMinute(centre[key]) || centre[key] < 0) fail(`centre.${key}`, 'must be a non-negative integer number of minutes');
  if (centre.closeMin <= centre.openMin) fail('centre.closeMin', 'must be after centre.openMin');
  if (!centre.lunchWindow || !isMinute(centre.lunchWindow.startMin) || !isMinute(centre.lunchWindow.endMin))
    fail('centre.lunchWindow', 'must have integer startMin and endMin');
  if (!centre.mdt || !isMinute(centre.mdt.startMin) || !isMinute(centre.mdt.durationMin)) fail('centre.mdt', 'must have integer startMin and durationMin');
  for (const list of ['assessmentTypes', 'precedences', 'staff', 'rooms', 'patients'] as const)
    if (!Array.isArray(problem[list])) fail(list, 'must be an array');
  const unique = (list: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (typeof id !== 'string' || id === '') fail(`${list}[].id`, 'must be a non-empty string');
      if (seen.has(id)) fail(`${list}[].id`, `'${id}' appears twice`);
      seen.add(id);
    }
  };
  unique('assessmentTypes', problem.assessmentTypes.map((t) => t.id));
  unique('staff', problem.staff.map((s) => s.id));
  unique('rooms', problem.rooms.map((r) => r.id));
  unique('patients', problem.patients.map((p) => p.id));
  problem.assessmentTypes.forEach((t, i) => {
    if (!isMinute(t.durationMin) || t.durationMin <= 0) fail(`assessmentTypes[${i}].durationMin`, `must be a positive integer (got ${String(t.durationMin)})`);
    if (!Number.isInteger(t.groupCapacity) || t.groupCapacity < 1) fail(`assessmentTypes[${i}].groupCapacity`, 'must be an integer ≥ 1');
  });
  problem.staff.forEach((s, i) => {
    if (!s.shift || !isMinute(s.shift.startMin) || !isMinute(s.shift.endMin)) fail(`staff[${i}].shift`, 'must have integer startMin and endMin');
    if (!Array.isArray(s.qualifications)) fail(`staff[${i}].qualifications`, 'must be an array');
    if (!Array.isArray(s.breaks)) fail(`staff[${i}].breaks`, 'must be an array');
  });
  problem.rooms.forEach((r, i) => {
    if (!Number.isInteger(r.capacity) || r.capacity < 1) fail(`rooms[${i}].capacity`, 'must be an integer ≥ 1');
  });
  problem.patients.forEach((p, i) => {
    for (const key of ['earliestArrivalMin', 'latestDepartureMin', 'maxOnSiteMin'] as const)
      if (!isMinute(p[key])) fail(`patients[${i}].${key}`, 'must be an integer number of minutes');
    if (p.latestDepartureMin < p.earliestArrivalMin) fail(`patients[${i}].latestDepartureMin`, 'must not be before earliestArrivalMin');
    if (!Array.isArray(p.required)) fail(`patients[${i}].required`, 'must be an array');
  });
  const patientIds = new Set(problem.patients.map((p) => p.id));
  (problem.pins ?? []).forEach((pin, i) => {
    if (!patientIds.has(pin.patientId)) fail(`pins[${i}].patientId`, `'${pin.patientId}' is not an attending patient`);
    if (!isMinute(pin.startMin)) fail(`pins[${i}].startMin`, 'must be an integer number of minutes');
  });
}
