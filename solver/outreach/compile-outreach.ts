/**
 * Compiles an outreach problem into index-addressed arrays for the decoder: travel between
 * the centre (location 0) and the homes (1..n), each required assessment as an activity with
 * its window, duration, qualified staff and rooms, and the precedence arcs with their lags.
 */
import { buildTravel } from '../routing/build-travel.ts';
import type { OutreachAssessmentType, OutreachPin, OutreachProblem } from './outreach-problem.ts';
import { ownRoomId } from './outreach-problem.ts';
import type { OutreachReasonCode } from './outreach-plan.ts';

export interface CompiledActivity {
  index: number;
  id: string;
  residentIndex: number;
  residentId: string;
  typeId: string;
  type: OutreachAssessmentType | undefined;
  /** Location index of the resident's home (1..n). */
  location: number;
  homeIndex: number;
  durationMin: number;
  /** Earliest start and latest end (visiting hours ∩ availability ∩ before the MDT ∩ after the replan time). */
  windowStart: number;
  windowEnd: number;
  qualifiedStaff: number[];
  /** Room ids it may use: the own room, or the home's shared rooms. */
  rooms: string[];
  groupCapacity: number;
  priority: number;
  pin?: OutreachPin;
  /** Why it can never be placed, whatever else happens (checked before decoding). */
  staticReason?: OutreachReasonCode;
  staticMessage?: string;
}

export interface PrecedenceArc {
  before: number;
  after: number;
  lagMin: number;
  reason?: string;
}

export interface CompiledOutreach {
  problem: OutreachProblem;
  /** travel[from * size + to], minutes, locations = [centre, ...homes]. */
  travel: Int32Array;
  size: number;
  activities: CompiledActivity[];
  arcs: PrecedenceArc[];
  predecessors: PrecedenceArc[][];
  successors: PrecedenceArc[][];
  roomCapacity: Map<string, number>;
  homeIndexById: Map<string, number>;
  staffIndexById: Map<string, number>;
}

export function travelBetween(day: CompiledOutreach, from: number, to: number): number {
  return day.travel[from * day.size + to]!;
}

/** Location ids as the travel source indexes them: the centre, then the homes in order. */
export function outreachLocations(problem: OutreachProblem): Array<{ id: string; lat?: number; lon?: number }> {
  return [
    { id: problem.centre.id, lat: problem.centre.lat, lon: problem.centre.lon },
    ...problem.homes.map((h) => ({ id: h.id, lat: h.lat, lon: h.lon })),
  ];
}

/**
 * @throws RangeError naming the field when the problem refers to something it does not define.
 */
