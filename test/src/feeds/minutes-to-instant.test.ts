import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/index.ts';
import { minutesToInstant } from '../../../src/feeds/minutes-to-instant.ts';
import { probe } from './tz-probe.ts';

const utc = (date: string, minutes: number, zone = 'Europe/London') => new Date(minutesToInstant(date, minutes, zone).getTime()).toISOString();

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('minutesToInstant', () => {
  // London is on GMT (UTC+0) until 01:00 UTC on 29 March 2026 and on BST (UTC+1) until
  // 01:00 UTC on 25 October 2026, so 09:00 local is 09:00Z in winter and 08:00Z in summer.
  it.each([
    ['2026-03-28', 540, '2026-03-28T09:00:00.000Z'],
    ['2026-03-29', 540, '2026-03-29T08:00:00.000Z'],
    ['2026-03-30', 540, '2026-03-30T08:00:00.000Z'],
    ['2026-10-24', 540, '2026-10-24T08:00:00.000Z'],
    ['2026-10-25', 540, '2026-10-25T09:00:00.000Z'],
    ['2026-10-26', 540, '2026-10-26T09:00:00.000Z'],
  ])('reads %s + %i min as wall-clock time in Europe/London → %s', (date, minutes, expected) => {
    expect(utc(date, minutes)).toBe(expected);
  });

  it('returns a TZDate showing the requested wall clock in the zone', () => {
    const instant = minutesToInstant('2026-03-30', 13 * 60 + 45, 'Europe/London');
    expect([instant.getFullYear(), instant.getMonth() + 1, instant.getDate(), instant.getHours(), instant.getMinutes()]).toEqual([2026, 3, 30, 13, 45]);
    expect(instant.timeZone).toBe('Europe/London');
  });

  it('moves a time in the spring-forward gap to the end of the gap (02:00 BST)', () => {
    // 01:00–02:00 does not exist on 29 March: every minute of it is read as 02:00 BST = 01:00Z.
    expect(utc('2026-03-29', 59)).toBe('2026-03-29T00:59:00.000Z');
    expect(utc('2026-03-29', 60)).toBe('2026-03-29T01:00:00.000Z');
    expect(utc('2026-03-29', 90)).toBe('2026-03-29T01:00:00.000Z');
    expect(minutesToInstant('2026-03-29', 90, 'Europe/London').getHours()).toBe(2);
    expect(utc('2026-03-29', 120)).toBe('2026-03-29T01:00:00.000Z');
    expect(utc('2026-03-29', 121)).toBe('2026-03-29T01:01:00.000Z');
  });

  it('never goes backwards: later minutes never give an earlier instant, in any zone', () => {
    const cases: [string, string][] = [
      ['Europe/London', '2026-03-29'], ['Europe/London', '2026-10-25'], ['America/New_York', '2026-03-08'],
      ['America/New_York', '2026-11-01'], ['Australia/Lord_Howe', '2026-10-04'], ['Australia/Lord_Howe', '2026-04-05'],
    ];
    // Every minute of the small hours (where clocks change), then every 10 minutes.
    const minutes = [...Array.from({ length: 241 }, (_, m) => m), ...Array.from({ length: 120 }, (_, i) => 250 + i * 10)];
    const backwards: string[] = [];
    for (const [zone, date] of cases) {
      const instants = minutes.map((m) => minutesToInstant(date, m, zone).getTime());
      instants.forEach((ms, i) => { if (i > 0 && ms < instants[i - 1]!) backwards.push(`${zone} ${date} ${minutes[i]}`); });
    }
    expect(backwards).toEqual([]);
  });

  it('takes the first occurrence of a time in the autumn overlap (RFC 5545)', () => {
    // 01:00–02:00 happens twice on 25 October: first in BST (00:xxZ), then in GMT (01:xxZ).
    expect(utc('2026-10-25', 60)).toBe('2026-10-25T00:00:00.000Z');
    expect(utc('2026-10-25', 90)).toBe('2026-10-25T00:30:00.000Z');
    expect(utc('2026-10-25', 120)).toBe('2026-10-25T02:00:00.000Z');
  });

  it('applies the same rules in another zone (New York, 8 March and 1 November 2026)', () => {
    expect(utc('2026-03-08', 150, 'America/New_York')).toBe('2026-03-08T07:00:00.000Z'); // gap: 03:00 EDT
    expect(utc('2026-11-01', 90, 'America/New_York')).toBe('2026-11-01T05:30:00.000Z'); // overlap: EDT (−4) first
    expect(utc('2026-07-01', 540, 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
  });

  it('accepts 1440 as the midnight that ends the day', () => {
    expect(utc('2026-10-25', 1440)).toBe('2026-10-26T00:00:00.000Z');
    expect(utc('2026-03-29', 1440)).toBe('2026-03-29T23:00:00.000Z');
  });

  it('rejects bad input with an error naming the field', () => {
    expect(errorOf(() => minutesToInstant('2026-02-30', 540, 'Europe/London')).details).toEqual([expect.objectContaining({ path: 'date' })]);
    expect(errorOf(() => minutesToInstant('30/03/2026', 540, 'Europe/London')).details).toEqual([expect.objectContaining({ path: 'date' })]);
    expect(errorOf(() => minutesToInstant('2026-03-30', 1441, 'Europe/London')).details).toEqual([expect.objectContaining({ path: 'minutes' })]);
    expect(errorOf(() => minutesToInstant('2026-03-30', 9.5, 'Europe/London')).details).toEqual([expect.objectContaining({ path: 'minutes' })]);
    expect(errorOf(() => minutesToInstant('2026-03-30', 540, 'Mars/Olympus_Mons')).details).toEqual([expect.objectContaining({ path: 'timeZone' })]);
  });
});

describe('independence from the process time zone', () => {
  const probeScript = fileURLToPath(new URL('./tz-probe.ts', import.meta.url));
  const runProbe = (tz: string) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', probeScript], { env: { ...process.env, TZ: tz }, encoding: 'utf8' })) as ReturnType<typeof probe>;
  const here = probe();

  it('gives the expected instants in this process', () => {
    expect(here.instants).toEqual([
      '2026-03-28T09:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z',
      '2026-10-24T08:00:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-26T09:00:00.000Z',
    ]);
  });

  // Tokyo is the case that catches TZDate alone: there, it picks the second 01:30 on 25 October.
  it.each(['UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/London'])('converts, renders and parses identically under TZ=%s', (tz) => {
    const there = runProbe(tz);
    expect(there.instants).toEqual(here.instants);
    expect(there.body).toBe(here.body);
    expect(there.icalJs).toEqual(here.icalJs);
    expect(there.nodeIcal).toEqual(here.nodeIcal);
  });
});
