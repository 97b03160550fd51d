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
import { issueToken } from '../../helpers/auth-tokens.ts';
import { launchBrowser } from '../../helpers/browser.ts';
import { startService, type RunningService } from '../../helpers/running-service.ts';

const DATE = '2026-12-02';
const ACTIVITY_NAME = /^JB-\d{4} .+ \d\d:\d\d–\d\d:\d\d(, .+)?, .+$/;

describe('the web app in Chromium', { timeout: 120_000 }, () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let attending: string[];

  /** Serious or critical axe-core findings on the page, or only inside `part` (a view's changed region). */
  async function axeFindings(target: Page, what: string, part?: string) {
    const builder = new AxeBuilder({ page: target });
    const results = await (part ? builder.include(part) : builder).analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }

  async function signIn(target: Page, token: string, date = DATE) {
    await target.goto(`${service.baseUrl}/?date=${date}`);
    await target.getByLabel('API token').fill(token);
    await target.getByRole('button', { name: 'Sign in' }).click();
  }

  const activities = (target: Page) => target.locator('.timeline [role="button"]');

  async function api<T>(path: string, token: string = service.tokens.coordinator): Promise<T> {
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
      expect(await axeFindings(page, `day board (${mode})`, '.board-main')).toEqual([]);
    }
    await page.getByLabel('Staff', { exact: true }).check();
  });

  /** The version the board shows, once it shows `version`. */
  const showsVersion = (target: Page, version: number) => target.locator('.version strong', { hasText: new RegExp(`^${version}$`) }).waitFor({ timeout: 30_000 });

  interface StaffDay { staffId: string; name: string; discipline: string; breaks: Array<{ start: string; end: string }>; activities: Array<{ activityId: string; patientId: string; patientRef: string; typeName: string; start: string; end: string; startMin: number; endMin: number; staffName: string; roomId: string; roomName: string }> }
  const staffDays = async () => (await api<{ version: number; staff: StaffDay[] }>(`/api/centres/${service.centreId}/days/${DATE}/plan/by-staff`));
  const nameOf = (a: StaffDay['activities'][number]) => `${a.patientRef} ${a.typeName} ${a.start}–${a.end}, ${a.staffName}, ${a.roomName}`;

  it('refuses a drag before the day opens: the checker\'s sentences inline (the same the API gives), the activity snaps back, no new version', async () => {
    const { staff } = await staffDays();
    const activity = staff.flatMap((s) => s.activities).sort((a, b) => a.startMin - b.startMin)[0]!;
    const button = page.getByRole('button', { name: nameOf(activity), exact: true });
    const before = (await button.boundingBox())!;
    const x = before.x + before.width / 2;
    const y = before.y + before.height / 2;
    // Select it (a click, which also opens its form), then drag it.
    await button.click();
    await page.locator('.activity-panel').waitFor();
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/plan/moves'));
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) {
      await page.mouse.move(x - step * 15, y);
      await page.waitForTimeout(20);
    }
    await page.mouse.up();
    const body = JSON.parse((await sent).postData()!) as { activityId: string; start: string };
    expect(body.activityId).toBe(activity.activityId);
    expect(body.start < '08:30').toBe(true);
    const refusal = page.locator('.banner.refusal');
    await refusal.waitFor();
    expect(await refusal.locator('p').textContent()).toBe('Move refused:');
    const shown = await refusal.locator('li').allTextContents();
    // The same move asked of the API directly: refused with exactly those sentences.
    const direct = await fetch(`${service.baseUrl}/api/centres/${service.centreId}/days/${DATE}/plan/moves`, {
      method: 'POST', headers: { Authorization: `Bearer ${service.tokens.coordinator}`, 'Content-Type': 'application/json', 'If-Match': '"1"' }, body: JSON.stringify(body),
    });
    expect(direct.status).toBe(422);
    const violations = ((await direct.json()) as { error: { details: { violations: Array<{ message: string }> } } }).error.details.violations.map((v) => v.message);
    expect(violations.length).toBeGreaterThan(0);
    expect(shown).toEqual(violations);
    await expect.poll(async () => (await button.boundingBox())!.x).toBeCloseTo(before.x, -1);
    expect((await staffDays()).version).toBe(1);
  });

  it('moves an activity with the keyboard and the form to a free slot: version 2', async () => {
    const { staff } = await staffDays();
    const mdtStart = 16 * 60;
    // Candidates: a staff member's activity followed by 5 free minutes for them and the room, moved 5 minutes later.
    const roomBusy = staff.flatMap((s) => s.activities);
    const candidates = staff.flatMap((s) => s.activities.filter((a) => {
      const later = { startMin: a.startMin + 5, endMin: a.endMin + 5 };
      const clash = (o: { startMin: number; endMin: number }) => o.startMin < later.endMin && later.startMin < o.endMin;
      return later.endMin <= mdtStart - 10
        && !s.activities.some((o) => o !== a && clash(o))
        && !s.breaks.some((b) => clash({ startMin: Number(b.start.slice(0, 2)) * 60 + Number(b.start.slice(3)), endMin: Number(b.end.slice(0, 2)) * 60 + Number(b.end.slice(3)) }))
        && !roomBusy.some((o) => o !== a && o.roomId === a.roomId && clash(o))
        && !roomBusy.some((o) => o !== a && o.patientId === a.patientId && o.startMin < later.endMin + 10 && a.startMin < o.endMin);
    })).slice(0, 5);
    expect(candidates.length).toBeGreaterThan(0);
    let moved = false;
    for (const a of candidates) {
      const button = page.getByRole('button', { name: nameOf(a), exact: true });
      await button.focus();
      await page.keyboard.press('Enter');
      const panel = page.locator('.activity-panel');
      await panel.getByRole('heading', { name: nameOf(a) }).waitFor();
      const later = `${String(Math.floor((a.startMin + 5) / 60)).padStart(2, '0')}:${String((a.startMin + 5) % 60).padStart(2, '0')}`;
      await panel.getByLabel('Start (HH:MM)').fill(later);
      await panel.getByRole('button', { name: 'Move' }).click();
      const outcome = await Promise.race([
        page.getByText('Move: saved as version 2.').waitFor().then(() => 'saved'),
        panel.locator('.refusal').waitFor().then(() => 'refused'),
      ]);
      if (outcome === 'saved') {
        moved = true;
        break;
      }
      await panel.getByRole('button', { name: 'Close' }).click();
    }
    expect(moved).toBe(true);
    await showsVersion(page, 2);
    expect((await staffDays()).version).toBe(2);
  });

  it('tells a coordinator whose version is stale that someone else saved, and reloads', async () => {
    const other = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signIn(other, service.tokens.coordinator);
    await showsVersion(other, 2);
    const { staff } = await staffDays();
    const a = staff.flatMap((s) => s.activities).find((x) => !x.activityId.endsWith(':meal'))!;
    // The other coordinator pins an activity: version 3.
    await other.getByRole('button', { name: nameOf(a), exact: true }).click();
    await other.locator('.activity-panel').getByRole('button', { name: 'Pin here' }).click();
    await showsVersion(other, 3);
    await other.context().close();
    // This page still shows version 2: its edit is refused with 412, and it offers a reload.
    const b = staff.flatMap((s) => s.activities).find((x) => x.activityId !== a.activityId)!;
    await page.getByRole('button', { name: nameOf(b), exact: true }).click();
    await page.locator('.activity-panel').getByRole('button', { name: 'Pin here' }).click();
    const stale = page.locator('.banner.warning');
    await stale.waitFor();
    expect(await stale.textContent()).toMatch(/Someone else saved a newer version/);
    await stale.getByRole('button', { name: 'Reload the plan' }).click();
    await showsVersion(page, 3);
    expect(await page.locator('.banner.warning').count()).toBe(0);
  });

  it('replans a cancellation and lists what moved, then publishes', async () => {
    const cancelled = attending[1]!;
    const replan = page.locator('.replan');
    await replan.getByLabel('Change').selectOption('patient-cancelled');
    await replan.getByLabel('Now (HH:MM)').fill('08:00');
    const option = replan.getByLabel('Patient').locator('option', { hasText: cancelled });
    await replan.getByLabel('Patient').selectOption({ value: (await option.getAttribute('value'))! });
    await replan.getByRole('button', { name: 'Replan' }).click();
    const result = replan.locator('.replan-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getByRole('heading').textContent()).toMatch(/^Version 4: \d+ changes/);
    const moves = await result.locator('.moves li').allTextContents();
    const removed = moves.filter((m) => m.startsWith(`${cancelled}'s`) && m.endsWith('is removed (the patient cancelled).'));
    expect(removed.length).toBeGreaterThan(0);
    await showsVersion(page, 4);
    expect(await page.getByRole('button', { name: new RegExp(`^${cancelled} `) }).count()).toBe(0);
    expect(await axeFindings(page, 'day board after a replan')).toEqual([]);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Publish: saved as version 5.').waitFor();
    await page.locator('.version .status-published').waitFor();
  });

  it('shows the transport, referrals and booking proposals to the coordinator, each free of serious accessibility faults', async () => {
    await page.getByRole('button', { name: 'Transport' }).click();
    await page.getByRole('heading', { name: 'Transport', level: 1 }).waitFor();
    await page.getByText('Follows plan version').waitFor({ timeout: 60_000 });
    expect(await page.locator('table.list caption').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Printable run sheets' }).count()).toBe(1);
    expect(await axeFindings(page, 'transport')).toEqual([]);

    await page.getByRole('button', { name: 'Referrals' }).click();
    await page.getByRole('table').locator('caption', { hasText: 'referrals' }).waitFor();
    await page.getByRole('button', { name: /^Manage JB-/ }).first().click();
    await page.getByRole('group', { name: 'Allowed next steps' }).waitFor();
    expect(await axeFindings(page, 'referrals')).toEqual([]);

    await page.getByRole('button', { name: 'Booking proposals' }).click();
    await page.getByLabel('From').fill(DATE);
    await page.getByLabel('Days ahead').fill('7');
    await page.getByRole('button', { name: 'Propose bookings' }).click();
    await page.getByRole('button', { name: /^Confirm \d+ bookings$/ }).waitFor({ timeout: 60_000 });
    expect(await axeFindings(page, 'booking proposals')).toEqual([]);
    await page.getByRole('button', { name: 'Day board' }).click();
  });

  it('shows a clinician only their own timetable, and issues their feed link', async () => {
    const clinician = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signIn(clinician, service.tokens.clinician);
    await clinician.getByRole('heading', { name: 'My timetable' }).waitFor();
    await clinician.locator('.version').waitFor();
    const own = await api<{ staff: StaffDay[] }>(`/api/centres/${service.centreId}/days/${DATE}/plan/by-staff?staffId=${service.clinicianStaffId}`, service.tokens.clinician);
    expect(await clinician.locator('.vis-label').count()).toBe(1);
    expect(await clinician.locator('.vis-label').textContent()).toContain(own.staff[0]!.name);
    const names = await clinician.locator('.timeline [role="button"]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    expect(names.sort()).toEqual(own.staff[0]!.activities.map(nameOf).sort());
    expect(await clinician.getByRole('navigation', { name: 'Views' }).count()).toBe(0);
    await clinician.getByRole('button', { name: 'Issue my calendar feed link' }).click();
    expect(await clinician.getByLabel('Calendar address').inputValue()).toMatch(/^http:\/\/.+\/feeds\/.+\.ics$/);
    expect(await axeFindings(clinician, 'clinician')).toEqual([]);
    await clinician.context().close();
  });

  it('shows a transport user the day\'s runs only', async () => {
    const transport = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signIn(transport, service.tokens.transport);
    await transport.getByRole('heading', { name: 'Transport', level: 1 }).waitFor();
    await transport.getByText('Follows plan version').waitFor({ timeout: 60_000 });
    expect(await transport.getByRole('navigation', { name: 'Views' }).count()).toBe(0);
    expect(await axeFindings(transport, 'transport role')).toEqual([]);
    await transport.context().close();
  });

  it('lets an admin token (what a fresh install writes to data/admin-token) work the first centre as a coordinator', async () => {
    const admin = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await signIn(admin, await issueToken(service.db, { role: 'admin' }));
    await admin.getByRole('heading', { name: 'Day board' }).waitFor();
    await admin.locator('.timeline [role="button"]:visible').first().waitFor(); // the first in the DOM may sit outside the drawn window
    expect(await admin.getByRole('navigation', { name: 'Views' }).getByRole('button').allTextContents()).toEqual(['Day board', 'Transport', 'Referrals', 'Booking proposals']);
    await admin.context().close();
  });
});