export function compileOutreach(problem: OutreachProblem): CompiledOutreach {
  const locations = outreachLocations(problem);
  const provider = buildTravel(locations, problem.travel ?? {});
  const size = locations.length;
  const travel = new Int32Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) travel[i * size + j] = Math.ceil(provider.travelMin(i, j) - 1e-9);

  const homeIndexById = new Map(problem.homes.map((h, i) => [h.id, i]));
  const staffIndexById = new Map(problem.staff.map((s, i) => [s.id, i]));
  const typeById = new Map(problem.assessmentTypes.map((t) => [t.id, t]));
  const roomCapacity = new Map<string, number>();
  for (const home of problem.homes) for (const room of home.sharedRooms) roomCapacity.set(room.id, room.capacity);

  const activities: CompiledActivity[] = [];
  const replanFrom = problem.replanFromMin ?? -Infinity;
  problem.residents.forEach((resident, residentIndex) => {
    const homeIndex = homeIndexById.get(resident.homeId);
    if (homeIndex === undefined) throw new RangeError(`residents[${residentIndex}].homeId: unknown home '${resident.homeId}'`);
    const home = problem.homes[homeIndex]!;
    const seen = new Set<string>();
    for (const required of resident.required) {
      if (seen.has(required.typeId)) continue;
      seen.add(required.typeId);
      const type = typeById.get(required.typeId);
      const pin = problem.pins?.find((p) => p.residentId === resident.id && p.typeId === required.typeId);
      const durationMin = pin?.durationMin ?? type?.durationMin ?? 0;
      const shared = type !== undefined && (type.groupCapacity > 1 || type.roomAtHome === 'shared-room');
      const rooms = shared ? home.sharedRooms.map((r) => r.id) : [ownRoomId(resident.id)];
      const qualifiedStaff = type ? problem.staff.flatMap((s, k) => (s.qualifications.includes(type.qualification) ? [k] : [])) : [];
      const available = resident.available ?? home.visitingHours;
      const windowStart = Math.max(home.visitingHours.startMin, available.startMin, pin ? -Infinity : replanFrom);
      const windowEnd = Math.min(home.visitingHours.endMin, available.endMin, problem.centre.mdt.startMin);
      const activity: CompiledActivity = {
        index: activities.length,
        id: `${resident.id}:${required.typeId}`,
        residentIndex,
        residentId: resident.id,
        typeId: required.typeId,
        type,
        location: homeIndex + 1,
        homeIndex,
        durationMin,
        windowStart,
        windowEnd,
        qualifiedStaff,
        rooms,
        groupCapacity: type?.groupCapacity ?? 1,
        priority: Math.max(1, resident.priority),
        pin,
      };
      const name = type?.name ?? required.typeId;
      if (!type) {
        activity.staticReason = 'unknown-type';
        activity.staticMessage = `${resident.ref}'s '${required.typeId}' is not in the catalogue.`;
      } else if (qualifiedStaff.length === 0) {
        activity.staticReason = 'no-qualified-staff';
        activity.staticMessage = `${resident.ref}'s ${name}: nobody on the outreach team holds '${type.qualification}'.`;
      } else if (rooms.length === 0) {
        activity.staticReason = 'no-shared-room';
        activity.staticMessage = `${resident.ref}'s ${name} needs a shared room (lounge or quiet room), and ${home.name} has none.`;
      } else if (windowEnd - windowStart < durationMin) {
        activity.staticReason = 'outside-visiting-hours';
        activity.staticMessage = `${resident.ref}'s ${name} (${durationMin} min) does not fit between ${clock(windowStart)} and ${clock(windowEnd)} (visiting hours at ${home.name}, the resident's availability, the MDT${problem.replanFromMin !== undefined ? ' and the time of the change' : ''}).`;
      }
      activities.push(activity);
    }
  });

  const arcs: PrecedenceArc[] = [];
  const byResident = new Map<number, CompiledActivity[]>();
  for (const a of activities) byResident.set(a.residentIndex, [...(byResident.get(a.residentIndex) ?? []), a]);
  for (const rule of problem.precedences) {
    if (rule.before === '*' && rule.after === '*') continue;
    for (const list of byResident.values()) {
      for (const before of list) {
        if (rule.before !== '*' && before.typeId !== rule.before) continue;
        for (const after of list) {
          if (before === after || before.typeId === after.typeId) continue;
          if (rule.after !== '*' && after.typeId !== rule.after) continue;
          const lab = before.type?.kind === 'diagnostic' && rule.minLagMin > 0 ? travel[before.location * size]! : 0;
          arcs.push({ before: before.index, after: after.index, lagMin: rule.minLagMin + lab, reason: rule.reason });
        }
      }
    }
  }
  const predecessors: PrecedenceArc[][] = activities.map(() => []);
  const successors: PrecedenceArc[][] = activities.map(() => []);
  for (const arc of arcs) {
    predecessors[arc.after]!.push(arc);
    successors[arc.before]!.push(arc);
  }
  return { problem, travel, size, activities, arcs, predecessors, successors, roomCapacity, homeIndexById, staffIndexById };
}

export function clock(minutes: number): string {
  if (!Number.isFinite(minutes)) return String(minutes);
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
