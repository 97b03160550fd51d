import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { patientFeedEvents } from '../../../src/feeds/builders/patient-feed-events.ts';
import { staffFeedEvents } from '../../../src/feeds/builders/staff-feed-events.ts';
import { vehicleFeedEvents } from '../../../src/feeds/builders/vehicle-feed-events.ts';
import { reconcileFeedEvents } from '../../../src/feeds/reconcile-feed-events.ts';
import { renderIcs } from '../../../src/feeds/render-ics.ts';
import { errorOf, pathsOf } from './errors.ts';
import { centre, day, patients, vehicleDay } from './feed-fixture.ts';
import { parseWithIcalJs, parseWithNodeIcal, type ParsedEvent } from './parse-feed.ts';

const published = new Date('2026-03-27T18:00:00.000Z');
const DST_DATES = ['2026-03-28', '2026-03-30', '2026-10-24', '2026-10-26'];
const anpEvents = (which: 'plan' | 'replan' = 'plan') =>
  DST_DATES.flatMap((date) => staffFeedEvents({ day: day(date, which), centre, patients, staffId: 's-anp' }));
const render = (states = reconcileFeedEvents([], anpEvents(), published).states, generatedAt = published) =>
  renderIcs({ calendarName: 'Sam Patel — Jean Bishop ICC', states, generatedAt });

const parsers: [string, (body: string) => ParsedEvent[]][] = [['ical.js', parseWithIcalJs], ['node-ical', parseWithNodeIcal]];

