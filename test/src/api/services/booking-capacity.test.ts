// Booking capacity counts the minutes of each shift a clinician can spend with patients: inside
// opening hours, before the MDT for its members, less the breaks in that window (hand-computed).
import { describe, expect, it } from 'vitest';
import { bookingCapacity, patientFacingMinutes } from '../../../../src/api/services/booking-capacity.ts';
import type { Centre } from '../../../../src/domain/centre.ts';
import type { Shift } from '../../../../src/domain/shift.ts';
import type { StaffMember } from '../../../../src/domain/staff-member.ts';

const centre = { openingHours: { start: '08:30', end: '17:00' }, mdt: { start: '16:00', durationMin: 60 }, openWeekdays: [1, 2, 3, 4, 5], closedDates: [] } as unknown as Centre;
const shift = (start: string, end: string, breaks: Array<[string, string]> = [], extra: Partial<Shift> = {}) =>
  ({ start, end, breaks: breaks.map(([s, e]) => ({ start: s, end: e })), ...extra }) as Shift;
const mdt = { mdtMember: true };
const notMdt = { mdtMember: false };

describe('patientFacingMinutes', () => {
  it('an MDT member: from opening to the MDT, less the lunch break (08:30–16:00 less 30 = 420)', () => {
    expect(patientFacingMinutes(shift('08:00', '17:30', [['12:30', '13:00']]), centre, mdt)).toBe(420);
  });

  it('a clinician outside the MDT: to closing (08:30–17:00 less 30 = 480)', () => {
    expect(patientFacingMinutes(shift('08:00', '17:30', [['12:30', '13:00']]), centre, notMdt)).toBe(480);
  });

  it('counts only the part of a break inside the window, and nothing for a shift wholly after the MDT', () => {
    expect(patientFacingMinutes(shift('09:00', '17:00', [['15:45', '16:15']]), centre, mdt)).toBe(405); // 09:00–16:00 = 420, less 15
    expect(patientFacingMinutes(shift('16:00', '18:00'), centre, mdt)).toBe(0);
  });
});

describe('bookingCapacity', () => {
  it("sums each discipline's patient-facing minutes per open day; support workers count pre-visits", () => {
    const staff = [
      { id: 'geri', discipline: 'geriatrician', active: true, mdtMember: true },
      { id: 'ot', discipline: 'ot', active: true, mdtMember: false },
      { id: 'sw', discipline: 'support-worker', active: true, mdtMember: false },
    ] as StaffMember[];
    const shifts = [
      shift('08:30', '17:00', [['12:30', '13:00']], { staffId: 'geri', date: '2026-12-07' }),
      shift('08:30', '17:00', [['12:30', '13:00']], { staffId: 'ot', date: '2026-12-07' }),
      shift('09:00', '17:00', [], { staffId: 'sw', date: '2026-12-07' }),
    ];
    const [monday] = bookingCapacity(centre, staff, shifts, '2026-12-07', 1, { patientPlacesPerDay: 8, preVisitsPerSupportWorker: 3, supportWorkerDiscipline: 'support-worker' });
    expect(monday).toEqual({ open: true, patientPlaces: 8, disciplineMinutes: { geriatrician: 420, ot: 480 }, preVisitSlots: 3 });
  });
});
