import { describe, expect, it } from 'vitest';
import { staffFeedEvents } from '../../../../src/feeds/builders/staff-feed-events.ts';
import { errorOf, pathsOf } from '../errors.ts';
import { centre, day, patients } from '../feed-fixture.ts';

const DATE = '2026-03-30'; // BST: local = UTC + 1

describe('staffFeedEvents', () => {
  it("lists the ANP's two patients and the MDT at local wall-clock times", () => {
    const events = staffFeedEvents({ day: day(DATE), centre, patients, staffId: 's-anp' });
    expect(events.map((e) => [e.summary, e.startUtc, e.endUtc])).toEqual([
      ['ANP initial assessment: MS (ref ICC-0042)', '2026-03-30T08:00:00.000Z', '2026-03-30T08:45:00.000Z'], // 09:00–09:45 BST
      ['ANP initial assessment: JB (ref ICC-0043)', '2026-03-30T08:50:00.000Z', '2026-03-30T09:35:00.000Z'],
      ['MDT meeting', '2026-03-30T14:00:00.000Z', '2026-03-30T15:00:00.000Z'],
    ]);
    expect(events[0]!.location).toBe('Consult 1, Jean Bishop ICC, Hull HU6 9RZ');
    expect(events[0]!.description).toContain('Time: 09:00–09:45');
    expect(events[2]!.description).toContain('MS (ref ICC-0042), JB (ref ICC-0043)');
    expect(events.every((e) => e.timeZone === 'Europe/London' && e.date === DATE)).toBe(true);
  });

  it('shows a group session once, with all its patients', () => {
    const events = staffFeedEvents({ day: day(DATE), centre, patients, staffId: 's-physio' });
    const group = events.filter((e) => e.summary.startsWith('Strength and balance group'));
    expect(group).toHaveLength(1);
    expect(group[0]!.summary).toBe('Strength and balance group: MS (ref ICC-0042), JB (ref ICC-0043)');
    expect(group[0]!.description).toContain('(group session)');
  });

  it('never carries a name, NHS number or address by default', () => {
    const text = JSON.stringify(['s-anp', 's-physio', 's-ger'].flatMap((staffId) => staffFeedEvents({ day: day(DATE), centre, patients, staffId })));
    expect(text).not.toMatch(/Margaret|Smith|John|Brown|9434765919|4010232137|Beverley|Holderness/);
  });

  it('keeps UIDs when a replan moves an activity, and gives a moved event its new time', () => {
    const before = staffFeedEvents({ day: day(DATE), centre, patients, staffId: 's-ger' });
    const after = staffFeedEvents({ day: day(DATE, 'replan'), centre, patients, staffId: 's-ger' });
    expect(new Set(after.map((e) => e.uid))).toEqual(new Set(before.map((e) => e.uid)));
    const uidOf = (events: typeof before, summary: string) => events.find((e) => e.summary.includes(summary))!;
    const moved = uidOf(after, 'MS (ref');
    expect(moved.uid).toBe(uidOf(before, 'MS (ref').uid);
    expect(moved.startUtc).toBe('2026-03-30T12:50:00.000Z'); // 13:50 BST, was 13:00
  });

  it('keeps a group session\'s UID when it moves, although the planner\'s groupId names its start', () => {
    const moved = day(DATE);
    moved.plan.activities = moved.plan.activities.map((a) =>
      a.groupId === 'g1' ? { ...a, startMin: 600, endMin: 660, groupId: 'strength-group@600:s-physio' } : a);
    const before = staffFeedEvents({ day: day(DATE), centre, patients, staffId: 's-physio' })[0]!;
    const after = staffFeedEvents({ day: moved, centre, patients, staffId: 's-physio' })[0]!;
    expect(after.uid).toBe(before.uid);
    expect([before.startUtc, after.startUtc]).toEqual(['2026-03-30T10:00:00.000Z', '2026-03-30T09:00:00.000Z']);
  });

  it('gives a staff member with nothing that day an empty feed', () => {
    const d = day(DATE);
    d.plan.mdt.attendeeStaffIds = [];
    expect(staffFeedEvents({ day: d, centre, patients, staffId: 's-nobody' })).toEqual([]);
  });

  it('names the inconsistency when a plan refers to staff or dates its problem does not know', () => {
    const d = day(DATE);
    d.plan.activities[0] = { ...d.plan.activities[0]!, roomId: 'r-ghost' };
    expect(errorOf(() => staffFeedEvents({ day: d, centre, patients, staffId: 's-anp' })).message).toContain('r-ghost');
    const other = { ...day(DATE), plan: day('2026-03-31').plan };
    expect(pathsOf(errorOf(() => staffFeedEvents({ day: other, centre, patients, staffId: 's-anp' })))).toEqual(['plan.date']);
  });
});
