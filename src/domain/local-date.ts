// Calendar arithmetic on "YYYY-MM-DD" strings, done in UTC so it never depends on the
// machine's time zone or clock: the same date string always gives the same answer.

const MS_PER_DAY = 86_400_000;

function utcMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

/** "2026-12-01" + 3 → "2026-12-04" (negative n goes back). */
export function addDays(date: string, n: number): string {
  return new Date(utcMs(date) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / MS_PER_DAY);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(utcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}
