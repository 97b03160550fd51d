import { describe, expect, it } from 'vitest';
import { passengerReach, type ReachContext } from '../../../solver/coupling/transport-reach.ts';
import { buildTravel } from '../../../solver/routing/build-travel.ts';
import { DEFAULT_TRANSPORT_RULES, type TransportPassenger, type TransportVehicle } from '../../../solver/transport/transport-problem.ts';

// A straight road: depot 0, centre 10, home 30 (minutes).
const positions = [0, 10, 30];
const locations = [{ id: 'depot' }, { id: 'centre' }, { id: 'home' }];
const travel = buildTravel(locations, { matrix: { travelMin: positions.map((a) => positions.map((b) => Math.abs(a - b))) } });
const van: TransportVehicle = { id: 'van', depotLocationId: 'depot', seats: 4, wheelchairSpaces: 0, shift: { startMin: 450, endMin: 1050 } };
const ctx = (vehicles: TransportVehicle[]): ReachContext => ({ travel, centre: 1, homeOf: () => 2, depotOf: () => 0, vehicles, rules: DEFAULT_TRANSPORT_RULES });
const walker: TransportPassenger = { patientId: 'P', homeLocationId: 'home', mobility: 'independent' };

describe('passengerReach', () => {
  it('bounds arrival and last end by a direct trip within the driver shift', () => {
    // Morning: leave 07:30, 30 min to the home, board 3, 20 to the centre, alight 2 → 08:25.
    // Afternoon: back at the depot by 17:30 = home by 17:00; alight 2, 20 min drive, board 3, buffer 10 → last end 16:25.
    expect(passengerReach(walker, ctx([van]))).toEqual({ earliestArrivalMin: 505, latestLastEndMin: 985 });
  });

  it('follows the pick-up and home-by preferences', () => {
    const r = passengerReach({ ...walker, earliestPickupMin: 540, latestHomeMin: 960 }, ctx([van]));
    expect(r).toEqual({ earliestArrivalMin: 540 + 3 + 20 + 2, latestLastEndMin: 960 - 2 - 20 - 3 - 10 });
  });

  it('uses the longer wheelchair boarding times and says never when no vehicle fits', () => {
    const chair: TransportPassenger = { ...walker, mobility: 'wheelchair' };
    expect(passengerReach(chair, ctx([van]))).toEqual({ earliestArrivalMin: Infinity, latestLastEndMin: -Infinity });
    const accessible = { ...van, wheelchairSpaces: 1 };
    expect(passengerReach(chair, ctx([accessible])).earliestArrivalMin).toBe(450 + 30 + 8 + 20 + 6);
  });
});