describe('renderIcs', () => {
  const { body } = render();

  // 09:00 local: GMT (UTC+0) on 28 March, BST (UTC+1) on 30 March and 24 October, GMT again on 26 October.
  it.each(parsers)('reads back with %s at the right instants across both 2026 clock changes', (_name, parse) => {
    const parsed = parse(body);
    const firstOfDay = (date: string) => parsed.find((e) => e.summary.startsWith('ANP initial assessment: MS') && e.startUtc.startsWith(date))!;
    expect(DST_DATES.map((date) => [firstOfDay(date).startUtc, firstOfDay(date).endUtc])).toEqual([
      ['2026-03-28T09:00:00.000Z', '2026-03-28T09:45:00.000Z'],
      ['2026-03-30T08:00:00.000Z', '2026-03-30T08:45:00.000Z'],
      ['2026-10-24T08:00:00.000Z', '2026-10-24T08:45:00.000Z'],
      ['2026-10-26T09:00:00.000Z', '2026-10-26T09:45:00.000Z'],
    ]);
    // The MDT at 15:00 local every day: 15:00Z in winter, 14:00Z in summer.
    expect(parsed.filter((e) => e.summary === 'MDT meeting').map((e) => e.startUtc)).toEqual([
      '2026-03-28T15:00:00.000Z', '2026-03-30T14:00:00.000Z', '2026-10-24T14:00:00.000Z', '2026-10-26T15:00:00.000Z',
    ]);
    expect(parsed.every((e) => e.tzid === 'Europe/London' && e.sequence === 0 && e.status === 'CONFIRMED')).toBe(true);
    expect(parsed).toHaveLength(12);
  });

  it('both parsers agree on every event', () => {
    expect(parseWithNodeIcal(body)).toEqual(parseWithIcalJs(body));
  });

  it('writes local times with TZID, one VTIMEZONE for Europe/London, and no calendar-level zone name', () => {
    expect(body).toContain('DTSTART;TZID=Europe/London:20260330T090000\r\n');
    expect(body).toContain('DTSTART;TZID=Europe/London:20261026T090000\r\n');
    expect(body.match(/BEGIN:VTIMEZONE\r\nTZID:Europe\/London\r\n/g)).toHaveLength(1);
    expect(body).toMatch(/BEGIN:DAYLIGHT\r\nTZNAME:BST\r\nTZOFFSETFROM:\+0000\r\nTZOFFSETTO:\+0100\r\n/);
    expect(body).toMatch(/BEGIN:STANDARD\r\nTZNAME:GMT\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0000\r\n/);
    expect(body).not.toMatch(/X-WR-TIMEZONE|TIMEZONE-ID/);
  });

  it('is the VTIMEZONE that lets ical.js place the events (without it the zone is unknown)', () => {
    const stripped = body.replace(/BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE\r\n/, '');
    ICAL.TimezoneService.reset();
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(stripped)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.zone?.tzid).not.toBe('Europe/London');
  });

  it('carries the calendar name, METHOD:PUBLISH, a 15-minute refresh hint and DTSTAMP', () => {
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n/);
    expect(body).toContain('METHOD:PUBLISH\r\n');
    expect(body).toContain('X-WR-CALNAME:Sam Patel — Jean Bishop ICC\r\n');
    expect(body).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n');
    expect(body).toContain('X-PUBLISHED-TTL:PT15M\r\n');
    expect(body.match(/\r\nDTSTAMP:20260327T180000Z\r\n/g)).toHaveLength(12);
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toContain('\n');
    // RFC 5545 §3.1: lines longer than 75 octets are folded ("–" and "—" are 3 octets each).
    expect(Math.max(...body.split('\r\n').map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(75);
  });

  it.each(parsers)('shows a replan through %s: same UIDs, SEQUENCE 1 on the changed event, the gone one CANCELLED', (_name, parse) => {
    const geriatrician = (which: 'plan' | 'replan') => staffFeedEvents({ day: day('2026-03-30', which), centre, patients, staffId: 's-ger' });
    const p2 = (which: 'plan' | 'replan') => patientFeedEvents({ day: day('2026-03-30', which), centre, patients, patientId: 'p2' });
    const before = parse(render(reconcileFeedEvents([], [...geriatrician('plan'), ...p2('plan')], published).states).body);
    const states = reconcileFeedEvents(reconcileFeedEvents([], [...geriatrician('plan'), ...p2('plan')], published).states, [...geriatrician('replan'), ...p2('replan')], published).states;
    const after = parse(render(states).body);
    expect(new Set(after.map((e) => e.uid))).toEqual(new Set(before.map((e) => e.uid)));
    const find = (events: ParsedEvent[], summary: string) => events.find((e) => e.summary.startsWith(summary))!;
    const moved = find(after, 'Geriatrician review: MS');
    expect(moved).toMatchObject({ uid: find(before, 'Geriatrician review: MS').uid, sequence: 1, status: 'CONFIRMED', startUtc: '2026-03-30T12:50:00.000Z' });
    const gone = find(after, 'Cancelled: Strength and balance group');
    expect(gone).toMatchObject({ uid: find(before, 'Strength and balance group').uid, sequence: 1, status: 'CANCELLED' });
    expect(find(after, 'MDT meeting').sequence).toBe(0);
  });

  it('drops the cancelled event from the text 14 days after the cancellation', () => {
    const p2 = (which: 'plan' | 'replan') => patientFeedEvents({ day: day('2026-03-30', which), centre, patients, patientId: 'p2' });
    const cancelledOn = new Date('2026-03-29T10:00:00.000Z');
    const withCancel = reconcileFeedEvents(reconcileFeedEvents([], p2('plan'), published).states, p2('replan'), cancelledOn).states;
    expect(render(withCancel).body).toContain('STATUS:CANCELLED');
    const later = reconcileFeedEvents(withCancel, p2('replan'), new Date(cancelledOn.getTime() + 14 * 86_400_000)).states;
    const text = render(later).body;
    expect(text).not.toContain('STATUS:CANCELLED');
    expect(parseWithIcalJs(text)).toHaveLength(p2('replan').length);
  });

  it('gives the same ETag when only DTSTAMP differs, and a new one when content changes', () => {
    const states = reconcileFeedEvents([], anpEvents(), published).states;
    const a = render(states, published);
    const b = render(states, new Date('2026-03-28T07:00:00.000Z'));
    expect(b.body).not.toBe(a.body);
    expect(b.etag).toBe(a.etag);
    expect(a.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const changed = render(reconcileFeedEvents(states, anpEvents().slice(1), published).states);
    expect(changed.etag).not.toBe(a.etag);
    expect(a.lastModified).toBe(published.toISOString());
  });

  it('keeps names and NHS numbers out of the default feeds and puts them in when the centre opts in', () => {
    const feeds = (c: typeof centre) => [
      ...staffFeedEvents({ day: day('2026-03-30'), centre: c, patients, staffId: 's-ger' }),
      ...patientFeedEvents({ day: day('2026-03-30'), centre: c, patients, patientId: 'p1' }),
      ...vehicleFeedEvents({ vehicleDay: vehicleDay('2026-03-30'), centre: c, patients }),
    ];
    const closed = render(reconcileFeedEvents([], feeds(centre), published).states).body;
    const unfolded = (text: string) => text.replace(/\r\n /g, '');
    expect(unfolded(closed)).toContain('MS (ref ICC-0042)');
    for (const secret of ['Margaret', 'Smith', 'John Brown', '9434765919', '943 476 5919', '4010232137', '401 023 2137']) {
      expect(unfolded(closed)).not.toContain(secret);
    }
    const open = unfolded(render(reconcileFeedEvents([], feeds({ ...centre, fullPatientDetailsInFeeds: true }), published).states).body);
    expect(open).toContain('Margaret Smith (ref ICC-0042\\, NHS 943 476 5919)');
    expect(open).toContain('John Brown (ref ICC-0043\\, NHS 401 023 2137)');
  });

  it('renders an empty feed that still parses', () => {
    const empty = renderIcs({ calendarName: 'Nobody', states: [], generatedAt: published });
    expect(parseWithIcalJs(empty.body)).toEqual([]);
    expect(parseWithNodeIcal(empty.body)).toEqual([]);
    expect(empty.lastModified).toBeNull();
  });

  it('marks cancelled events transparent (no longer busy) and confirmed ones opaque', () => {
    const p2 = (which: 'plan' | 'replan') => patientFeedEvents({ day: day('2026-03-30', which), centre, patients, patientId: 'p2' });
    const states = reconcileFeedEvents(reconcileFeedEvents([], p2('plan'), published).states, p2('replan'), published).states;
    const vevents = render(states).body.split('BEGIN:VEVENT').slice(1);
    expect(vevents.filter((v) => v.includes('STATUS:CANCELLED')).every((v) => v.includes('TRANSP:TRANSPARENT'))).toBe(true);
    expect(vevents.filter((v) => v.includes('STATUS:CONFIRMED')).every((v) => v.includes('TRANSP:OPAQUE'))).toBe(true);
  });

  it('rejects a stored state with broken times, naming it', () => {
    const [state] = reconcileFeedEvents([], anpEvents(), published).states;
    const broken = { ...state!, event: { ...state!.event, endUtc: 'yesterday' } };
    expect(pathsOf(errorOf(() => render([broken])))).toEqual([`states.${state!.uid}`]);
  });

  it('rejects a bad refresh interval or clock, naming the field', () => {
    expect(pathsOf(errorOf(() => renderIcs({ calendarName: 'x', states: [], generatedAt: published, refreshMin: 0 })))).toEqual(['refreshMin']);
    expect(pathsOf(errorOf(() => renderIcs({ calendarName: 'x', states: [], generatedAt: new Date(NaN) })))).toEqual(['generatedAt']);
  });
});
