// Every minute of the day on both 2026 clock-change days and their neighbours, rendered and
// read back by both parsers, against an oracle written from the UK rules, not from our code.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../solver/model/rng.ts';
import { feedEvent } from '../../../src/feeds/feed-event.ts';
import { isRepeatedWallClock } from '../../../src/feeds/minutes-to-instant.ts';
import { reconcileFeedEvents } from '../../../src/feeds/reconcile-feed-events.ts';
import { renderIcs } from '../../../src/feeds/render-ics.ts';
import { centre } from './feed-fixture.ts';
import { parseWithIcalJs, parseWithNodeIcal } from './parse-feed.ts';

const MIN = 60_000;
// 2026 in the UK: BST (UTC+1) from 01:00 UTC on 29 March to 01:00 UTC on 25 October.
const BST_FROM = Date.UTC(2026, 2, 29, 1);
const BST_UNTIL = Date.UTC(2026, 9, 25, 1);
const inBst = (ms: number) => ms >= BST_FROM && ms < BST_UNTIL;

/**
 * The instant meant by `minutes` past midnight on `date` in London: read as BST if that
 * instant is in BST (the first occurrence in the October overlap), else as GMT if that
 * instant is in GMT; a reading that is neither is in the March gap and moves to its end.
 */
function oracle(date: string, minutes: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const wallMs = Date.UTC(y!, m! - 1, d!) + minutes * MIN;
  if (inBst(wallMs - 60 * MIN)) return new Date(wallMs - 60 * MIN).toISOString();
  if (!inBst(wallMs)) return new Date(wallMs).toISOString();
  return new Date(BST_FROM).toISOString();
}

describe('renderIcs across the clock changes, minute by minute', () => {
  const dates = ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26'];
  const rng = createRng(20260329);
  // The small hours of each date (where the changes happen) and random times over the whole day.
  const slots = dates.flatMap((date) => [
    ...Array.from({ length: 36 }, (_, i) => ({ date, startMin: 30 + i * 5, durationMin: 5 + rng.int(4) * 5 })),
    ...Array.from({ length: 30 }, () => ({ date, startMin: rng.int(1380), durationMin: 5 + rng.int(12) * 5 })),
  ]);
  const events = slots.map(({ date, startMin, durationMin }, i) => feedEvent({
    centre, date, kind: 'room', ownerId: 'r-clock', itemId: `slot:${i}`,
    startMin, endMin: startMin + durationMin, summary: `slot ${i}`, location: 'Consult 1', description: `${date} ${startMin}+${durationMin}`,
  }));
  const { body } = renderIcs({ calendarName: 'Clock', states: reconcileFeedEvents([], events, new Date(0)).states, generatedAt: new Date(0) });
  const expected = slots.map(({ date, startMin, durationMin }, i) => ({ summary: `slot ${i}`, startUtc: oracle(date, startMin), endUtc: oracle(date, startMin + durationMin) }));
  const sortBySummary = <T extends { summary: string }>(rows: T[]) => [...rows].sort((a, b) => a.summary.localeCompare(b.summary));

  it('builds the instants the UK rules give', () => {
    expect(sortBySummary(events.map(({ summary, startUtc, endUtc }) => ({ summary, startUtc, endUtc })))).toEqual(sortBySummary(expected));
  });

  it.each([['ical.js', parseWithIcalJs], ['node-ical', parseWithNodeIcal]] as const)('%s reads every event back at the same instants', (_name, parse) => {
    const parsed = parse(body).map(({ summary, startUtc, endUtc }) => ({ summary, startUtc, endUtc }));
    expect(sortBySummary(parsed)).toEqual(sortBySummary(expected));
  });

  it('writes overlap times in UTC and every other time as local time with TZID', () => {
    const overlapping = events.filter((e) => isRepeatedWallClock(Date.parse(e.startUtc), 'Europe/London') || isRepeatedWallClock(Date.parse(e.endUtc), 'Europe/London'));
    expect(overlapping.length).toBeGreaterThan(0);
    expect(overlapping.every((e) => e.date === '2026-10-25')).toBe(true);
    expect(body.match(/^DTSTART:\d{8}T\d{6}Z\r$/gm)).toHaveLength(overlapping.length);
    expect(body.match(/^DTSTART;TZID=Europe\/London:/gm)).toHaveLength(events.length - overlapping.length);
  });
});

describe('isRepeatedWallClock', () => {
  it('is true only for the hour that happens twice on 25 October', () => {
    const at = (iso: string) => isRepeatedWallClock(Date.parse(iso), 'Europe/London');
    expect([at('2026-10-24T23:59:00Z'), at('2026-10-25T00:00:00Z'), at('2026-10-25T00:59:00Z'), at('2026-10-25T01:00:00Z'), at('2026-10-25T01:59:00Z'), at('2026-10-25T02:00:00Z')])
      .toEqual([false, true, true, true, true, false]);
    expect(at('2026-03-29T01:30:00Z')).toBe(false);
    expect(at('2026-07-01T12:00:00Z')).toBe(false);
  });
});
