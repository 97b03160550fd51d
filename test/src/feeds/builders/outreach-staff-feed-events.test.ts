import { describe, expect, it } from 'vitest';
import { outreachPatientFeedEvents } from '../../../../src/feeds/builders/outreach-patient-feed-events.ts';
import { outreachStaffFeedEvents } from '../../../../src/feeds/builders/outreach-staff-feed-events.ts';
import { patientFeedEvents } from '../../../../src/feeds/builders/patient-feed-events.ts';
import { staffFeedEvents } from '../../../../src/feeds/builders/staff-feed-events.ts';
import type { FeedOutreachDay } from '../../../../src/feeds/feed-types.ts';
import type { OutreachVisit } from '../../../../solver/index.ts';
import { errorOf, pathsOf } from '../errors.ts';
import { centre, day, patients } from '../feed-fixture.ts';

const DATE = '2026-03-30'; // BST: local = UTC + 1

const visit = (residentId: string, typeId: string, homeId: string, startMin: number, endMin: number, staffId: string, roomId = `own-room:${residentId}`, groupId?: string): OutreachVisit => ({
  id: `${residentId}:${typeId}`, residentId, typeId, kind: 'assessment', homeId, startMin, endMin, staffId, roomId, ...(groupId === undefined ? {} : { groupId }),
});

/** Dr Okafor drives to Ashcourt (p1, p2), then Beverley Grange (p3); a group session in Ashcourt's lounge. */
function outreach(mode: 'return' | 'remote' = 'return'): FeedOutreachDay {
  return {
    problem: {
      date: DATE,
      centre: { id: 'hull-icc', name: 'Jean Bishop ICC', mdt: { startMin: 900, durationMin: 60 }, mdtMode: mode, maxHomes: 3, transferMin: 5 },
      assessmentTypes: [
        { id: 'geri-review', name: 'Geriatrician review', discipline: 'geriatrician', kind: 'assessment', durationMin: 45, roomType: 'consult', qualification: 'geriatrician', groupCapacity: 1 },
        { id: 'falls-group', name: 'Falls prevention group', discipline: 'physio', kind: 'assessment', durationMin: 60, roomType: 'gym', qualification: 'physio', groupCapacity: 4 },
      ],
      homes: [
        { id: 'h-ash', name: 'Ashcourt Care Home', address: '14 Ashcourt Drive, Hull', postcode: 'HU6 7QT', visitingHours: { startMin: 600, endMin: 1020 }, sharedRooms: [{ id: 'h-ash:lounge', name: 'Garden lounge', capacity: 6 }] },
        { id: 'h-bev', name: 'Beverley Grange', address: '2 Grange Lane, Beverley', postcode: 'HU17 8AB', visitingHours: { startMin: 600, endMin: 1020 }, sharedRooms: [] },
      ],
      staff: [{ id: 's-ger', name: 'Dr Okafor' }, { id: 's-physio', name: 'Priya Shah' }],
    },
    plan: {
      date: DATE,
      visits: [
        visit('p1', 'geri-review', 'h-ash', 600, 645, 's-ger'),
        visit('p2', 'geri-review', 'h-ash', 650, 695, 's-ger'),
        visit('p3', 'geri-review', 'h-bev', 730, 775, 's-ger'),
        visit('p1', 'falls-group', 'h-ash', 660, 720, 's-physio', 'h-ash:lounge', 'falls@660'),
        visit('p2', 'falls-group', 'h-ash', 660, 720, 's-physio', 'h-ash:lounge', 'falls@660'),
      ],
      rounds: [{
        staffId: 's-ger', leaveCentreMin: 580, returnCentreMin: 800, travelMin: 60, waitMin: 0,
        stops: [
          { homeId: 'h-ash', arriveMin: 598, leaveMin: 695, visitIds: ['p1:geri-review', 'p2:geri-review'] },
          { homeId: 'h-bev', arriveMin: 720, leaveMin: 775, visitIds: ['p3:geri-review'] },
        ],
        legs: [],
      }],
      mdt: { startMin: 900, endMin: 960, mode, attendeeStaffIds: ['s-ger'] },
    },
  };
}

