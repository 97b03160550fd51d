// The README's screenshots of the coordinator's screen, at 1366×768 and 1024×768 (the board and a
// timetable also on a 390×844 phone), taken from
// the real service (demo centre, in-memory database) in Debian's Chromium:
//   npx tsx test/tools/take-screenshots.ts        → docs/screens/*.png
// A day of 8 patients (the booking planner's places per day for the demo centre's one team) is
// planned through the API as the screen would (a 5 s plan job), two cancellations replanned, and
// each view photographed as a user sees it.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startDemoService } from '../helpers/demo-service.ts';
import { patients } from '../../src/db/index.ts';
import { patientBody } from '../helpers/fixtures.ts';

const DATE = '2026-12-02';
const OUTREACH_DAY = '2026-12-03'; // a Thursday with no ICC plan: a team booked at the centre cannot also go out
const OUT = new URL('../../docs/screens/', import.meta.url);
const sizes = [{ width: 1366, height: 768 }, { width: 1024, height: 768 }];

const service = await startDemoService('2026-11-30');
const browser = await launchBrowser();
try {
  const headers = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
  const coordinator = headers(service.tokens.coordinator);
  const base = `${service.baseUrl}/api/centres/${service.centreId}`;
  const attending = (await patients.list(service.db, service.centreId)).filter((p) => !p.unavailableDates.includes(DATE)).slice(0, 8).map((p) => p.id);
  const job = await (await fetch(`${base}/plan-jobs`, { method: 'POST', headers: coordinator, body: JSON.stringify({ date: DATE, patientIds: attending, timeLimitSec: 5 }) })).json() as { id: string };
  for (;;) {
    const state = await (await fetch(`${base}/plan-jobs/${job.id}`, { headers: coordinator })).json() as { status: string };
    if (state.status === 'succeeded') break;
    if (state.status !== 'queued' && state.status !== 'running') throw new Error(`plan job ${state.status}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await mkdir(OUT, { recursive: true });

  const open = async (size: { width: number; height: number }, token: string) => {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    await page.goto(`${service.baseUrl}/?date=${DATE}`);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page;
  };
  const shot = (page: Page, name: string, size: { width: number }) => page.screenshot({ path: new URL(`${name}-${size.width}.png`, OUT).pathname });

  for (const size of sizes) {
    const signIn = await (await browser.newContext({ viewport: size })).newPage();
    await signIn.goto(service.baseUrl);
    await signIn.getByLabel('API token').fill('icc_demo_coordinator_token_for_the_readme_only');
    await shot(signIn, 'sign-in', size);

    const page = await open(size, service.tokens.coordinator);
    await page.locator('.timeline [role="button"]').first().waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'day-board', size);

    // A refused move by the form: the checker's sentences inline.
    const first = page.locator('.timeline [role="button"]').first();
    await first.click();
    await page.locator('.activity-panel').getByLabel('Start (HH:MM)').fill('08:00');
    await page.locator('.activity-panel').getByRole('button', { name: 'Move' }).click();
    await page.locator('.activity-panel .refusal').waitFor();
    await page.locator('.activity-panel').scrollIntoViewIfNeeded();
    await shot(page, 'move-refused', size);
    await page.locator('.activity-panel').getByRole('button', { name: 'Close' }).click();

    await page.getByLabel('Patients', { exact: true }).check();
    await page.waitForTimeout(300);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'day-board-patients', size);
    await page.getByLabel('Staff', { exact: true }).check();

    await page.getByRole('button', { name: 'Transport' }).click();
    await page.getByText('Follows plan version').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    await shot(page, 'transport', size);
    await page.context().close();

    const clinician = await open(size, service.tokens.clinician);
    await clinician.getByRole('heading', { name: 'My timetable' }).waitFor();
    await clinician.locator('.version').waitFor();
    await clinician.waitForTimeout(300);
    await shot(clinician, 'clinician', size);
    await clinician.context().close();
  }
  // On a phone: the board and a clinician's timetable, three hours of the day in sight.
  const phone = { width: 390, height: 844 };
  for (const [token, name] of [[service.tokens.coordinator, 'day-board'], [service.tokens.clinician, 'clinician']] as const) {
    const page = await open(phone, token);
    await page.locator('.version').waitFor({ timeout: 60_000 });
    await page.locator('.timeline [role="button"]').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    await shot(page, name, phone);
    await page.context().close();
  }
  // One replan, photographed once per size from the coordinator's board.
  for (const size of sizes) {
    const page = await open(size, service.tokens.coordinator);
    const replan = page.locator('.replan');
    await replan.waitFor();
    // Two cancellations listed; sent together at 1366 px, shown composed at 1024 px.
    await replan.getByLabel('Now (HH:MM)').fill('09:00');
    for (const index of [0, 1]) {
      await replan.getByLabel('Patient').selectOption({ index });
      await replan.getByRole('button', { name: 'Add to the changes' }).click();
    }
    if (size === sizes[0]) {
      await replan.getByRole('button', { name: 'Replan with 2 changes' }).click();
      await replan.locator('.replan-result').waitFor({ timeout: 60_000 });
    }
    await replan.scrollIntoViewIfNeeded();
    await shot(page, 'replan', size);
    await page.context().close();
  }
  // An outreach day: the team made through the API (issue 16's walkthrough) with two Ashcourt
  // residents referred, then on the screen the booking planner's proposals (photographed),
  // booked in one click, planned as a plan job and the plan photographed.
  const post = async <T,>(path: string, body: unknown, method = 'POST'): Promise<T> => {
    const res = await fetch(`${base}${path}`, { method, headers: coordinator, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const get = async <T,>(path: string): Promise<T> => (await (await fetch(`${base}${path}`, { headers: coordinator })).json()) as T;
  const home = (await get<Array<{ id: string; name: string; addressLines: string[] }>>('/care-homes')).find((h) => h.name === 'Ashcourt Care Home')!;
  const types = await get<Array<{ id: string; code: string }>>('/assessment-types');
  const staff = await get<Array<{ id: string; discipline: string }>>('/staff');
  const onShift = new Set((await get<Array<{ staffId: string }>>(`/shifts?date=${OUTREACH_DAY}`)).map((x) => x.staffId));
  await post('/outreach-days', { date: OUTREACH_DAY, staffIds: ['anp', 'phlebotomy', 'pharmacy'].map((d) => staff.find((m) => m.discipline === d && onShift.has(m.id))!.id), maxResidents: 4 });
  for (const n of [1, 2]) {
    const resident = await post<{ id: string }>('/patients', patientBody(7300 + n, { givenName: n === 1 ? 'Edith' : 'Walter', localRef: `CH-00${n}`, careHomeResident: true, careHomeId: home.id, addressLines: home.addressLines }));
    const referral = await post<{ id: string }>('/referrals', { patientId: resident.id, referrer: { kind: 'care-home', name: 'Ashcourt senior carer' }, referredDate: '2026-11-16', urgent: true });
    await post(`/referrals/${referral.id}/pre-visit`, { requiredAssessmentTypeIds: ['anp-initial', 'bloods', 'medication-review'].map((c) => types.find((t) => t.code === c)!.id), consentRecordAccess: true, mobility: 'walking-aid' }, 'PUT');
  }
  for (const size of sizes) {
    const page = await open(size, service.tokens.coordinator);
    await page.getByRole('button', { name: 'Outreach' }).click();
    await page.getByLabel('Date').fill(OUTREACH_DAY);
    if (size === sizes[0]) {
      await page.getByRole('button', { name: `Propose residents for ${OUTREACH_DAY}` }).click();
      await page.getByRole('button', { name: /^Book \d+ residents?$/ }).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(300);
      await shot(page, 'outreach-setup', size);
      await page.getByRole('button', { name: /^Book \d+ residents?$/ }).click();
      await page.getByText(/^Booked \d+ residents? to /).waitFor({ timeout: 60_000 });
      await page.getByLabel('Search steps').selectOption('1000');
      await page.getByRole('button', { name: 'Plan this outreach day' }).click();
      await page.getByText('Planned: version 1.').waitFor({ timeout: 120_000 });
    } else {
      await page.getByRole('button', { name: `Propose residents for ${OUTREACH_DAY}` }).click();
      await page.locator('table', { has: page.locator('caption', { hasText: 'Proposed for' }) }).waitFor({ timeout: 60_000 });
      await shot(page, 'outreach-setup', size);
    }
    // Attached, not visible: an activity scrolled out of view is not rendered (content-visibility).
    await page.locator('.outreach .timeline [role="button"]').first().waitFor({ state: 'attached', timeout: 60_000 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.waitForTimeout(300);
    await shot(page, 'outreach', size);
    await page.locator('.rounds').scrollIntoViewIfNeeded();
    await shot(page, 'outreach-rounds', size);
    // A visit selected (its form: move, pin) above the replan panel; the widest visit, to be sure of the click.
    await page.locator('.outreach .timeline').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    // The visit's box, not its button: a narrow visit's button can shrink to nothing beside the initials.
    const visits = await page.locator('.outreach .timeline .vis-item.tl-activity').all();
    const widths = await Promise.all(visits.map(async (v) => (await v.boundingBox())?.width ?? 0));
    await visits[widths.indexOf(Math.max(...widths))]!.click();
    await page.locator('.outreach .activity-panel').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shot(page, 'outreach-edit', size);
    await page.context().close();
  }
  console.log(`screenshots written to ${OUT.pathname}`);
} finally {
  await browser.close();
  await service.close();
}
