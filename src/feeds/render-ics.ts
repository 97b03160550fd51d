// Published feed states → RFC 5545 text (ical-generator), plus the validators the HTTP
// layer needs for conditional GETs (ETag, Last-Modified).
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { appError } from '../errors/index.ts';
import { feedEtag } from './feed-etag.ts';
import { isRepeatedWallClock } from './minutes-to-instant.ts';
import type { FeedEventState } from './feed-types.ts';
import { vtimezoneFor } from './vtimezone-for.ts';

/** Default refresh hint: calendars should re-fetch every 15 minutes. */
export const DEFAULT_REFRESH_MIN = 15;

export interface RenderIcsInput {
  /** Shown by calendar apps as the subscription's name (NAME, X-WR-CALNAME). */
  calendarName: string;
  /** The calendar's description (DESCRIPTION, X-WR-CALDESC), e.g. the centre's full name. */
  calendarDescription?: string;
  /**
   * Every event's ORGANIZER: METHOD:PUBLISH (RFC 5546 §3.2.1) requires one, and libical's
   * iTIP check fails a feed without it. The centre, with its contact address.
   */
  organizer?: FeedOrganizer;
  /** Reconciled states: confirmed and recently cancelled events. */
  states: readonly FeedEventState[];
  /** When this copy was made: every event's DTSTAMP. */
  generatedAt: Date;
  refreshMin?: number;
}

export interface FeedOrganizer {
  name: string;
  email: string;
}

/** Used when no organizer is given: a reserved .invalid address (RFC 2606) no mail can reach. */
export const DEFAULT_ORGANIZER: FeedOrganizer = { name: 'ICC scheduler', email: 'no-reply@icc-scheduler.invalid' };

export interface RenderedFeed {
  /** text/calendar body, CRLF line ends. */
  body: string;
  /** Strong ETag of the body without DTSTAMP lines. */
  etag: string;
  /** Latest `updatedAt` of the states (ISO UTC), null for an empty feed. */
  lastModified: string | null;
}

/**
 * Renders a feed. Events carry DTSTART/DTEND;TZID=<zone> with local wall-clock times (from
 * `TZDate` values) and the calendar has no calendar-level zone name: a VTIMEZONE for each
 * zone in use (Europe/London: GMT/BST rules) is generated from timezones-ical-library.
 * The one exception: an event starting or ending in the autumn overlap (01:00–02:00 on the
 * last Sunday of October in London) is written in UTC, as its local time is ambiguous.
 * METHOD:PUBLISH, a refresh hint (REFRESH-INTERVAL and X-PUBLISHED-TTL), all calendar
 * properties before the first component, and per event UID, SEQUENCE, STATUS, ORGANIZER,
 * DTSTAMP and LAST-MODIFIED.
 */
export function renderIcs({ calendarName, calendarDescription, organizer = DEFAULT_ORGANIZER, states, generatedAt, refreshMin = DEFAULT_REFRESH_MIN }: RenderIcsInput): RenderedFeed {
  if (!Number.isFinite(generatedAt.getTime())) {
    throw appError.validation('generatedAt must be a valid date', [{ path: 'generatedAt', message: 'must be a valid date' }]);
  }
  if (!Number.isInteger(refreshMin) || refreshMin < 1) {
    throw appError.validation('refreshMin must be a whole number of minutes, 1 or more', [{ path: 'refreshMin', message: 'must be a whole number, 1 or more' }]);
  }
  const calendar = ical({
    name: calendarName,
    ...(calendarDescription === undefined ? {} : { description: calendarDescription }),
    prodId: { company: 'icc-scheduler', product: 'feeds', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: refreshMin * 60,
    // name null: no X-WR-TIMEZONE; the generator still adds one VTIMEZONE per event zone.
    timezone: { name: null, generator: vtimezoneFor },
  });
  for (const state of states) {
    const { event } = state;
    const startMs = Date.parse(event.startUtc);
    const endMs = Date.parse(event.endUtc);
    const updatedMs = Date.parse(state.updatedAt);
    if (![startMs, endMs, updatedMs].every(Number.isFinite) || endMs < startMs) {
      throw appError.validation(`published state ${state.uid} has bad times`, [
        { path: `states.${state.uid}`, message: 'needs ISO instants event.startUtc <= event.endUtc and updatedAt' },
      ]);
    }
    const cancelled = state.status === 'CANCELLED';
    // A local time in the autumn overlap means two instants, and clients disagree on which:
    // such an event is written in UTC (…Z), which every client reads the same way.
    const inUtc = isRepeatedWallClock(startMs, event.timeZone) || isRepeatedWallClock(endMs, event.timeZone);
    calendar.createEvent({
      id: state.uid,
      sequence: state.sequence,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // A cancelled event no longer makes anyone busy.
      transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      stamp: generatedAt,
      lastModified: new Date(updatedMs),
      timezone: inUtc ? null : event.timeZone,
      start: inUtc ? new Date(startMs) : new TZDate(startMs, event.timeZone),
      end: inUtc ? new Date(endMs) : new TZDate(endMs, event.timeZone),
      organizer,
      summary: cancelled ? `Cancelled: ${event.summary}` : event.summary,
      location: event.location,
      description: event.description,
    });
  }
  // RFC 5545 ends every content line, the last one included, with CRLF.
  const body = `${calendarPropertiesFirst(calendar.toString()).replace(/(\r\n)?$/, '')}\r\n`;
  const lastModified = states.reduce<string | null>((latest, s) => (latest === null || s.updatedAt > latest ? s.updatedAt : latest), null);
  return { body, etag: feedEtag(body), lastModified };
}

/**
 * ical-generator writes REFRESH-INTERVAL and X-PUBLISHED-TTL after the VTIMEZONE; RFC 5545
 * §3.4 puts every calendar property before the components (some clients stop reading
 * properties at the first BEGIN). Moves the VCALENDAR's own content lines (with their folded
 * continuations) up, keeping their order and leaving the components as they were.
 */
export function calendarPropertiesFirst(text: string): string {
  const lines = text.split('\r\n');
  const properties: string[] = [];
  const components: string[] = [];
  let depth = 0;
  let current = properties;
  for (const line of lines) {
    if (line === '') continue;
    // A folded continuation (leading space or tab) stays with the line it continues.
    if (!/^[ \t]/.test(line)) {
      if (/^BEGIN:/i.test(line)) depth++;
      current = depth <= 1 ? properties : components;
      if (/^END:/i.test(line)) depth--;
    }
    current.push(line);
  }
  // properties = BEGIN:VCALENDAR, its properties, END:VCALENDAR.
  const end = properties.pop()!;
  return [...properties, ...components, end, ''].join('\r\n');
}
