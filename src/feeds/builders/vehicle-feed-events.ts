// A vehicle's calendar for the driver: each pickup and drop-off with the address (SPEC §2).
import { formatMinutes } from '../../../solver/index.ts';
import { byStartThenUid, centreLocation, feedEvent } from '../feed-event.ts';
import type { FeedCentre, FeedEvent, FeedPatient, VehicleDay } from '../feed-types.ts';
import { patientDirectory } from '../patient-for-feed.ts';
import { stopEndMin, stopName, stopNeeds } from './stop-times.ts';

export interface VehicleFeedInput {
  vehicleDay: VehicleDay;
  centre: FeedCentre;
  patients: readonly FeedPatient[];
}

/**
 * One vehicle's stops for one day. The driver needs the home address, so the privacy rule's
 * transport audience includes it; names only when the centre allows full details.
 */
export function vehicleFeedEvents({ vehicleDay, centre, patients }: VehicleFeedInput): FeedEvent[] {
  const patient = patientDirectory(patients, 'transport', centre);
  return vehicleDay.stops
    .map((stop) => {
      const who = patient(stop.patientId);
      const needs = stopNeeds(stop);
      const endMin = stopEndMin(stop);
      return feedEvent({
        centre, date: vehicleDay.date, kind: 'vehicle', ownerId: vehicleDay.vehicleId, itemId: `stop:${stop.id}`,
        startMin: stop.startMin, endMin,
        summary: `${stopName(stop)}: ${who.label}${needs.length > 0 ? ` (${needs.join(', ')})` : ''}`,
        location: who.homeAddress!,
        description: [
          `${stopName(stop)} at ${formatMinutes(stop.startMin)}: ${who.label}`,
          `Address: ${who.homeAddress}`,
          `Needs: ${needs.length > 0 ? needs.join(', ') : 'none noted'}`,
          stop.kind === 'pickup' ? `Take to: ${centreLocation(centre)}` : `From: ${centreLocation(centre)}`,
          `Vehicle: ${vehicleDay.vehicleName}`,
        ].join('\n'),
      });
    })
    .sort(byStartThenUid);
}
