// Names for the ids a plan refers to. A plan that names an id its problem does not know is
// inconsistent input: the error says which id and where.
import { MEAL_TYPE_ID, type PlannedActivity } from '../../../solver/index.ts';
import { appError } from '../../errors/index.ts';
import type { FeedDay } from '../feed-types.ts';

export interface DayLookups {
  staffName(staffId: string): string;
  roomName(roomId: string): string;
  /** The assessment type's name; "Meal" for the meal. */
  activityName(activity: PlannedActivity): string;
}

/** Lookups over one day's problem; also checks that the plan and problem share a date. */
export function dayLookups(day: FeedDay): DayLookups {
  if (day.plan.date !== day.problem.date) {
    throw appError.validation(`plan.date ${day.plan.date} differs from problem.date ${day.problem.date}`, [
      { path: 'plan.date', message: `must equal problem.date ${day.problem.date}` },
    ]);
  }
  const staff = new Map(day.problem.staff.map((s) => [s.id, s.name]));
  const rooms = new Map(day.problem.rooms.map((r) => [r.id, r.name]));
  const types = new Map(day.problem.assessmentTypes.map((t) => [t.id, t.name]));
  const lookup = (names: Map<string, string>, id: string, what: string): string => {
    const name = names.get(id);
    if (name === undefined) {
      throw appError.validation(`the plan refers to ${what} ${id}, which is not in the day's problem`, [
        { path: `problem.${what}`, message: `must include ${id}` },
      ]);
    }
    return name;
  };
  return {
    staffName: (id) => lookup(staff, id, 'staff'),
    roomName: (id) => lookup(rooms, id, 'rooms'),
    activityName: (a) => (a.typeId === MEAL_TYPE_ID ? 'Meal' : lookup(types, a.typeId, 'assessmentTypes')),
  };
}
