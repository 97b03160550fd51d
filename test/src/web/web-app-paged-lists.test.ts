// The coordinator's screen reads a list whole although the API sends it a page at a time
// (src/web/client/api.ts follows Link: rel="next"): with more referrals than one page holds,
// the Referrals view lists every one, in a real browser against the real service.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_LIMIT_DEFAULT } from '../../../src/api/pagination.ts';
import { patients, referrals } from '../../../src/db/index.ts';
import { launchBrowser } from '../../helpers/browser.ts';
import { patientBody, testNhsNumber } from '../../helpers/fixtures.ts';
import { startService, type RunningService } from '../../helpers/running-service.ts';
import { patientCreateSchema } from '../../../src/domain/patient.ts';
import { referralCreateSchema } from '../../../src/domain/referral.ts';

describe('paged lists in the web app', { timeout: 180_000 }, () => {
  let service: RunningService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService('2026-11-30'), launchBrowser()]);
    // Distinct NHS numbers (neighbouring seeds can give the same one) outside the demo's.
    const nhsNumbers = new Set<string>();
    for (let k = 600_000; nhsNumbers.size < PAGE_LIMIT_DEFAULT + 5; k++) nhsNumbers.add(testNhsNumber(k));
    const added = await patients.insertMany(service.db, service.centreId,
      [...nhsNumbers].map((nhsNumber, i) => patientCreateSchema.parse({ ...patientBody(1, { localRef: `PG-${String(i).padStart(4, '0')}` }), nhsNumber })));
    for (const patient of added) {
      await referrals.insert(service.db, service.centreId, referralCreateSchema.parse({ patientId: patient.id, referrer: { kind: 'gp', name: 'Dr P' }, referredDate: '2026-11-20' }));
    }
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('lists every referral, more than one page of the API', async () => {
    const total = (await referrals.list(service.db, service.centreId)).length;
    expect(total).toBeGreaterThan(PAGE_LIMIT_DEFAULT);
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await page.goto(`${service.baseUrl}/?date=2026-12-02`);
    await page.getByLabel('API token').fill(service.tokens.coordinator);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Referrals' }).click();
    const caption = page.getByRole('table').locator('caption', { hasText: 'referrals' });
    await caption.waitFor({ timeout: 60_000 });
    expect(await caption.textContent()).toBe(`${total} referrals`);
    expect(await page.getByRole('button', { name: /^Manage PG-/ }).count()).toBe(PAGE_LIMIT_DEFAULT + 5);
  });
});
