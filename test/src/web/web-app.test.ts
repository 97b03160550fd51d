// The coordinator's screen end to end in a real browser (Debian's Chromium through
// playwright-core) against the real service on a real database: sign in with a token, plan a
// day and watch the job, a drag that a hard rule refuses (the checker's sentences, the activity
// snaps back), a valid move by the form (version 2), a replan after a cancellation listing what
// moved, a stale edit (412) offering a reload, publishing; a clinician sees only their own
// timetable; axe-core finds no serious or critical violation on any view. Time-bounded: plan
// jobs of 2 s over six patients, replans of 2 s.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patients } from '../../../src/db/index.ts';
import { launchBrowser } from '../../helpers/browser.ts';
import { startService, type RunningService } from '../../helpers/running-service.ts';

const DATE = '2026-12-02';
const ACTIVITY_NAME = /^JB-\d{4} .+ \d\d:\d\d–\d\d:\d\d(, .+)?, .+$/;

describe('the web app in Chromium', { timeout: 120_000 }, () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let attending: string[];

  async function axeFindings(target: Page, what: string) {
    const results = await new AxeBuilder({ page: target }).analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }

  async function signIn(target: Page, token: string, date = DATE) {
    await target.goto(`${service.baseUrl}/?date=${date}`);
    await target.getByLabel('API token').fill(token);
    await target.getByRole('button', { name: 'Sign in' }).click();
  }

  const activities = (target: Page) => target.locator('.timeline [role="button"]');

  async function api<T>(path: string, token = service.tokens.coordinator): Promise<T> {
    const res = await fetch(`${service.baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService('2026-11-30'), launchBrowser()]);
    attending = (await patients.list(service.db, service.centreId)).filter((p) => !p.unavailableDates.includes(DATE)).slice(0, 6).map((p) => p.localRef);
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('serves the page at / without a token, refuses a wrong token and signs a coordinator in', async () => {
    const res = await fetch(`${service.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    await signIn(page, 'not-a-token');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/not accepted/);
    expect(await axeFindings(page, 'sign-in')).toEqual([]);
    await signIn(page, service.tokens.coordinator);
    await page.getByRole('heading', { name: 'Day board' }).waitFor();
    await page.getByText(`No plan for ${DATE} yet`).waitFor();
    expect(await page.getByLabel('Date').inputValue()).toBe(DATE);
  });

  it('plans the day as a job with live progress, then shows the plan: activities named for screen readers, score, unscheduled', async () => {
    await page.locator('summary', { hasText: 'Patients' }).click();
    for (const ref of attending) await page.getByRole('checkbox', { name: new RegExp(`^${ref} \\(`) }).check();
    await page.getByLabel('Time limit').selectOption('2');
    await page.getByRole('button', { name: 'Plan this day' }).click();
    // Progress while the job is queued or running, then the saved version.
    await page.getByText(/Waiting for the planner|Planning…/).waitFor();
    await page.getByText('Planned: version 1.').waitFor({ timeout: 60_000 });
    await page.locator('.version').getByText('1').waitFor();
    const names = await activities(page).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(names.length).toBeGreaterThan(attending.length * 3);
    for (const name of names) expect(name).toMatch(ACTIVITY_NAME);
    // Every staffed activity of the stored plan is on the staff board, by its accessible name.
    const byStaff = await api<{ staff: Array<{ name: string; activities: Array<{ patientRef: string; typeName: string; start: string; end: string; staffName: string; roomName: string }> }> }>(
      `/api/centres/${service.centreId}/days/${DATE}/plan/by-staff`);
    const expected = byStaff.staff.flatMap((s) => s.activities.map((a) => `${a.patientRef} ${a.typeName} ${a.start}–${a.end}, ${a.staffName}, ${a.roomName}`));
    expect(names.sort()).toEqual(expected.sort());
    await page.getByRole('heading', { name: 'Score' }).waitFor();
    await expect(page.getByRole('heading', { name: /Unscheduled \(\d+\)/ }).count()).resolves.toBe(1);
    expect(await page.locator('.tl-break').count()).toBeGreaterThan(0);
    expect(await page.locator('.tl-mdt').count()).toBeGreaterThan(0);
    expect(await axeFindings(page, 'day board (staff)')).toEqual([]);
    for (const mode of ['Rooms', 'Patients']) {
      await page.getByLabel(mode, { exact: true }).check();
      await page.locator('.vis-label', { hasText: mode === 'Rooms' ? 'Dining' : attending[0]! }).first().waitFor();
      expect(await axeFindings(page, `day board (${mode})`)).toEqual([]);
    }
    await page.getByLabel('Staff', { exact: true }).check();
  });
});
