// Three independent readings of a rendered feed, reduced to the same shape so tests can
// require the parsers to agree with what we meant.
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { convertIcsCalendar } from 'ts-ics';

export interface ParsedEvent {
  uid: string;
  /** Instants as the parser computed them (ISO UTC). */
  startUtc: string;
  endUtc: string;
  /** The zone the parser attached to DTSTART. */
  tzid: string | undefined;
  sequence: number;
  status: string;
  summary: string;
  location: string;
  description: string;
}

const byStartThenUid = (a: ParsedEvent, b: ParsedEvent) => a.startUtc.localeCompare(b.startUtc) || a.uid.localeCompare(b.uid);

/** ical.js: resolves TZID through the feed's own VTIMEZONE component. */
export function parseWithIcalJs(body: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      startUtc: event.startDate.toJSDate().toISOString(),
      endUtc: event.endDate.toJSDate().toISOString(),
      tzid: event.startDate.zone?.tzid,
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue('status')),
      summary: event.summary,
      location: event.location,
      description: event.description,
    };
  }).sort(byStartThenUid);
}

/** node-ical: its own TZID handling (IANA names via Intl). */
export function parseWithNodeIcal(body: string): ParsedEvent[] {
  const parsed = nodeIcal.sync.parseICS(body);
  return Object.values(parsed)
    .filter((c): c is nodeIcal.VEvent => c?.type === 'VEVENT')
    .map((e) => ({
      uid: e.uid,
      startUtc: e.start.toISOString(),
      endUtc: (e.end ?? e.start).toISOString(),
      tzid: e.start.tz,
      sequence: Number(e.sequence),
      status: String(e.status),
      summary: textOf(e.summary),
      location: textOf(e.location),
      description: textOf(e.description),
    }))
    .sort(byStartThenUid);
}

/** ts-ics (a third, TypeScript parser): resolves TZID through its own zone handling. */
export function parseWithTsIcs(body: string): ParsedEvent[] {
  const calendar = convertIcsCalendar(undefined, body);
  return (calendar.events ?? []).map((e) => ({
    uid: e.uid,
    startUtc: e.start.date.toISOString(),
    endUtc: (e.end ?? e.start).date.toISOString(),
    tzid: e.start.local?.timezone,
    sequence: e.sequence ?? 0,
    status: String(e.status),
    summary: e.summary ?? '',
    location: e.location ?? '',
    description: e.description ?? '',
  })).sort(byStartThenUid);
}

/** The calendar's own properties as ts-ics reads them (name, method). */
export function calendarOfTsIcs(body: string) {
  return convertIcsCalendar(undefined, body);
}

/** node-ical gives text values either as strings or as { val, params }. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'val' in value) return String((value as { val: unknown }).val);
  return '';
}
