import { describe, expect, it } from 'vitest';
import { bookOutreachDays } from '../../../solver/index.ts';

const homes = [
  { id: 'oak', lat: 53.76, lon: -0.37 },
  { id: 'ash', lat: 53.762, lon: -0.372 }, // ~0.3 km from Oak
  { id: 'far', lat: 53.80, lon: -0.30 }, // ~6 km away
];

describe('bookOutreachDays', () => {
  it('groups residents of a home (then of nearby homes) on one day, within capacity, by priority, around unavailable dates', () => {
    const result = bookOutreachDays({
      residents: [
        { referralId: 'o1', homeId: 'oak', priority: 2 },
        { referralId: 'o2', homeId: 'oak', priority: 1 },
        { referralId: 'a1', homeId: 'ash', priority: 1 },
        { referralId: 'f1', homeId: 'far', priority: 5, unavailableDates: ['2026-12-02'] },
        { referralId: 'f2', homeId: 'far', priority: 1 },
        { referralId: 'p1', homeId: 'oak', priority: 1, pinnedDate: '2026-12-09' },
      ],
      days: [{ date: '2026-12-02', maxResidents: 3, maxHomes: 2 }, { date: '2026-12-09', maxResidents: 3, maxHomes: 2 }],
      homes,
      nearbyKm: 1,
    });
    const dateOf = (id: string) => result.bookings.find((b) => b.referralId === id)?.date;
    expect(result.bookings.find((b) => b.referralId === 'p1')).toMatchObject({ date: '2026-12-09', pinned: true });
    // The far home's urgent resident cannot make the 2nd: the 9th, with the pinned Oak resident.
    expect(dateOf('f1')).toBe('2026-12-09');
    expect(dateOf('f2')).toBe('2026-12-09');
    // Oak and its near neighbour Ash share the 2nd.
    expect([dateOf('o1'), dateOf('o2'), dateOf('a1')]).toEqual(['2026-12-02', '2026-12-02', '2026-12-02']);
    expect(result.unbooked).toEqual([]);
    for (const day of result.days) expect(day.residents).toBeLessThanOrEqual(3);
    expect(result.days.find((d) => d.date === '2026-12-09')!.homeIds).toEqual(['far', 'oak']);
  });

  it('says why a resident is not booked', () => {
    const none = bookOutreachDays({ residents: [{ referralId: 'x', homeId: 'oak', priority: 1 }], days: [], homes, nearbyKm: 1 });
    expect(none.unbooked[0]!.reason).toBe('no-outreach-day');
    const away = bookOutreachDays({ residents: [{ referralId: 'x', homeId: 'oak', priority: 1, unavailableDates: ['2026-12-02'] }], days: [{ date: '2026-12-02', maxResidents: 3, maxHomes: 1 }], homes, nearbyKm: 1 });
    expect(away.unbooked[0]!.reason).toBe('unavailable');
    const full = bookOutreachDays({
      residents: [{ referralId: 'x', homeId: 'oak', priority: 2 }, { referralId: 'y', homeId: 'far', priority: 1 }],
      days: [{ date: '2026-12-02', maxResidents: 3, maxHomes: 1 }], homes, nearbyKm: 1,
    });
    expect(full.bookings.map((b) => b.referralId)).toEqual(['x']);
    expect(full.unbooked).toMatchObject([{ referralId: 'y', reason: 'full' }]);
    expect(full.unbooked[0]!.message).toContain('1/1 homes');
  });
});
