// The README's demo tokens: registered once at the demo centre, each with its role and scope.
import { expect, it } from 'vitest';
import { apiTokenService } from '../../../src/auth/api-token-service.ts';
import { demoTokens, demoTokenSecrets } from '../../../src/auth/demo-tokens.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { truncateAll } from '../../helpers/test-database.ts';

describeEachDatabase('demoTokens', (getDb) => {
  it('does nothing without a centre, then registers the three tokens once with their scopes', async () => {
    await truncateAll(getDb());
    expect(await demoTokens(getDb())).toBeUndefined();
    const { centreId } = await loadDemoCentre(getDb(), { seed: 1, startDate: '2026-11-30' });
    const first = await demoTokens(getDb());
    expect(first).toMatchObject({ centreId, created: ['coordinator', 'clinician', 'transport'] });
    expect((await demoTokens(getDb()))!.created).toEqual([]);
    const auth = (secret: string) => apiTokenService.authenticate(getDb(), `Bearer ${secret}`);
    expect(await auth(demoTokenSecrets.coordinator)).toMatchObject({ role: 'coordinator', centreId, staffId: null });
    expect(await auth(demoTokenSecrets.clinician)).toMatchObject({ role: 'clinician', centreId, staffId: first!.clinicianStaffId });
    expect(await auth(demoTokenSecrets.transport)).toMatchObject({ role: 'transport', centreId });
  });
});
