// What people hold in their hands, tried as they would (issue 13): the driver's run sheets, the
// support worker's round sheets, the coordinator's day timetable and the patient's letter, each
// and the outreach team's round sheet, each rendered in headless Chromium on a 390 px phone
// (nothing may stick out), scanned by axe-core (no serious or critical finding) and printed to
// A4 PDF, whose pages are counted and read back by an independent tool (pdf.js). With
// ICC_WRITE_SCREENSHOTS=1 it also writes the README's screenshots to docs/.
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import request from 'supertest';
import type { Express } from 'express';
import type { Browser, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { planDayByJob, publishNewest } from '../../helpers/plan-by-job.ts';
import { createApp } from '../../../src/app.ts';
import { auditLog, patients } from '../../../src/db/index.ts';
import type { Patient } from '../../../src/domain/patient.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { bookDemoPreVisitDay, DEMO_PRE_VISIT_DATE } from '../../../src/demo/demo-pre-visit-day.ts';
import { demoOutreachProblem } from '../../../src/demo/demo-outreach-problem.ts';
import { outreachRoundHtml } from '../../../src/exports/outreach-round-html.ts';
import { SMS_MAX_CHARS } from '../../../src/exports/patient-letter.ts';
import { planOutreachDay } from '../../../solver/index.ts';
import { planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import { createLogger } from '../../../src/logger.ts';
import { bearer, issueToken } from '../../helpers/auth-tokens.ts';
import { launchBrowser } from '../../helpers/browser.ts';
import { describeOnDatabase } from '../../helpers/describe-each-database.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const DATE = '2026-10-22';
const VISIT_DATE = DEMO_PRE_VISIT_DATE;
const PATIENTS = 11;
const PHONE_WIDTH = 390;
const writeScreenshots = process.env.ICC_WRITE_SCREENSHOTS === '1';
/** Minutes after midnight → "HH:MM" (written here, not borrowed from the code under test). */
const formatHhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
/** GSM 03.38 basic character set (an SMS part holds 153 of them when joined). */
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;

interface Passenger { patientId: string; name: string | null; phone: string | null; accessNotes: string | null; atMin: number }
interface Stop { order: number; arriveMin: number; departMin: number; isCentre: boolean; address: string; boarding: Passenger[]; alighting: Passenger[] }
interface Run { vehicleId: string; vehicleName: string; driverName: string | null; kind: 'morning' | 'afternoon'; leaveMin: number; stops: Stop[] }

/**
 * Elements sticking out of the viewport, or tables wider than their box, on the page as shown.
 * (Browser-side code as a string: the test files compile without the DOM library.)
 */
async function overflowAt(page: Page, width: number): Promise<string[]> {
  return page.evaluate(`(() => {
    const w = ${width};
    const out = [];
    if (document.documentElement.scrollWidth > w) out.push('page ' + document.documentElement.scrollWidth + 'px wide');
    for (const t of document.querySelectorAll('table')) if (t.scrollWidth > t.clientWidth) out.push('table ' + t.scrollWidth + ' > ' + t.clientWidth);
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > w + 0.5) out.push(el.tagName.toLowerCase() + '.' + el.className + ' ends at ' + Math.round(r.right) + 'px');
    }
    return out;
  })()`);
}

/** Serious or critical axe-core findings on the page (WCAG 2.1 AA and best practice). */
async function axeFindings(page: Page, what: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Each card's heading on the page as shown (the stop or visit and its time). */
async function cardHeadings(page: Page): Promise<string[]> {
  return (await page.locator('table.stack th.when').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Pages of the A4 PDF Chromium prints, each as the text pdf.js reads on it. */
async function printedPages(page: Page): Promise<string[]> {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    texts.push((await (await doc.getPage(i)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return texts;
}

const blankPages = (pages: string[]) => pages.flatMap((text, i) => (text.trim() === '' ? [i + 1] : []));
const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

// On one engine: the subject is the pages in a browser; the API tests read the same records on both.
describeOnDatabase('pglite', 'printable pages in Chromium', (getDb) => {
  let app: Express;
  let browser: Browser;
  let centreId: string;
  let attending: Patient[];
  let centreName: string;
  const day = (suffix: string, date = DATE) => `/api/centres/${centreId}/days/${date}${suffix}`;

  async function open(html: string, width: number): Promise<Page> {
    // A context of its own: axe-core opens a page beside it to gather the frames' results.
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await page.setContent(html);
    return page;
  }

  async function screenshot(page: Page, name: string) {
    if (!writeScreenshots) return;
    mkdirSync('docs', { recursive: true });
    await page.screenshot({ path: `docs/${name}.png`, fullPage: false });
  }

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: '2026-10-19' })).centreId!;
    centreName = (await request(app).get(`/api/centres/${centreId}`).expect(200)).body.name;
    attending = (await patients.list(getDb(), centreId)).filter((p) => !p.unavailableDates.includes(DATE) && p.lat !== null).slice(0, PATIENTS);
    // A published day for the paperwork, planned as a coordinator plans one.
    await planDayByJob(app, getDb(), centreId, { date: DATE, patientIds: attending.map((p) => p.id), timeLimitSec: 2 });
    await publishNewest(app, centreId, DATE);
    await bookDemoPreVisitDay(getDb(), centreId, VISIT_DATE);
    browser = await launchBrowser();
  }, 240_000); // the demo centre, a planning job and a publish: minutes on a loaded 2-core machine

  afterAll(async () => {
    await browser?.close();
    await planJobRunnerFor(getDb()).close();
  });

  it("run sheets: driver, each run's own leave time, the centre named once, who gets on and off with phones and access notes", async () => {
    const runs = (await request(app).get(day('/transport')).expect(200)).body.runs as Run[];
    expect(runs.length).toBeGreaterThan(1);
    const withDriver = runs.filter((r) => r.driverName !== null);
    expect(withDriver.length, 'the demo vehicles have drivers').toBeGreaterThan(0);
    for (const run of runs) {
      const first = run.stops[0]!;
      // Morning: leave the depot before the first pickup. Afternoon: leave the centre once the first passengers are aboard.
      if (run.kind === 'morning') expect(run.leaveMin).toBeLessThanOrEqual(first.arriveMin);
      else expect(first.isCentre && run.leaveMin === first.departMin, `${run.vehicleName} afternoon leaves at ${run.leaveMin}`).toBe(true);
      for (const stop of run.stops) {
        if (stop.isCentre) expect(stop.address).not.toContain(centreName);
        for (const p of [...stop.boarding, ...stop.alighting]) {
          expect(p.name).toMatch(/\S+ \S+/);
          expect(p.phone).toMatch(/^0\d/);
          expect(p.atMin).toBeGreaterThanOrEqual(stop.arriveMin);
          expect(p.atMin).toBeLessThanOrEqual(stop.departMin);
        }
      }
    }
    const notes = runs.flatMap((r) => r.stops.flatMap((s) => s.boarding)).map((p) => p.accessNotes).filter((n): n is string => n !== null);
    expect(notes.length, 'some passengers have access notes').toBeGreaterThan(0);

    const html = (await request(app).get(day('/transport.html')).expect(200)).text;
    for (const note of notes) expect(html).toContain(note.replace(/'/g, '&#39;'));
    const phone = await open(html, PHONE_WIDTH);
    expect(await overflowAt(phone, PHONE_WIDTH)).toEqual([]);
    // The columns that were cut off are there, on screen, at phone width.
    for (const text of ['Drop off', 'On board after']) {
      const box = await phone.getByText(text).first().boundingBox();
      expect(box!.x + box!.width, text).toBeLessThanOrEqual(PHONE_WIDTH);
    }
    // Each card is headed once by its stop and time ("Stop 5 Arrive 09:13 Leave 10:03"), not "STOP 5 / 5. 09:13".
    const headings = await cardHeadings(phone);
    expect(headings).toHaveLength(runs.reduce((n, r) => n + r.stops.length, 0));
    for (const h of headings) expect(h).toMatch(/^Stop \d+ (\d\d:\d\d|Arrive \d\d:\d\d Leave \d\d:\d\d)$/);
    // The centre stop names the centre once: not again at the head of its address ("(demo)" aside).
    const baseName = centreName.replace(/\s*\(.*\)$/, '');
    const centreCells = await phone.locator('td', { hasText: centreName }).allInnerTexts();
    expect(centreCells.length).toBe(runs.reduce((n, r) => n + r.stops.filter((s) => s.isCentre).length, 0));
    for (const cell of centreCells) expect(cell.split(baseName).length - 1, cell).toBe(1);
    // Each run says its own start: the depot in the morning, the centre (with its own time) in the afternoon.
    const metas = await phone.locator('section.run > p.meta').allInnerTexts();
    expect(metas).toHaveLength(runs.length);
    runs.forEach((run, i) => expect(metas[i]).toContain(run.kind === 'morning' ? `leave the depot ${formatHhmm(run.leaveMin)}` : `leave ${formatHhmm(run.leaveMin)}`));
    // Where the vehicle stays at a stop for people due at different times, the wait is written
    // between them. The routing now keeps such waits at the centre short (maxWaitAboardAtCentreMin),
    // so the demo day may have none; test/src/exports/transport-exports.test.ts renders one.
    const longWaits = runs.flatMap((r) => r.stops).filter((stop) => {
      const times = [...stop.boarding, ...stop.alighting].map((p) => p.atMin).sort((a, b) => a - b);
      return times.some((t, i) => t - (i === 0 ? stop.arriveMin : times[i - 1]!) > 15);
    });
    const waits = await phone.locator('.wait').allInnerTexts();
    expect(waits.length).toBeGreaterThanOrEqual(longWaits.length);
    for (const w of waits) expect(w).toMatch(/^Wait \d+ min/);
    expect(await axeFindings(phone, 'run sheet')).toEqual([]);
    await screenshot(phone, 'run-sheet-phone');
    const desk = await open(html, 1000);
    await screenshot(desk, 'run-sheet');
    const pages = await printedPages(desk);
    expect(blankPages(pages), 'blank pages').toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(runs.length);
    expect(pages.length).toBeLessThanOrEqual(runs.length * 2 + 1);
  });

  it('round sheets: name, phone and address with the postcode once, on a phone and on A4', async () => {
    const rounds = (await request(app).get(day('/rounds', VISIT_DATE)).expect(200)).body.rounds as Array<{ stops: Array<{ patientName: string; phone: string | null; postcode: string; address: string }> }>;
    const stops = rounds.flatMap((r) => r.stops);
    expect(stops.length).toBeGreaterThan(0);
    const html = (await request(app).get(day('/rounds.html', VISIT_DATE)).expect(200)).text;
    for (const s of stops) {
      expect(html).toContain(s.patientName);
      expect(html.split(s.postcode).length - 1, `${s.postcode} printed once`).toBe(1);
      if (s.phone) expect(html).toContain(s.phone);
    }
    const phone = await open(html, PHONE_WIDTH);
    expect(await overflowAt(phone, PHONE_WIDTH)).toEqual([]);
    const headings = await cardHeadings(phone);
    expect(headings).toHaveLength(stops.length);
    for (const h of headings) expect(h).toMatch(/^Visit \d+ (Arrive \d\d:\d\d Visit )?\d\d:\d\d–\d\d:\d\d$/);
    expect(await axeFindings(phone, 'round sheet')).toEqual([]);
    await screenshot(phone, 'round-sheet-phone');
    const desk = await open(html, 1000);
    await screenshot(desk, 'round-sheet');
    const pages = await printedPages(desk);
    expect(blankPages(pages), 'blank pages').toEqual([]);
    expect(pages.length).toBeLessThanOrEqual(rounds.length * 2);
  });

  it('day timetable: staff and room time-lines and the patients on A4 landscape, 11 patients in at most 6 pages, no blank page, diets on the meal', async () => {
    const html = (await request(app).get(day('/timetable.html')).expect(200)).text;
    const withDiet = attending.filter((p) => p.dietaryNeeds.length > 0);
    expect(withDiet.length, 'the demo day has a patient with a recorded diet').toBeGreaterThan(0);
    for (const p of withDiet) expect(html).toContain(`Diet: ${p.dietaryNeeds.join(', ')}`);
    const desk = await open(html, 1200);
    await screenshot(desk, 'day-timetable');
    const pages = await printedPages(desk);
    expect(pages.length).toBeLessThanOrEqual(6);
    expect(blankPages(pages), 'blank pages').toEqual([]);
    expect(await axeFindings(desk, 'day timetable')).toEqual([]);
    // On a phone each time-line becomes its list of bookings: nothing scrolls sideways, nothing sticks out.
    const phone = await open(html, PHONE_WIDTH);
    expect(await overflowAt(phone, PHONE_WIDTH)).toEqual([]);
    expect(await phone.locator('.track').first().isVisible()).toBe(false);
    expect(await phone.locator('.agenda').first().isVisible()).toBe(true);
    await screenshot(phone, 'day-timetable-phone');
  });

  it("day timetable: every staff member's break is drawn, and no block's label is cut short (the tooltip has everything)", async () => {
    const staff = (await request(app).get(day('/plan/by-staff?status=published')).expect(200)).body.staff as Array<{ name: string; breaks: Array<{ start: string; end: string }>; activities: unknown[]; mdt: unknown }>;
    const shown = staff.filter((s) => s.activities.length > 0 || s.mdt !== null);
    const breaks = shown.flatMap((s) => s.breaks.map((b) => `${b.start}–${b.end} Break`));
    expect(breaks.length, 'the demo staff have breaks').toBeGreaterThan(0);
    const html = (await request(app).get(day('/timetable.html')).expect(200)).text;
    const desk = await open(html, 1200);
    expect((await desk.locator('.block.break').evaluateAll((els) => els.map((e) => e.getAttribute('title')))).sort()).toEqual(breaks.sort());
    // Every block: a tooltip, and a label that fits inside it (a ten-minute block shows the patient's number).
    const blocks = await desk.locator('.block').evaluateAll((els) => els.map((e) => ({ title: e.getAttribute('title'), text: e.textContent, width: e.clientWidth, needed: e.scrollWidth })));
    expect(blocks.length).toBeGreaterThan(30);
    for (const b of blocks) {
      expect(b.title, JSON.stringify(b)).toMatch(/^\d\d:\d\d–\d\d:\d\d \S/);
      expect(b.needed, JSON.stringify(b)).toBeLessThanOrEqual(b.width);
    }
    const labelled = blocks.filter((b) => (b.text ?? '').trim() !== '');
    expect(labelled.length / blocks.length, 'share of blocks with a visible label').toBeGreaterThan(0.9);
  });

  it("the patient's letter and its SMS exist for every patient of the published day: large print, plain English, ≤ 612 GSM-7 characters", async () => {
    const plan = (await request(app).get(day('/plan?status=published')).expect(200)).body;
    const patientIds: string[] = plan.plan.itineraries.map((i: { patientId: string }) => i.patientId);
    expect(patientIds.length).toBe(PATIENTS);
    const centre = (await request(app).get(`/api/centres/${centreId}`).expect(200)).body;
    for (const id of patientIds) {
      const html = (await request(app).get(day(`/patients/${id}/letter.html`)).expect(200)).text;
      for (const words of ['medicines', 'glasses', 'hearing aids', centre.phone, 'Who you will see', 'Lunch']) expect(html, id).toContain(words);
      expect(html).toMatch(/between \d\d:\d\d and \d\d:\d\d|arrive at the centre by/);
      const sms = await request(app).get(day(`/patients/${id}/letter.txt`)).expect(200);
      expect(sms.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(sms.text.length, sms.text).toBeLessThanOrEqual(SMS_MAX_CHARS);
      expect(sms.text).toMatch(GSM7);
      expect(sms.text).toContain(centre.phone);
    }
    const letter = (await request(app).get(day(`/patients/${patientIds[0]}/letter.html`)).expect(200)).text;
    const page = await open(letter, 800);
    // Large print: every piece of text at 14 pt (18.67 px) or more.
    const smallest = await page.evaluate(`Math.min(...[...document.querySelectorAll('body *')].filter((el) => (el.textContent || '').trim() !== '').map((el) => Number.parseFloat(getComputedStyle(el).fontSize)))`);
    expect(smallest).toBeGreaterThanOrEqual(18.66);
    await screenshot(page, 'patient-letter');
    const pages = await printedPages(page);
    expect(pages.length).toBeLessThanOrEqual(2);
    expect(blankPages(pages), 'blank pages').toEqual([]);
    // No visit, and no sentence, is cut in two by the page break: each is read whole on one page.
    const pieces = await page.locator('li, p').allInnerTexts();
    expect(pieces.length).toBeGreaterThan(8);
    expect(pieces.filter((piece) => !pages.some((text) => withoutSpaces(text).includes(withoutSpaces(piece)))), 'split across pages').toEqual([]);
    expect(await axeFindings(page, "patient's letter")).toEqual([]);
    const phone = await open(letter, PHONE_WIDTH);
    expect(await overflowAt(phone, PHONE_WIDTH)).toEqual([]);
  });

  it("the outreach team's round sheet: each member's homes and visits, on a phone and on A4, no serious accessibility finding", async () => {
    const problem = demoOutreachProblem({ seed: 1, date: '2026-12-09', residents: 10, homes: 2 });
    const plan = planOutreachDay(problem, { seed: 1, maxIterations: 300 });
    const html = outreachRoundHtml({ date: '2026-12-09', version: 1, status: 'draft', problem, plan });
    const visited = plan.rounds.filter((r) => r.stops.length > 0);
    expect(visited.length).toBeGreaterThan(0);
    const desk = await open(html, 1000);
    expect(await desk.locator('section h2').allInnerTexts()).toEqual(expect.arrayContaining(visited.map((r) => problem.staff.find((s) => s.id === r.staffId)!.name)));
    expect(await axeFindings(desk, 'outreach round sheet')).toEqual([]);
    await screenshot(desk, 'outreach-round');
    const pages = await printedPages(desk);
    expect(blankPages(pages), 'blank pages').toEqual([]);
    expect(pages.length).toBeLessThanOrEqual(plan.rounds.length + 1);
    const phone = await open(html, PHONE_WIDTH);
    expect(await overflowAt(phone, PHONE_WIDTH)).toEqual([]);
  });

  it('the letter: 409 before the day is published, 404 for someone not on it; each read of a letter or a round sheet is audited', async () => {
    const other = (await patients.list(getDb(), centreId)).find((p) => !attending.some((a) => a.id === p.id))!;
    await request(app).get(day(`/patients/${other.id}/letter.html`)).expect(404);
    const unpublished = await request(app).get(day(`/patients/${attending[0]!.id}/letter.txt`, '2026-10-26')).expect(409);
    expect(unpublished.headers['content-type']).toMatch(/^application\/json/);
    expect(unpublished.body.error.details[0].path).toBe('date');
    const guarded = createApp({ db: getDb(), logger: createLogger('silent'), auth: { enforce: true } });
    const coordinator = await issueToken(getDb(), { role: 'coordinator', centreId });
    const transport = await issueToken(getDb(), { role: 'transport', centreId });
    const id = attending[0]!.id;
    await request(guarded).get(day(`/patients/${id}/letter.html`)).set(bearer(transport)).expect(403);
    await request(guarded).get(day(`/patients/${id}/letter.html`)).set(bearer(coordinator)).expect(200);
    const entries = await auditLog.forEntity(getDb(), 'patient-letter', id);
    expect(entries.some((e) => e.action === 'read')).toBe(true);
    // The round sheet carries names, phones and addresses: each read is on record too.
    const before = (await auditLog.forEntity(getDb(), 'rounds', VISIT_DATE)).length;
    await request(guarded).get(day('/rounds.html', VISIT_DATE)).set(bearer(transport)).expect(200);
    expect((await auditLog.forEntity(getDb(), 'rounds', VISIT_DATE)).length).toBe(before + 1);
  });
});
