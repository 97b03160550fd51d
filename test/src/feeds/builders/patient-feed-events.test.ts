import { describe, expect, it } from 'vitest';
import { patientFeedEvents } from '../../../../src/feeds/builders/patient-feed-events.ts';
import { centre, day, patients, vehicleDay } from '../feed-fixture.ts';

const DATE = '2026-03-28'; // GMT: local = UTC

describe('patientFeedEvents', () => {
  const events = patientFeedEvents({ day: day(DATE), centre, patients, patientId: 'p1', transport: vehicleDay(DATE).stops });

  it("gives the patient's whole day in order: pickup, arrival, who they see, meal, end, drop-off", () => {
    expect(events.map((e) => [e.startUtc.slice(11, 16), e.summary])).toEqual([
      ['08:10', 'Transport pickup from home'],
      ['08:45', 'Arrive at Jean Bishop ICC and check in'],
      ['09:00', 'ANP initial assessment with Sam Patel'],
      ['11:00', 'Strength and balance group with Lee Chan'],
      ['12:00', 'Meal'],
      ['13:00', 'Geriatrician review with Dr Ruth Okafor'],
      ['13:45', 'Day at Jean Bishop ICC ends'],
      ['14:20', 'Transport drop-off at home'],
    ]);
    expect(events[1]!.endUtc).toBe('2026-03-28T09:00:00.000Z'); // check-in runs to the first activity
  });

  it('shows initials and reference, never name, NHS number or address, by default', () => {
    const text = JSON.stringify(events);
    expect(text).toContain('MS (ref ICC-0042)');
    expect(text).not.toMatch(/Margaret|Smith|9434765919|Beverley|JB \(ref/);
  });

  it('gives a patient who is not in the plan no events', () => {
    expect(patientFeedEvents({ day: day(DATE), centre, patients, patientId: 'p3' })).toEqual([]);
  });
});
