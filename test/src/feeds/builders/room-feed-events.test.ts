import { describe, expect, it } from 'vitest';
import { roomFeedEvents } from '../../../../src/feeds/builders/room-feed-events.ts';
import { centre, day, patients } from '../feed-fixture.ts';

const DATE = '2026-10-26'; // GMT: local = UTC

describe('roomFeedEvents', () => {
  it('lists each meal in the dining room', () => {
    const events = roomFeedEvents({ day: day(DATE), centre, patients, roomId: 'r-dining' });
    // Same start: the order between them is by UID, so compare as a sorted list.
    expect(events.map((e) => `${e.startUtc} ${e.summary}`).sort()).toEqual([
      '2026-10-26T12:00:00.000Z Meal: JB (ref ICC-0043)', // 12:00 GMT
      '2026-10-26T12:00:00.000Z Meal: MS (ref ICC-0042)',
    ]);
    expect(events).toHaveLength(2);
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
  });

  it('shows the group session once with its clinician, and the MDT in its room', () => {
    const gym = roomFeedEvents({ day: day(DATE), centre, patients, roomId: 'r-gym' });
    expect(gym).toHaveLength(1);
    expect(gym[0]!.description).toContain('With: Lee Chan');
    const seminar = roomFeedEvents({ day: day(DATE), centre, patients, roomId: 'r-seminar' });
    expect(seminar.map((e) => [e.summary, e.startUtc, e.endUtc])).toEqual([['MDT meeting', '2026-10-26T15:00:00.000Z', '2026-10-26T16:00:00.000Z']]);
  });

  it('uses different UIDs from the staff feed for the same activity', async () => {
    const { staffFeedEvents } = await import('../../../../src/feeds/builders/staff-feed-events.ts');
    const room = roomFeedEvents({ day: day(DATE), centre, patients, roomId: 'r-consult-1' });
    const staff = staffFeedEvents({ day: day(DATE), centre, patients, staffId: 's-anp' });
    expect(room.map((e) => e.uid).filter((uid) => staff.some((s) => s.uid === uid))).toEqual([]);
  });
});