describe('outreachStaffFeedEvents', () => {
  it("puts the geriatrician's visits at each care home's name and address, at London wall-clock times", () => {
    const events = outreachStaffFeedEvents({ outreach: outreach(), centre, patients, staffId: 's-ger' });
    expect(events.map((e) => [e.summary, e.location, e.startUtc, e.endUtc])).toEqual([
      ['Care-home outreach: Ashcourt Care Home, Beverley Grange', 'Jean Bishop ICC, Hull HU6 9RZ', '2026-03-30T08:40:00.000Z', '2026-03-30T12:20:00.000Z'],
      ['Geriatrician review: MS (ref ICC-0042) (Ashcourt Care Home)', 'Ashcourt Care Home, 14 Ashcourt Drive, Hull, HU6 7QT', '2026-03-30T09:00:00.000Z', '2026-03-30T09:45:00.000Z'],
      ['Geriatrician review: JB (ref ICC-0043) (Ashcourt Care Home)', 'Ashcourt Care Home, 14 Ashcourt Drive, Hull, HU6 7QT', '2026-03-30T09:50:00.000Z', '2026-03-30T10:35:00.000Z'],
      ['Geriatrician review: EW (ref ICC-0050) (Beverley Grange)', 'Beverley Grange, 2 Grange Lane, Beverley, HU17 8AB', '2026-03-30T11:10:00.000Z', '2026-03-30T11:55:00.000Z'],
      ['MDT meeting', 'Jean Bishop ICC, Hull HU6 9RZ', '2026-03-30T14:00:00.000Z', '2026-03-30T15:00:00.000Z'],
    ]);
    expect(events[1]!.description).toBe("Resident: MS (ref ICC-0042)\nActivity: Geriatrician review\nCare home: Ashcourt Care Home\nRoom: Resident's own room\nTime: 10:00–10:45");
    expect(events[0]!.description).toContain('12:00–12:55 Beverley Grange, 2 Grange Lane, Beverley, HU17 8AB');
    expect(events[4]!.description).toContain('MS (ref ICC-0042), JB (ref ICC-0043), EW (ref ICC-0050)');
  });

  it('shows a group session in the lounge once, with its residents', () => {
    const events = outreachStaffFeedEvents({ outreach: outreach(), centre, patients, staffId: 's-physio' });
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toBe('Falls prevention group: MS (ref ICC-0042), JB (ref ICC-0043) (Ashcourt Care Home)');
    expect(events[0]!.description).toContain('Room: Garden lounge');
    expect(events[0]!.description).toContain('(group session)');
  });

  it('says the MDT is joined remotely when the centre lets the team stay out', () => {
    const mdt = outreachStaffFeedEvents({ outreach: outreach('remote'), centre, patients, staffId: 's-ger' }).at(-1)!;
    expect([mdt.summary, mdt.location]).toEqual(['MDT meeting (join remotely)', 'Remote: join from the field']);
  });

  it('never carries a name, NHS number or home address of a resident by default', () => {
    const text = JSON.stringify(['s-ger', 's-physio'].flatMap((staffId) => outreachStaffFeedEvents({ outreach: outreach(), centre, patients, staffId })));
    expect(text).not.toMatch(/Margaret|Smith|John|Brown|Edith|Walker|9434765919|4010232137|Beverley Road|Holderness|Anlaby/);
  });

  it('keeps UIDs when a visit moves, and never shares one with the ICC day of the same date', () => {
    const before = outreachStaffFeedEvents({ outreach: outreach(), centre, patients, staffId: 's-ger' });
    const moved = outreach();
    moved.plan.visits = moved.plan.visits.map((v) => (v.id === 'p1:geri-review' ? { ...v, startMin: 700, endMin: 745 } : v));
    const after = outreachStaffFeedEvents({ outreach: moved, centre, patients, staffId: 's-ger' });
    expect(new Set(after.map((e) => e.uid))).toEqual(new Set(before.map((e) => e.uid)));
    const p1 = (events: typeof before) => events.find((e) => e.summary.includes('MS (ref'))!;
    expect(p1(after).uid).toBe(p1(before).uid);
    expect(p1(after).startUtc).toBe('2026-03-30T10:40:00.000Z');
    const icc = staffFeedEvents({ day: day(DATE), centre, patients, staffId: 's-ger' });
    expect(icc.filter((e) => before.some((o) => o.uid === e.uid))).toEqual([]);
  });

  it('names a home the plan refers to but its problem lacks', () => {
    const broken = outreach();
    broken.problem.homes = broken.problem.homes.filter((h) => h.id !== 'h-bev');
    const error = errorOf(() => outreachStaffFeedEvents({ outreach: broken, centre, patients, staffId: 's-ger' }));
    expect(pathsOf(error)).toEqual(['problem.homes']);
    expect(error.message).toContain('h-bev');
  });
});

describe('outreachPatientFeedEvents', () => {
  it("puts a resident's visits at their care home's name and address, with whom and in which room", () => {
    const events = outreachPatientFeedEvents({ outreach: outreach(), centre, patients, patientId: 'p1' });
    const ashcourt = 'Ashcourt Care Home, 14 Ashcourt Drive, Hull, HU6 7QT';
    expect(events.map((e) => [e.summary, e.location, e.startUtc, e.endUtc])).toEqual([
      ['Geriatrician review with Dr Okafor at Ashcourt Care Home', ashcourt, '2026-03-30T09:00:00.000Z', '2026-03-30T09:45:00.000Z'],
      ['Falls prevention group with Priya Shah at Ashcourt Care Home', ashcourt, '2026-03-30T10:00:00.000Z', '2026-03-30T11:00:00.000Z'],
    ]);
    expect(events[0]!.description).toBe('For: MS (ref ICC-0042)\nActivity: Geriatrician review\nWith: Dr Okafor\nWhere: Ashcourt Care Home (the Jean Bishop ICC team visits you at the home)\nRoom: Your own room\nTime: 10:00–10:45');
    expect(events[1]!.description).toContain('Room: Garden lounge');
    // Only their own visits; nobody else's label; a resident not on the day gets nothing.
    expect(JSON.stringify(events)).not.toMatch(/JB|EW|Margaret|9434765919|Beverley Road/);
    expect(outreachPatientFeedEvents({ outreach: outreach(), centre, patients, patientId: 'p4' })).toEqual([]);
  });

  it('keeps UIDs when a visit moves, and never shares one with an ICC itinerary of the same date', () => {
    const before = outreachPatientFeedEvents({ outreach: outreach(), centre, patients, patientId: 'p3' });
    const moved = outreach();
    moved.plan.visits = moved.plan.visits.map((v) => (v.id === 'p3:geri-review' ? { ...v, startMin: 800, endMin: 845 } : v));
    const after = outreachPatientFeedEvents({ outreach: moved, centre, patients, patientId: 'p3' });
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after[0]!.startUtc).toBe('2026-03-30T12:20:00.000Z');
    const icc = patientFeedEvents({ day: day(DATE), centre, patients, patientId: 'p1' });
    const own = outreachPatientFeedEvents({ outreach: outreach(), centre, patients, patientId: 'p1' });
    expect(icc.length).toBeGreaterThan(0);
    expect(icc.filter((e) => own.some((o) => o.uid === e.uid))).toEqual([]);
  });
});
