import { describe, expect, it } from 'vitest';
import { feedCalendarDescription, feedCalendarName } from '../../../src/feeds/feed-calendar-name.ts';
import { centre, patients } from './feed-fixture.ts';

describe('feedCalendarName', () => {
  it('names staff, room and vehicle feeds owner first (a sidebar cuts the end, not the owner)', () => {
    expect(feedCalendarName(centre, 'staff', 'Dr Ruth Okafor')).toBe('Dr Ruth Okafor — ICC');
    expect(feedCalendarName(centre, 'vehicle', 'Minibus 1')).toBe('Minibus 1 — ICC transport');
    expect(feedCalendarName(centre, 'room', 'Therapy gym')).toBe('Therapy gym — ICC room');
    expect(feedCalendarName(centre, 'support-worker', 'Sam Patel')).toBe('Sam Patel — ICC pre-visits');
    expect(feedCalendarDescription(centre, 'staff', 'Dr Ruth Okafor')).toBe('Jean Bishop ICC — timetable of Dr Ruth Okafor');
  });

  it("names a patient's feed through the privacy rule", () => {
    expect(feedCalendarName(centre, 'patient', patients[0]!)).toBe('MS (ref ICC-0042) — ICC day');
    expect(feedCalendarName({ ...centre, fullPatientDetailsInFeeds: true }, 'patient', patients[0]!)).toBe('Margaret Smith (ref ICC-0042, NHS 943 476 5919) — ICC day');
  });
});
