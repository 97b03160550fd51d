// assignFollowUps: the pure choice of day and clinician behind POST …/follow-ups/plan.
import { describe, expect, it } from 'vitest';
import { assignFollowUps, HOME_VISIT_TRAVEL_ALLOWANCE_MIN, type StaffDay } from '../../../src/api/services/follow-up-assignment.ts';
import type { FollowUp } from '../../../src/domain/referral-pathway.ts';

const followUp = (id: string, overrides: Partial<FollowUp> = {}): FollowUp => ({
  id, centreId: 'c', referralId: `r-${id}`, patientId: `p-${id}`, typeCode: 'icc-phone-review', mode: 'phone', discipline: 'anp', durationMin: 20,
  earliestDate: '2026-03-16', latestDate: '2026-03-18', status: 'requested', bookedDate: null, staffId: null, startMin: null, continuity: false,
  unbookedReason: null, createdAt: '', updatedAt: '', ...overrides,
});
const day = (staffId: string, date: string, freeMin: number, discipline = 'anp'): StaffDay => ({ staffId, discipline, date, shiftStartMin: 540, shiftEndMin: 540 + freeMin, freeMin });

describe('assignFollowUps', () => {
  it('takes the earliest day with room, and the emptier diary on that day', () => {
    const { assigned } = assignFollowUps([followUp('a')], [day('s1', '2026-03-17', 300), day('s2', '2026-03-16', 30), day('s3', '2026-03-16', 60)], new Map());
    expect(assigned).toEqual([{ followUpId: 'a', date: '2026-03-16', staffId: 's3', continuity: false }]);
  });

  it('prefers a clinician the patient saw, even on a later day of the window', () => {
    const seen = new Map([['p-a', new Set(['s1'])]]);
    const { assigned } = assignFollowUps([followUp('a')], [day('s2', '2026-03-16', 300), day('s1', '2026-03-18', 30)], seen);
    expect(assigned[0]).toMatchObject({ staffId: 's1', date: '2026-03-18', continuity: true });
  });

  it('books the tightest deadline first, counts travel for home visits, and explains the rest', () => {
    const need = 60 + HOME_VISIT_TRAVEL_ALLOWANCE_MIN;
    const loose = followUp('loose', { mode: 'home-visit', durationMin: 60, discipline: 'physio', latestDate: '2026-03-20' });
    const tight = followUp('tight', { mode: 'home-visit', durationMin: 60, discipline: 'physio', latestDate: '2026-03-16' });
    const { assigned, refused } = assignFollowUps([loose, tight], [day('p1', '2026-03-16', need, 'physio')], new Map());
    expect(assigned.map((a) => a.followUpId)).toEqual(['tight']);
    expect(refused).toEqual([{ followUpId: 'loose', reason: 'no-capacity-in-window', message: expect.stringContaining('90 free minutes') }]);
  });

  it('no one of the discipline on the rota → no-team-on-shift', () => {
    const { refused } = assignFollowUps([followUp('a', { discipline: 'ot' })], [day('s1', '2026-03-16', 300)], new Map());
    expect(refused[0]!.reason).toBe('no-team-on-shift');
  });

  it('with equal deadlines, the patient with a familiar clinician chooses first', () => {
    // Listed first and with the emptier diary in view, 'a' would take s1 and leave 'b' without its clinician.
    const seen = new Map([['p-b', new Set(['s1'])]]);
    const { assigned } = assignFollowUps([followUp('a'), followUp('b')], [day('s1', '2026-03-16', 30), day('s2', '2026-03-16', 25)], seen);
    expect(assigned).toEqual([
      { followUpId: 'b', date: '2026-03-16', staffId: 's1', continuity: true },
      { followUpId: 'a', date: '2026-03-16', staffId: 's2', continuity: false },
    ]);
  });
});
