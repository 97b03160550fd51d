// Staff on an outreach team are out at care homes that day, not at the centre: the ICC day and
// its booking capacity must not count them. This is the one place that says who is out.
import type { Db } from '../../db/create-database.ts';
import { outreachDays } from '../../db/index.ts';
import type { OutreachDay } from '../../domain/outreach.ts';
import type { Shift } from '../../domain/shift.ts';

/** `${date}:${staffId}` of every outreach team member of the centre, on `date` or on every date. */
export async function outreachTeamKeys(db: Db, centreId: string, date?: string): Promise<Set<string>> {
  const days = await outreachDays.list(db, centreId, date === undefined ? {} : { date });
  return new Set(days.flatMap((day) => day.staffIds.map((staffId) => `${day.date}:${staffId}`)));
}

/** The shifts worked at the centre: those of staff out on an outreach team that date are left out. */
export function centreShifts<S extends Pick<Shift, 'date' | 'staffId'>>(shifts: readonly S[], outreachTeams: ReadonlySet<string>): S[] {
  return shifts.filter((shift) => !outreachTeams.has(`${shift.date}:${shift.staffId}`));
}

/** The outreach team of `date`: each member's staff id → the outreach day they are on. */
export async function outreachTeamOn(db: Db, centreId: string, date: string): Promise<Map<string, OutreachDay>> {
  const days = await outreachDays.list(db, centreId, { date });
  return new Map(days.flatMap((day) => day.staffIds.map((staffId) => [staffId, day] as const)));
}
