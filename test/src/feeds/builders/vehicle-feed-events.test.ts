import { describe, expect, it } from 'vitest';
import { vehicleFeedEvents } from '../../../../src/feeds/builders/vehicle-feed-events.ts';
import { errorOf } from '../errors.ts';
import { centre, patients, vehicleDay } from '../feed-fixture.ts';

const DATE = '2026-03-30'; // BST

describe('vehicleFeedEvents', () => {
  it('lists pickups and drop-offs with the address and what the driver must know', () => {
    const events = vehicleFeedEvents({ vehicleDay: vehicleDay(DATE), centre, patients });
    expect(events.map((e) => [e.startUtc.slice(11, 16), e.summary, e.location])).toEqual([
      ['07:10', 'Pickup: MS (ref ICC-0042) (walking aid)', '12 Beverley Road, Hull HU5 1AA'],
      ['07:40', 'Pickup: JB (ref ICC-0043) (wheelchair, carer riding along)', '3 Holderness Road, Hull HU8 7NA'],
      ['13:20', 'Drop-off: MS (ref ICC-0042) (walking aid)', '12 Beverley Road, Hull HU5 1AA'],
      ['14:05', 'Drop-off: JB (ref ICC-0043) (wheelchair, carer riding along)', '3 Holderness Road, Hull HU8 7NA'],
    ]);
    expect(events[0]!.endUtc).toBe('2026-03-30T07:15:00.000Z'); // 5 minutes to board by default
    expect(JSON.stringify(events)).not.toMatch(/Margaret|Smith|John|Brown|9434765919|4010232137/);
  });

  it('names the patients only when the centre allows full details', () => {
    const events = vehicleFeedEvents({ vehicleDay: vehicleDay(DATE), centre: { ...centre, fullPatientDetailsInFeeds: true }, patients });
    expect(events[0]!.summary).toBe('Pickup: Margaret Smith (ref ICC-0042, NHS 943 476 5919) (walking aid)');
  });

  it('refuses a stop for a patient it was not told about, naming the patient', () => {
    const vd = vehicleDay(DATE);
    vd.stops.push({ id: 'p77:pickup', patientId: 'p77', kind: 'pickup', startMin: 500 });
    expect(errorOf(() => vehicleFeedEvents({ vehicleDay: vd, centre, patients })).message).toContain('p77');
  });
});
