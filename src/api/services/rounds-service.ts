// The support workers' pre-visit rounds for the lists (JSON, CSV, printable): the rounds
// preVisitRoundsService plans for the date, for everyone or one support worker.
import type { Knex } from 'knex';
import { staffMembers } from '../../db/repositories/staff-members.ts';
import { foundInCentre } from './centre-scoped-service.ts';
import { preVisitRoundsService, type PreVisitRoundsView } from './pre-visit-rounds-service.ts';

export type RoundsView = Omit<PreVisitRoundsView, 'problem' | 'plan'>;

/** The lists show what the coordinator reads, not the solver's raw problem and plan. */
function listView({ problem: _problem, plan: _plan, ...rest }: PreVisitRoundsView): RoundsView {
  return rest;
}

export const roundsService = {
  async forDay(db: Knex, centreId: string, date: string, query: Record<string, unknown> = {}, signal?: AbortSignal): Promise<RoundsView> {
    return listView(await preVisitRoundsService.plan(db, centreId, date, query, signal));
  },

  /** One support worker's round (404 for someone who is not on the centre's staff). */
  async forWorker(db: Knex, centreId: string, date: string, staffId: string, query: Record<string, unknown> = {}, signal?: AbortSignal): Promise<RoundsView & { workerId: string }> {
    await foundInCentre(db, centreId, await staffMembers.findById(db, centreId, staffId), 'staff member', staffId);
    const day = await roundsService.forDay(db, centreId, date, query, signal);
    return { ...day, workerId: staffId, rounds: day.rounds.filter((r) => r.workerId === staffId) };
  },
};
