import { describe, expect, it } from 'vitest';
import { feedCalendarName } from '../../../src/feeds/feed-calendar-name.ts';
import { centre, patients } from './feed-fixture.ts';

describe('feedCalendarName', () => {
  it('names staff, room and vehicle feeds after their owner', () => {
    expect(feedCalendarName(centre, 'staff', 'Dr Ruth Okafor')).toBe('Jean Bishop ICC — timetable: Dr Ruth Okafor');
    expect(feedCalendarName(centre, 'vehicle', 'Minibus 1')).toBe('Jean Bishop ICC — vehicle runs: Minibus 1');
  });

  it("names a patient's feed through the privacy rule", () => {
    expect(feedCalendarName(centre, 'patient', patients[0]!)).toBe('Jean Bishop ICC — ICC day: MS (ref ICC-0042)');
    expect(feedCalendarName({ ...centre, fullPatientDetailsInFeeds: true }, 'patient', patients[0]!)).toBe('Jean Bishop ICC — ICC day: Margaret Smith (ref ICC-0042, NHS 943 476 5919)');
  });
});
