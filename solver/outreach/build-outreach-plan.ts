/**
 * Reads a decoded schedule back as plan parts: the visits, each staff member's round (legs
 * between the centre and the homes), each resident's itinerary, and the objective's terms.
 */
import type { CompiledOutreach } from './compile-outreach.ts';
import { travelBetween } from './compile-outreach.ts';
import type { OutreachSchedule } from './outreach-decoder.ts';
import type { OutreachItinerary, OutreachRound, OutreachScore, OutreachVisit, OutreachWeights } from './outreach-plan.ts';

export function scheduleVisits(schedule: OutreachSchedule): OutreachVisit[] {
  const day = schedule.day;
  const visits: OutreachVisit[] = [];
  for (const p of schedule.placed) {
    if (!p) continue;
    const a = day.activities[p.activity]!;
    const groupSize = a.groupCapacity > 1 ? schedule.placed.filter((q) => q && q.staff === p.staff && q.group === p.group).length : 1;
    visits.push({
      id: a.id,
      residentId: a.residentId,
      typeId: a.typeId,
      kind: a.type?.kind ?? 'assessment',
      homeId: day.problem.homes[a.homeIndex]!.id,
      startMin: p.start,
      endMin: p.end,
      staffId: day.problem.staff[p.staff]!.id,
      roomId: p.room,
      ...(groupSize > 1 ? { groupId: `group:${day.activities[p.group]!.id}` } : {}),
      ...(a.pin ? { pinned: true } : {}),
    });
  }
  return visits.sort((x, y) => x.startMin - y.startMin || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Each staff member's round from their visits (group sessions are one stop). */
export function buildRounds(day: CompiledOutreach, visits: readonly OutreachVisit[]): OutreachRound[] {
  const rounds: OutreachRound[] = [];
  const centreId = day.problem.centre.id;
  const loc = (homeId: string): number => day.homeIndexById.get(homeId)! + 1;
  for (const member of day.problem.staff) {
    const mine = visits.filter((v) => v.staffId === member.id).sort((x, y) => x.startMin - y.startMin || x.endMin - y.endMin);
    if (mine.length === 0) continue;
    const stops: OutreachRound['stops'] = [];
    for (const v of mine) {
      const last = stops.at(-1);
      if (last && last.homeId === v.homeId) {
        last.leaveMin = Math.max(last.leaveMin, v.endMin);
        last.visitIds.push(v.id);
      } else stops.push({ homeId: v.homeId, arriveMin: v.startMin, leaveMin: v.endMin, visitIds: [v.id] });
    }
    const legs: OutreachRound['legs'] = [];
    const first = stops[0]!;
    const out = travelBetween(day, 0, loc(first.homeId));
    legs.push({ fromId: centreId, toId: first.homeId, departMin: first.arriveMin - out, arriveMin: first.arriveMin, travelMin: out });
    for (let i = 1; i < stops.length; i++) {
      const from = stops[i - 1]!;
      const to = stops[i]!;
      const t = travelBetween(day, loc(from.homeId), loc(to.homeId));
      legs.push({ fromId: from.homeId, toId: to.homeId, departMin: from.leaveMin, arriveMin: from.leaveMin + t, travelMin: t });
    }
    const lastStop = stops.at(-1)!;
    const back = travelBetween(day, loc(lastStop.homeId), 0);
    legs.push({ fromId: lastStop.homeId, toId: centreId, departMin: lastStop.leaveMin, arriveMin: lastStop.leaveMin + back, travelMin: back });
    const travelMin = legs.reduce((s, l) => s + l.travelMin, 0);
    const busy = unionMinutes(mine);
    const leaveCentreMin = legs[0]!.departMin;
    const returnCentreMin = legs.at(-1)!.arriveMin;
    rounds.push({ staffId: member.id, leaveCentreMin, returnCentreMin, stops, legs, travelMin, waitMin: Math.max(0, returnCentreMin - leaveCentreMin - travelMin - busy) });
  }
  return rounds;
}

export function buildItineraries(day: CompiledOutreach, visits: readonly OutreachVisit[]): OutreachItinerary[] {
  const out: OutreachItinerary[] = [];
  for (const resident of day.problem.residents) {
    const mine = visits.filter((v) => v.residentId === resident.id);
    if (mine.length === 0) continue;
    const first = Math.min(...mine.map((v) => v.startMin));
    const last = Math.max(...mine.map((v) => v.endMin));
    out.push({ residentId: resident.id, homeId: resident.homeId, visitIds: mine.map((v) => v.id), firstStartMin: first, lastEndMin: last, waitMin: last - first - unionMinutes(mine) });
  }
  return out;
}

function unionMinutes(intervals: ReadonlyArray<{ startMin: number; endMin: number }>): number {
  const sorted = [...intervals].sort((a, b) => a.startMin - b.startMin);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const v of sorted) {
    if (v.startMin > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = v.startMin;
      curEnd = v.endMin;
    } else curEnd = Math.max(curEnd, v.endMin);
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/** The objective of a schedule: unplaced × priority, driving, residents' and staff's waiting. */
export function scoreSchedule(schedule: OutreachSchedule, weights: OutreachWeights): OutreachScore & { visits: OutreachVisit[]; rounds: OutreachRound[]; itineraries: OutreachItinerary[] } {
  const day = schedule.day;
  const visits = scheduleVisits(schedule);
  const rounds = buildRounds(day, visits);
  const itineraries = buildItineraries(day, visits);
  let unscheduledPenalty = 0;
  day.activities.forEach((a, i) => {
    if (!schedule.placed[i]) unscheduledPenalty += weights.unscheduled * a.priority;
  });
  const travelMin = rounds.reduce((s, r) => s + r.travelMin, 0);
  const staffWaitMin = rounds.reduce((s, r) => s + r.waitMin, 0);
  const residentWaitMin = itineraries.reduce((s, r) => s + r.waitMin, 0);
  const soft = unscheduledPenalty + weights.travelMin * travelMin + weights.residentWaitMin * residentWaitMin + weights.staffWaitMin * staffWaitMin;
  return { hard: 0, soft, unscheduledPenalty, travelMin, residentWaitMin, staffWaitMin, visits, rounds, itineraries };
}
