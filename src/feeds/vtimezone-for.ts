// ical-generator has no zone database; timezones-ical-library supplies the VTIMEZONE blocks
// (current IANA rules, RRULE form) that make DTSTART;TZID=… readable by every client.
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { appError } from '../errors/index.ts';

/** The VTIMEZONE component for an IANA zone; an unknown zone is an error naming it. */
export function vtimezoneFor(timeZone: string): string {
  const block = tzlib_get_ical_block(timeZone);
  const text = Array.isArray(block) ? block[0] : undefined;
  if (text === undefined || !text.includes(`\r\nTZID:${timeZone}\r\n`)) {
    throw appError.validation(`no VTIMEZONE is known for time zone ${JSON.stringify(timeZone)}`, [
      { path: 'timeZone', message: 'must be a canonical IANA time zone such as Europe/London' },
    ]);
  }
  return text;
}
