// Plan times are wall-clock minutes of the plan date in the centre's zone (SPEC §3): this is
// the one place they become instants, DST-correct and independent of the process time zone.
import { TZDate, tzOffset } from '@date-fns/tz';
import { appError } from '../errors/index.ts';

const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const knownTimeZones = new Set<string>();

/** True when `timeZone` is an IANA zone (or offset) this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (knownTimeZones.has(timeZone)) return true; // building a formatter is slow: remember
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    knownTimeZones.add(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** "2026-03-29" → [2026, 3, 29]; throws a validation error naming `field` otherwise. */
export function parseLocalDate(date: string, field = 'date'): [year: number, month: number, day: number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (!match || check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw appError.validation(`${field} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`, [
      { path: field, message: 'must be a calendar date YYYY-MM-DD' },
    ]);
  }
  return [y, m, d];
}

/**
 * The instant at which the wall clock in `timeZone` shows `minutes` past local midnight
 * of `date`, as a `TZDate` in that zone.
 *
 * Rule for the two days a year when the wall clock is not one-to-one:
 * - a time that does not exist (spring-forward gap, e.g. 01:30 on 29 March 2026 in
 *   London) moves to the end of the gap, the first minute that exists: 02:00 BST
 *   (01:00 UTC). The mapping stays non-decreasing, so an activity never ends before it
 *   starts (RFC 5545's reading, "with the offset before the gap", gives 02:30 BST for
 *   01:30, which would put 01:50–02:00 the wrong way round);
 * - a time that occurs twice (autumn overlap, e.g. 01:30 on 25 October 2026) is the
 *   FIRST occurrence, as RFC 5545 §3.3.5 says: 01:30 BST = 00:30 UTC.
 * Both rules are enforced here, not left to `TZDate`, whose choice in the overlap depends on
 * the process time zone. Clients do not all follow RFC 5545 in the overlap either (ical.js
 * and node-ical take the second occurrence), so `renderIcs` writes such times in UTC; see
 * `isRepeatedWallClock`.
 *
 * `minutes` may be 1440 (midnight ending the day).
 *
 * @example minutesToInstant('2026-03-30', 540, 'Europe/London').toISOString()
 *          // '2026-03-30T09:00:00.000+01:00' (08:00 UTC)
 */
export function minutesToInstant(date: string, minutes: number, timeZone: string): TZDate {
  const [y, m, d] = parseLocalDate(date);
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw appError.validation(`minutes must be a whole number from 0 to 1440, got ${minutes}`, [
      { path: 'minutes', message: 'must be a whole number from 0 to 1440' },
    ]);
  }
  if (!isKnownTimeZone(timeZone)) {
    throw appError.validation(`timeZone must be an IANA time zone, got ${JSON.stringify(timeZone)}`, [
      { path: 'timeZone', message: 'must be an IANA time zone such as Europe/London' },
    ]);
  }
  const hours = Math.floor(minutes / 60);
  const built = new TZDate(y, m - 1, d, hours, minutes % 60, timeZone);
  const instantMs = resolveWallClock(Date.UTC(y, m - 1, d, hours, minutes % 60), timeZone);
  return instantMs === built.getTime() ? built : new TZDate(instantMs, timeZone);
}

/**
 * `wallMs` is the wall-clock reading written as if it were UTC. An offset `o` fits when the
 * instant `wallMs − o` really has offset `o`; the offsets a day either side are the only
 * ones that can fit (zones change offset at most once a day).
 */
function resolveWallClock(wallMs: number, timeZone: string): number {
  const offsetBefore = tzOffset(timeZone, new Date(wallMs - MS_PER_DAY));
  const offsetAfter = tzOffset(timeZone, new Date(wallMs + MS_PER_DAY));
  const fitting = [...new Set([offsetBefore, offsetAfter, tzOffset(timeZone, new Date(wallMs))])]
    .map((offsetMin) => ({ offsetMin, instantMs: wallMs - offsetMin * MS_PER_MINUTE }))
    .filter(({ offsetMin, instantMs }) => tzOffset(timeZone, new Date(instantMs)) === offsetMin)
    .map(({ instantMs }) => instantMs);
  if (fitting.length > 0) return Math.min(...fitting); // overlap: the first occurrence
  return endOfGap(wallMs - offsetAfter * MS_PER_MINUTE, wallMs - offsetBefore * MS_PER_MINUTE, offsetAfter, timeZone);
}

/**
 * The instant the clock jumps: the first minute in (`beforeMs`, `afterMs`] that already has
 * the offset after the gap. Bisection, as `tzOffset` only answers "which offset at t".
 */
function endOfGap(beforeMs: number, afterMs: number, offsetAfterMin: number, timeZone: string): number {
  let low = beforeMs;
  let high = afterMs;
  while (high - low > MS_PER_MINUTE) {
    const mid = low + Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
    if (tzOffset(timeZone, new Date(mid)) === offsetAfterMin) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * True when the wall clock in `timeZone` shows the same reading at another instant too
 * (the autumn overlap), so a local DTSTART;TZID would be ambiguous to a client.
 *
 * @example isRepeatedWallClock(Date.parse('2026-10-25T00:30:00Z'), 'Europe/London') // true (01:30 BST, again at 01:30 GMT)
 */
export function isRepeatedWallClock(instantMs: number, timeZone: string): boolean {
  const offsetMin = tzOffset(timeZone, new Date(instantMs));
  const around = [tzOffset(timeZone, new Date(instantMs - MS_PER_DAY)), tzOffset(timeZone, new Date(instantMs + MS_PER_DAY))];
  return around.some((otherMin) => {
    if (otherMin === offsetMin) return false;
    const twinMs = instantMs + (offsetMin - otherMin) * MS_PER_MINUTE;
    return tzOffset(timeZone, new Date(twinMs)) === otherMin;
  });
}
