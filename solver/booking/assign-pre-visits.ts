/**
 * Second stage of booking: give each booked referral a pre-visit day inside its lead window
 * within the support workers' slots per day. This is a bipartite b-matching; augmenting
 * paths (Kuhn's algorithm with day capacities) make it exact: if someone is left without a
 * pre-visit, no assignment of these ICC days fits them all.
 */

export interface PreVisitRequest {
  referralId: string;
  /** Allowed pre-visit days, most preferred first. */
  window: number[];
}

export interface PreVisitAssignment {
  /** referralId → pre-visit day. */
  days: Map<string, number>;
  /** Requests that could not be placed. */
  unplaced: string[];
}

/**
 * @param slots pre-visit slots left per day (index = day)
 * @example
 * assignPreVisits([{ referralId: 'R1', window: [3, 4] }], [0, 0, 0, 1, 1]).days.get('R1') // 3
 */
export function assignPreVisits(requests: PreVisitRequest[], slots: number[]): PreVisitAssignment {
  const occupants: number[][] = slots.map(() => []);
  const dayOf = new Array<number>(requests.length).fill(-1);

  const augment = (i: number, visited: Set<number>): boolean => {
    for (const p of requests[i]!.window) {
      if (visited.has(p) || (slots[p] ?? 0) <= 0) continue;
      visited.add(p);
      const here = occupants[p]!;
      if (here.length < slots[p]!) {
        here.push(i);
        dayOf[i] = p;
        return true;
      }
      for (let k = 0; k < here.length; k++) {
        const j = here[k]!;
        if (augment(j, visited)) {
          here[k] = i; // j moved elsewhere; i takes its place
          dayOf[i] = p;
          return true;
        }
      }
    }
    return false;
  };

  const unplaced: string[] = [];
  requests.forEach((request, i) => {
    if (!augment(i, new Set())) unplaced.push(request.referralId);
  });
  const days = new Map<string, number>();
  requests.forEach((request, i) => { if (dayOf[i]! >= 0) days.set(request.referralId, dayOf[i]!); });
  return { days, unplaced };
}
