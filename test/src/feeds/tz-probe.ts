// Run as a child process under a given TZ (see minutes-to-instant.test.ts): converts the
// DST sample points, renders a feed across both 2026 clock changes and parses it back with
// both parsers, then prints everything as JSON. Nothing here may depend on the process zone.
import { staffFeedEvents } from '../../../src/feeds/builders/staff-feed-events.ts';
import { minutesToInstant } from '../../../src/feeds/minutes-to-instant.ts';
import { reconcileFeedEvents } from '../../../src/feeds/reconcile-feed-events.ts';
import { renderIcs } from '../../../src/feeds/render-ics.ts';
import { centre, day, patients } from './feed-fixture.ts';
import { parseWithIcalJs, parseWithNodeIcal } from './parse-feed.ts';

export const PROBE_POINTS: [date: string, minutes: number][] = [
  ['2026-03-28', 540], ['2026-03-29', 90], ['2026-03-29', 540], ['2026-03-30', 540],
  ['2026-10-24', 540], ['2026-10-25', 90], ['2026-10-25', 540], ['2026-10-26', 540],
];
export const PROBE_DATES = ['2026-03-28', '2026-03-30', '2026-10-24', '2026-10-26'];

export function probe(): { instants: string[]; body: string; icalJs: unknown; nodeIcal: unknown } {
  const instants = PROBE_POINTS.map(([date, minutes]) => new Date(minutesToInstant(date, minutes, 'Europe/London').getTime()).toISOString());
  const events = PROBE_DATES.flatMap((date) => staffFeedEvents({ day: day(date), centre, patients, staffId: 's-anp' }));
  const now = new Date(Date.UTC(2026, 2, 27, 18));
  const { body } = renderIcs({ calendarName: 'Sam Patel', states: reconcileFeedEvents([], events, now).states, generatedAt: now });
  return { instants, body, icalJs: parseWithIcalJs(body), nodeIcal: parseWithNodeIcal(body) };
}

if (process.argv[1]?.endsWith('tz-probe.ts')) process.stdout.write(JSON.stringify(probe()));
