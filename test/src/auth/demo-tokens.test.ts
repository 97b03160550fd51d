// The README's demo tokens: registered once at the demo centre, each with its role and scope.
import { expect, it } from 'vitest';
import { apiTokenService } from '../../../src/auth/api-token-service.ts';
import { demoTokens, demoTokenSecrets } from '../../../src/auth/demo-tokens.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { truncateAll } from '../../helpers/test-database.ts';
import { centres } from '../../../src/db/repositories/centres.ts';
import { centreBody } from '../../helpers/fixtures.ts';
import { centreService } from '../../../src/api/services/centre-service.ts';

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

  it('binds the tokens to the demo centre by id, never to a real centre that sorts first by name', async () => {
    await truncateAll(getDb());
    const { centreId } = await loadDemoCentre(getDb(), { seed: 1, startDate: '2026-11-30' });
    const real = await centreService.create(getDb(), centreBody('AAA Real ICC'), { name: 'test' });
    expect((await centres.list(getDb()))[0]!.id).toBe(real.id);
    expect(await demoTokens(getDb())).toMatchObject({ centreId });
    const auth = (secret: string) => apiTokenService.authenticate(getDb(), `Bearer ${secret}`);
    expect(await auth(demoTokenSecrets.coordinator)).toMatchObject({ centreId });
  });

  it('registers nothing on a database whose centres were not loaded as the demo', async () => {
    await truncateAll(getDb());
    await centreService.create(getDb(), centreBody('Real ICC'), { name: 'test' });
    expect(await demoTokens(getDb())).toBeUndefined();
  });
});
