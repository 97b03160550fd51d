// Stops of vehicle runs and home-visit rounds: their end time and their wording.
import { appError } from '../../errors/index.ts';
import type { TimedStop } from '../feed-types.ts';

/** Boarding or alighting takes about this long when a stop gives no end time. */
export const DEFAULT_STOP_MIN = 5;

/** The stop's end: `endMin`, or start + 5 minutes for a pickup or drop-off. A home visit must say. */
export function stopEndMin(stop: TimedStop): number {
  if (stop.endMin !== undefined) return stop.endMin;
  if (stop.kind === 'home-visit') {
    throw appError.validation(`home visit ${stop.id} has no endMin`, [{ path: `${stop.id}.endMin`, message: 'is required for a home visit' }]);
  }
  return stop.startMin + DEFAULT_STOP_MIN;
}

/** "Pickup", "Drop-off", "Pre-visit", "Follow-up visit". */
export function stopName(stop: TimedStop): string {
  if (stop.kind === 'pickup') return 'Pickup';
  if (stop.kind === 'drop-off') return 'Drop-off';
  return stop.visitKind === 'follow-up' ? 'Follow-up visit' : 'Pre-visit';
}

/** "wheelchair, carer riding along": what the driver must know before arriving. */
export function stopNeeds(stop: TimedStop): string[] {
  const needs: string[] = [];
  if (stop.mobility === 'wheelchair') needs.push('wheelchair');
  if (stop.mobility === 'walking-aid') needs.push('walking aid');
  if (stop.carerRidingAlong) needs.push('carer riding along');
  return needs;
}
