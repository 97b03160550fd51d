// A support worker's pre-visit round: visit order, times and addresses (SPEC §2, §3B).
import { formatInterval } from '../../../solver/index.ts';
import { byStartThenUid, feedEvent } from '../feed-event.ts';
import type { FeedCentre, FeedEvent, FeedPatient, SupportWorkerRound } from '../feed-types.ts';
import { patientDirectory } from '../patient-for-feed.ts';
import { stopEndMin, stopName } from './stop-times.ts';

export interface SupportWorkerFeedInput {
  round: SupportWorkerRound;
  centre: FeedCentre;
  patients: readonly FeedPatient[];
}

/**
 * One support worker's home visits for one day, in visiting order, each at the patient's
 * address (the home-visit audience of the privacy rule includes it).
 */
export function supportWorkerFeedEvents({ round, centre, patients }: SupportWorkerFeedInput): FeedEvent[] {
  const patient = patientDirectory(patients, 'home-visit', centre);
  const ordered = [...round.visits].sort((a, b) => a.startMin - b.startMin);
  return ordered
    .map((visit, index) => {
      const who = patient(visit.patientId);
      const endMin = stopEndMin(visit);
      return feedEvent({
        centre, date: round.date, kind: 'support-worker', ownerId: round.supportWorkerId, itemId: `stop:${visit.id}`,
        startMin: visit.startMin, endMin,
        summary: `${stopName(visit)} ${index + 1}: ${who.label}`,
        location: who.homeAddress!,
        description: [
          `${stopName(visit)} ${index + 1} of ${ordered.length} at home: ${who.label}`,
          `Address: ${who.homeAddress}`,
          `Time: ${formatInterval(visit.startMin, endMin)}`,
          `Support worker: ${round.supportWorkerName}`,
        ].join('\n'),
      });
    })
    .sort(byStartThenUid);
}
