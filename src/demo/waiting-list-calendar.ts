/**
 * Calendar helpers for the demo waiting list: ISO dates ↔ day indices, and bank holidays
 * for England and Wales (the standing rules: New Year, Good Friday, Easter Monday, the
 * early-May, spring and summer bank holidays, Christmas and Boxing Day, with weekend
 * substitutes). One-off holidays (coronations, jubilees) are not included.
 */

const MS_PER_DAY = 86_400_000;

/** YYYY-MM-DD → days since 1970-01-01 (calendar arithmetic in UTC, no time zone involved). */
export function isoToEpochDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`startDate must be YYYY-MM-DD, got '${iso}'`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const back = new Date(ms).toISOString().slice(0, 10);
  if (back !== iso) throw new Error(`startDate '${iso}' is not a calendar date`);
  return ms / MS_PER_DAY;
}

export function epochDayToIso(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day index (0 = `startDate`) → YYYY-MM-DD. */
export function dayIndexToIso(startDate: string, dayIndex: number): string {
  return epochDayToIso(isoToEpochDay(startDate) + dayIndex);
}

/** YYYY-MM-DD → day index from `startDate` (negative before it). */
export function isoToDayIndex(startDate: string, iso: string): number {
  return isoToEpochDay(iso) - isoToEpochDay(startDate);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return new Date(isoToEpochDay(iso) * MS_PER_DAY).getUTCDay();
}

/** Bank holidays in England and Wales for one year: ISO date → name. */
export function englandBankHolidays(year: number): Map<string, string> {
  const holidays = new Map<string, string>();
  const epoch = (month: number, day: number) => Date.UTC(year, month - 1, day) / MS_PER_DAY;
  const dow = (epochDay: number) => new Date(epochDay * MS_PER_DAY).getUTCDay();
  const add = (epochDay: number, name: string) => holidays.set(epochDayToIso(epochDay), name);
  // A fixed-date holiday on a weekend moves to the next free weekday.
  const substitute = (epochDay: number) => {
    let day = epochDay;
    while (dow(day) === 0 || dow(day) === 6 || holidays.has(epochDayToIso(day))) day++;
    return day;
  };
  const firstMonday = (month: number) => { let d = epoch(month, 1); while (dow(d) !== 1) d++; return d; };
  const lastMonday = (month: number) => { let d = epoch(month + 1, 1) - 1; while (dow(d) !== 1) d--; return d; };

  add(substitute(epoch(1, 1)), "New Year's Day");
  const easter = easterSunday(year);
  add(easter - 2, 'Good Friday');
  add(easter + 1, 'Easter Monday');
  add(firstMonday(5), 'Early May bank holiday');
  add(lastMonday(5), 'Spring bank holiday');
  add(lastMonday(8), 'Summer bank holiday');
  add(substitute(epoch(12, 25)), 'Christmas Day');
  add(substitute(epoch(12, 26)), 'Boxing Day');
  return holidays;
}

/** Easter Sunday (Gregorian) as an epoch day: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}
