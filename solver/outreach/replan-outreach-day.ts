/**
 * Replanning an outreach day on the day: a resident is unwell (their visits not yet started
 * are dropped), a clinician goes off sick from a time (their visits from then on move to a
 * colleague or later, and they go home, not back to the centre), or an assessment overruns
 * (it keeps its start and lasts longer). Everything that started before `now` is pinned,
 * coordinators' pins stay (a sick clinician's are released, with a note), and nothing else
 * starts before `now`. The old plan's order is the first construction, so what can stay, stays.
 */
import { ReplanInputError } from '../replan/replan-input-error.ts';
import { planOutreachDay, type OutreachSolveOptions } from './plan-outreach-day.ts';
import type { OutreachPin, OutreachProblem } from './outreach-problem.ts';
import type { OutreachPlan, OutreachVisit } from './outreach-plan.ts';
import { clock } from './compile-outreach.ts';

export type OutreachChange =
  | { kind: 'resident-unwell'; residentId: string }
  | { kind: 'staff-off-sick'; staffId: string; fromMin: number }
  | { kind: 'assessment-overran'; residentId: string; typeId: string; endMin: number };

export interface OutreachVisitMove {
  visitId: string;
  residentId: string;
  typeId: string;
  kind: 'moved' | 'unscheduled' | 'removed' | 'added';
  from?: { startMin: number; staffId: string; homeId: string };
  to?: { startMin: number; staffId: string; homeId: string };
  message: string;
}

export interface OutreachReplanResult {
  /** The problem the new plan answers (stored with it, so a later replan starts from it). */
  problem: OutreachProblem;
  plan: OutreachPlan;
  moves: OutreachVisitMove[];
  notes: string[];
}

/**
 * @throws ReplanInputError naming the field (e.g. `changes[0].residentId`) when a change
 *   does not fit the plan.
 */
export function replanOutreachDay(problem: OutreachProblem, plan: OutreachPlan, changes: readonly OutreachChange[], nowMin: number, options: OutreachSolveOptions = {}): OutreachReplanResult {
  const notes: string[] = [];
  const next: OutreachProblem = structuredClone(problem);
  const started = (v: OutreachVisit): boolean => v.startMin < nowMin;
  const pins = new Map<string, OutreachPin>();
  for (const pin of problem.pins ?? []) pins.set(`${pin.residentId}:${pin.typeId}`, { ...pin });
  for (const v of plan.visits) if (started(v)) pins.set(v.id, { ...pins.get(v.id), residentId: v.residentId, typeId: v.typeId, startMin: v.startMin, staffId: v.staffId, roomId: v.roomId });
  const refOf = (residentId: string): string => problem.residents.find((r) => r.id === residentId)?.ref ?? residentId;

  changes.forEach((change, i) => {
    if (change.kind === 'resident-unwell') {
      const resident = next.residents.find((r) => r.id === change.residentId);
      if (!resident) throw new ReplanInputError(`changes[${i}].residentId`, `no resident '${change.residentId}' on this outreach day`);
      resident.required = resident.required.filter((q) => plan.visits.some((v) => v.residentId === resident.id && v.typeId === q.typeId && started(v)));
      for (const key of [...pins.keys()]) if (key.startsWith(`${resident.id}:`) && !resident.required.some((q) => key === `${resident.id}:${q.typeId}`)) pins.delete(key);
      notes.push(`${resident.ref} is unwell: their visits from ${clock(nowMin)} are cancelled.`);
    } else if (change.kind === 'staff-off-sick') {
      const member = next.staff.find((s) => s.id === change.staffId);
      if (!member) throw new ReplanInputError(`changes[${i}].staffId`, `no staff member '${change.staffId}' on this outreach day`);
      const busy = plan.visits.find((v) => v.staffId === member.id && started(v) && v.endMin > change.fromMin);
      if (busy) throw new ReplanInputError(`changes[${i}].fromMin`, `${member.name} is with ${refOf(busy.residentId)} until ${clock(busy.endMin)}, after ${clock(change.fromMin)}`);
      member.offSickFromMin = change.fromMin;
      for (const [key, pin] of pins) {
        if (pin.staffId === member.id && pin.startMin >= change.fromMin) {
          pins.delete(key);
          notes.push(`The pin of ${key} with ${member.name} is released: they are off sick from ${clock(change.fromMin)}.`);
        }
      }
      notes.push(`${member.name} is off sick from ${clock(change.fromMin)}.`);
    } else {
      const visit = plan.visits.find((v) => v.residentId === change.residentId && v.typeId === change.typeId);
      if (!visit) throw new ReplanInputError(`changes[${i}].typeId`, `${refOf(change.residentId)} has no planned '${change.typeId}'`);
      if (change.endMin <= visit.endMin) throw new ReplanInputError(`changes[${i}].endMin`, `an overrun ends after the planned end ${clock(visit.endMin)}`);
      pins.set(visit.id, { residentId: visit.residentId, typeId: visit.typeId, startMin: visit.startMin, staffId: visit.staffId, roomId: visit.roomId, durationMin: change.endMin - visit.startMin });
      notes.push(`${refOf(visit.residentId)}'s ${visit.typeId} runs until ${clock(change.endMin)}.`);
    }
  });
  next.pins = [...pins.values()];
  next.replanFromMin = nowMin;

  const replanned = planOutreachDay(next, { ...options, startFrom: plan.visits });
  return { problem: next, plan: replanned, moves: diffVisits(plan, replanned, problem), notes };
}

function diffVisits(before: OutreachPlan, after: OutreachPlan, problem: OutreachProblem): OutreachVisitMove[] {
  const moves: OutreachVisitMove[] = [];
  const ref = (id: string): string => problem.residents.find((r) => r.id === id)?.ref ?? id;
  const staffName = (id: string): string => problem.staff.find((s) => s.id === id)?.name ?? id;
  const where = (v: OutreachVisit) => ({ startMin: v.startMin, staffId: v.staffId, homeId: v.homeId });
  for (const old of before.visits) {
    const now = after.visits.find((v) => v.id === old.id);
    if (!now) {
      const unscheduled = after.unscheduled.find((u) => u.residentId === old.residentId && u.typeId === old.typeId);
      moves.push({ visitId: old.id, residentId: old.residentId, typeId: old.typeId, kind: unscheduled ? 'unscheduled' : 'removed', from: where(old), message: unscheduled ? unscheduled.message : `${ref(old.residentId)}'s ${old.typeId} at ${clock(old.startMin)} with ${staffName(old.staffId)} is cancelled.` });
    } else if (now.startMin !== old.startMin || now.staffId !== old.staffId || now.roomId !== old.roomId) {
      moves.push({ visitId: old.id, residentId: old.residentId, typeId: old.typeId, kind: 'moved', from: where(old), to: where(now), message: `${ref(old.residentId)}'s ${old.typeId}: ${clock(old.startMin)} with ${staffName(old.staffId)} → ${clock(now.startMin)} with ${staffName(now.staffId)}.` });
    }
  }
  for (const v of after.visits) {
    if (!before.visits.some((o) => o.id === v.id)) moves.push({ visitId: v.id, residentId: v.residentId, typeId: v.typeId, kind: 'added', to: where(v), message: `${ref(v.residentId)}'s ${v.typeId} is now planned at ${clock(v.startMin)} with ${staffName(v.staffId)}.` });
  }
  return moves;
}
