// The transport side of one demo ICC day: the demo centre's vehicles and the attending
// patients' homes, mobility and carers, without activity times (the coupled planner fills
// those in from the itineraries). Pairs with demoDayProblem for the same seed, date and size.
import type { TransportPassenger, TransportProblem, TravelLocation } from '../../solver/index.ts';
import { demoDayAttendance, type DemoDayProblemOptions } from './demo-day-problem.ts';

/** A transport problem whose passengers carry no activity times yet. */
export type DemoTransportProblem = Omit<TransportProblem, 'passengers'> & {
  passengers: Array<Omit<TransportPassenger, 'firstActivityStartMin' | 'arriveWindow' | 'lastActivityEndMin' | 'earliestCollectionMin'>>;
};

const CENTRE_LOCATION_ID = 'centre';

/**
 * The demo day's transport: every vehicle of the demo centre (depot, seats, wheelchair spaces,
 * driver's shift) and one passenger per attending patient — at home (coordinates), with their
 * mobility and an attending carer taking a seat; patients whose pre-visit said no transport is
 * needed come by own means. Same attending patients, in the same order, as `demoDayProblem`.
 *
 * @example demoTransportProblem({ seed: 1, date: '2026-12-01', patients: 8 }).passengers.length // 8
 */
export function demoTransportProblem(options: DemoDayProblemOptions): DemoTransportProblem {
  const { centre, attending } = demoDayAttendance(options);
  const { date } = options;
  const referralOf = new Map(centre.referrals.map((r) => [r.patientId, r.id]));
  const preVisitOf = new Map(centre.preVisits.map((v) => [v.referralId, v]));

  const locations: TravelLocation[] = [{ id: CENTRE_LOCATION_ID, lat: centre.centre.lat ?? undefined, lon: centre.centre.lon ?? undefined }];
  const depotIds = new Map<string, string>();
  const vehicles = centre.vehicles.map((v, i) => {
    const key = `${v.depot.lat},${v.depot.lon}`;
    if (!depotIds.has(key)) {
      depotIds.set(key, `depot-${depotIds.size + 1}`);
      locations.push({ id: depotIds.get(key)!, lat: v.depot.lat ?? undefined, lon: v.depot.lon ?? undefined });
    }
    return { id: v.id, name: v.name ?? `Vehicle ${i + 1}`, depotLocationId: depotIds.get(key)!, seats: v.seats, wheelchairSpaces: v.wheelchairSpaces, shift: { startMin: clockMin(v.driverShift.start), endMin: clockMin(v.driverShift.end) } };
  });
  const passengers = attending.map((p) => {
    const preVisit = preVisitOf.get(referralOf.get(p.id) ?? '');
    const homeLocationId = `home-${p.id}`;
    locations.push({ id: homeLocationId, lat: p.lat ?? undefined, lon: p.lon ?? undefined });
    return {
      patientId: p.id,
      ref: p.localRef,
      homeLocationId,
      address: p.postcode ?? undefined,
      mobility: p.mobility === 'walks' ? ('independent' as const) : p.mobility,
      carer: p.carer?.attending ?? false,
      ownMeans: !(preVisit?.transportNeeded ?? true),
    };
  });
  return { date, centreLocationId: CENTRE_LOCATION_ID, locations, vehicles, passengers };
}

function clockMin(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}
