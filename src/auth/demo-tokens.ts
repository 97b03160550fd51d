// Known API tokens for the README walk-through, made ONLY when the demo is asked for
// (ICC_DEMO_TOKENS=1 with `npm start`); a production configuration never sets it, and the
// values are public, so anyone could use them (so the service starts with them on a loopback
// address only: src/config.ts). Each is registered once, at the demo centre by its id (recorded
// when the demo was loaded), never at a real centre.
import type { Knex } from 'knex';
import { apiTokens } from '../db/repositories/api-tokens.ts';
import { centres } from '../db/repositories/centres.ts';
import { serviceSettings } from '../db/repositories/service-settings.ts';
import { staffMembers } from '../db/repositories/staff-members.ts';
import { apiTokenService } from './api-token-service.ts';
import { hashApiTokenSecret } from './api-token-secret.ts';

export const demoTokenSecrets = {
  coordinator: 'icc_demo_coordinator_token_for_the_readme_only',
  clinician: 'icc_demo_clinician_token_for_the_readme_only',
  transport: 'icc_demo_transport_token_for_the_readme_only',
} as const;

export interface DemoTokens {
  centreId: string;
  /** The staff member the clinician token reads the timetable of. */
  clinicianStaffId: string;
  /** Roles whose token was made now (the others existed). */
  created: string[];
}

/** Registers the demo tokens at the demo centre; undefined when there is no demo centre or clinician. */
export async function demoTokens(db: Knex): Promise<DemoTokens | undefined> {
  const demoCentreId = await serviceSettings.get(db, 'demo_centre_id');
  const centre = demoCentreId === undefined ? undefined : await centres.findById(db, demoCentreId);
  if (!centre) return undefined;
  const clinician = (await staffMembers.list(db, centre.id)).find((s) => s.discipline !== 'support-worker');
  if (!clinician) return undefined;
  const created: string[] = [];
  for (const [role, secret] of Object.entries(demoTokenSecrets)) {
    if (await apiTokens.findActiveByHash(db, hashApiTokenSecret(secret))) continue;
    const body = { name: `demo ${role}`, role, centreId: centre.id, ...(role === 'clinician' ? { staffId: clinician.id } : {}) };
    await apiTokenService.create(db, body, 'demo', secret);
    created.push(role);
  }
  return { centreId: centre.id, clinicianStaffId: clinician.id, created };
}
