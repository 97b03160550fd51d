import { describe, expect, it } from 'vitest';
import type { RunView, StopPassengerView, StopView } from '../../../src/api/services/transport-service.ts';
import { transportHtml } from '../../../src/exports/transport-exports.ts';

const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

function passenger(name: string, atMin: number): StopPassengerView {
  return { patientId: name, ref: `JB-${name}`, initials: name.slice(0, 2), name, phone: null, mobility: 'independent', carer: false, carerName: null, carerPhone: null, accessNotes: null, at: hhmm(atMin), atMin };
}

function centreStop(order: number, arriveMin: number, alighting: StopPassengerView[]): StopView {
  const departMin = Math.max(...alighting.map((p) => p.atMin)) + 2;
  return { order, arrive: hhmm(arriveMin), depart: hhmm(departMin), arriveMin, departMin, isCentre: true, address: 'Centre Road', boarding: [], alighting, onBoardAfter: { seatsUsed: 0, wheelchairSpacesUsed: 0, carers: 0 } };
}

function sheet(stops: StopView[]): string {
  const run: RunView = { vehicleId: 'v1', vehicleName: 'Minibus 1', driverName: null, kind: 'morning', leave: '07:30', leaveMin: 450, finish: '09:00', seats: 8, wheelchairSpaces: 2, distanceKm: 12, stops };
  return transportHtml({ centreName: 'The Centre', date: '2026-12-01', runs: [run], unserved: [], notRouted: [], planVersion: 1, planStatus: 'published' }, 'Run sheet');
}

describe('transportHtml', () => {
  // The routing now rarely keeps anyone waiting at the centre (maxWaitAboardAtCentreMin), so the
  // demo day no longer shows such a wait; the run sheet must still write one where it happens.
  it('writes a wait of more than 15 min inside a stop between the people it is for, and none for a shorter one', () => {
    const html = sheet([centreStop(3, 508, [passenger('Ann Lee', 508), passenger('Bob Hill', 530)])]);
    expect(html).toContain('Wait 22 min — Bob Hill is due in at 08:50');
    expect(html.match(/class="wait"/g)).toHaveLength(1);
    expect(sheet([centreStop(3, 508, [passenger('Ann Lee', 508), passenger('Bob Hill', 523)])])).not.toContain('class="wait"');
  });
});
