// The screen on a phone (390 × 844, as an iPhone 12-15): no view of any role is wider than the
// screen, so nothing needs sideways scrolling of the whole page, and axe-core still finds no
// serious or critical violation. The day has a plan (a 1-s job over eight patients) so the board,
// transport and timetable views carry real content, and the next day an outreach plan (a team,
// the residents the outreach booking planner proposes, 200 search steps) so the outreach view does:
// its set-up forms on a day without one, its rounds, homes and score on the planned day.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patients } from '../../../src/db/index.ts';
import { launchBrowser } from '../../helpers/browser.ts';
import { startService, type RunningService } from '../../helpers/running-service.ts';

const DATE = '2026-12-02';
const OUTREACH_DAY = '2026-12-03';
const PHONE = { width: 390, height: 844 };

describe('the web app on a phone', { timeout: 240_000 }, () => {
  let service: RunningService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService('2026-11-30'), launchBrowser()]);
    const patientIds = (await patients.list(service.db, service.centreId)).filter((p) => !p.unavailableDates.includes(DATE)).slice(0, 8).map((p) => p.id);
    const headers = { Authorization: `Bearer ${service.tokens.coordinator}`, 'Content-Type': 'application/json' };
    const job = await fetch(`${service.baseUrl}/api/centres/${service.centreId}/plan-jobs`, { method: 'POST', headers, body: JSON.stringify({ date: DATE, patientIds, timeLimitSec: 1 }) });
    expect(job.status).toBe(202);
    const jobUrl = `${service.baseUrl}${job.headers.get('location')}`;
    for (let status = ''; status !== 'succeeded'; await new Promise((r) => setTimeout(r, 250))) {
      status = ((await (await fetch(jobUrl, { headers })).json()) as { status: string }).status;
      expect(['queued', 'running', 'succeeded']).toContain(status);
    }
    const call = async <T,>(path: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${service.baseUrl}/api/centres/${service.centreId}${path}`, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const staff = await call<Array<{ id: string; discipline: string }>>('/staff?limit=1000');
    const onShift = new Set((await call<Array<{ staffId: string }>>(`/shifts?date=${OUTREACH_DAY}&limit=1000`)).map((x) => x.staffId));
    await call('/outreach-days', { date: OUTREACH_DAY, staffIds: ['anp', 'pharmacy', 'geriatrician'].map((d) => staff.find((m) => m.discipline === d && onShift.has(m.id))!.id) });
    const { proposals } = await call<{ proposals: Array<{ referralId: string; outreachDate: string }> }>('/outreach-bookings/plan', { from: OUTREACH_DAY, days: 1 });
    expect(proposals.length).toBeGreaterThan(0);
    await call('/outreach-bookings/confirm', { proposals: proposals.map(({ referralId, outreachDate }) => ({ referralId, outreachDate })) });
    await call(`/days/${OUTREACH_DAY}/outreach-plan`, { maxIterations: 200 });
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  /** How wide the page is (the screen is 390) and axe's serious or critical findings. */
  async function measure(page: Page, view: string) {
    const width = await page.evaluate('document.documentElement.scrollWidth'); // a string: tests compile without the DOM library
    const results = await new AxeBuilder({ page }).analyze();
    const findings = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${view}: ${v.id} ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
    return { view, width, findings };
  }

  async function signedIn(token: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
    await page.goto(`${service.baseUrl}/?date=${DATE}`);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page;
  }

  it('fits every coordinator view to the screen', async () => {
    const page = await signedIn(service.tokens.coordinator);
    await page.locator('.version').waitFor({ timeout: 60_000 });
    const seen = [await measure(page, 'Day board')];
    const views: Array<[string, () => Promise<void>]> = [
      ['Transport', () => page.getByText('Follows plan version').waitFor({ timeout: 60_000 })],
      ['Referrals', () => page.getByRole('table').locator('caption', { hasText: 'referrals' }).waitFor({ timeout: 60_000 })],
      ['Booking proposals', () => page.getByRole('button', { name: 'Propose bookings' }).waitFor()],
      ['Outreach', () => page.getByRole('group', { name: 'Team going out' }).waitFor({ timeout: 60_000 })],
    ];
    for (const [view, ready] of views) {
      await page.getByRole('button', { name: view, exact: true }).click();
      await ready();
      seen.push(await measure(page, view));
    }
    // The planned outreach day: its plan job panel, rounds, homes, score and unplaced list.
    await page.getByLabel('Date').fill(OUTREACH_DAY);
    await page.locator('.round').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Plan this outreach day' }).waitFor();
    seen.push(await measure(page, 'Outreach (planned)'));
    expect(seen).toEqual(seen.map(({ view }) => ({ view, width: PHONE.width, findings: [] })));
    await page.context().close();
  });

  /** The hour labels drawn inside the timeline's frame, left to right, with each one's width on screen. */
  const hoursInSight = (page: Page): Promise<Array<{ text: string; left: number; right: number }>> => page.evaluate(`(() => {
    const frame = document.querySelector('.timeline .vis-panel.vis-center').getBoundingClientRect();
    return [...document.querySelectorAll('.timeline .vis-time-axis .vis-text.vis-minor:not(.vis-measure)')]
      .map((el) => ({ text: el.textContent, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.left >= frame.left - 1 && box.left < frame.right)
      .map(({ text, box }) => ({ text, left: Math.round(box.left), right: Math.round(box.right) }));
  })()`);

  it('shows a phone three hours of the day at a time, stepped with Earlier / Later or swiped', async () => {
    const page = await signedIn(service.tokens.coordinator);
    await page.locator('.version').waitFor({ timeout: 60_000 });
    const shown = page.getByRole('group', { name: 'Hours shown' });
    await expect.poll(() => shown.textContent()).toContain('08:00–11:00');
    // Three hours' labels, none overlapping the next (the whole day squeezed them into each other).
    const hours = await hoursInSight(page);
    expect(hours.map((h) => h.text)).toEqual(['08:00', '09:00', '10:00']);
    expect(hours.every((h, i) => i === 0 || h.left >= hours[i - 1]!.right)).toBe(true);
    // A 45-minute assessment is wide enough to see and tap (it was a few pixels).
    const first = await page.locator('.timeline .vis-item.tl-activity').first().boundingBox();
    expect(first!.width).toBeGreaterThanOrEqual(50);
    expect(await shown.getByRole('button', { name: '◀ Earlier' }).isDisabled()).toBe(true);

    await shown.getByRole('button', { name: 'Later ▶' }).click();
    await expect.poll(() => shown.textContent()).toContain('10:00–13:00');
    await expect.poll(async () => (await hoursInSight(page)).map((h) => h.text)).toEqual(['10:00', '11:00', '12:00']);

    // Swiped back an hour or so with a finger on the hour labels (Chromium's own touch events): the label follows.
    const axis = (await page.locator('.timeline .vis-panel.vis-top').boundingBox())!;
    const touch = await page.context().newCDPSession(page);
    const at = (x: number) => [{ x, y: axis.y + axis.height / 2 }];
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(axis.x + 40) });
    for (let x = 50; x <= 130; x += 10) await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(axis.x + x) });
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => shown.textContent()).toMatch(/(08|09):\d\d–(11|12):\d\d/);
    await page.context().close();
  });

  it('fits a clinician\'s timetable and a transport user\'s runs to the screen', async () => {
    const clinician = await signedIn(service.tokens.clinician);
    await clinician.locator('.version').waitFor({ timeout: 60_000 });
    const transport = await signedIn(service.tokens.transport);
    await transport.getByText('Follows plan version').waitFor({ timeout: 60_000 });
    const seen = [await measure(clinician, 'My timetable'), await measure(transport, 'Transport (transport role)')];
    expect(seen).toEqual(seen.map(({ view }) => ({ view, width: PHONE.width, findings: [] })));
    // Each stop is a card: a value sits under its column's name, and a time is never broken
    // across lines (seven squeezed columns once showed "08:2" above "0").
    const cell = `document.querySelector('table.list td[data-label="Arrive"]')`; // strings: tests compile without the DOM library
    expect(await transport.evaluate(`getComputedStyle(${cell}, '::before').content`)).toBe('"Arrive"');
    const [height, lineHeight] = await transport.evaluate(`[${cell}.getBoundingClientRect().height, parseFloat(getComputedStyle(${cell}).lineHeight)]`) as [number, number];
    expect(height).toBeLessThan(2 * lineHeight);
  });
});
