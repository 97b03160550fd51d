// What people hold in their hands, tried as they would (issue 13): the driver's run sheets, the
// support worker's round sheets, the coordinator's day timetable and the patient's letter, each
// rendered in headless Chromium on a 390 px phone (nothing may stick out) and printed to A4
// PDF, whose pages are counted and read back by an independent tool (pdf.js). With
// ICC_WRITE_SCREENSHOTS=1 it also writes the README's screenshots to docs/.
import { mkdirSync } from 'node:fs';
import request from 'supertest';
import type { Express } from 'express';
import type { Browser, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { auditLog, patients, referrals } from '../../../src/db/index.ts';
import { referralTransitions } from '../../../src/db/repositories/referral-transitions.ts';
import type { Patient } from '../../../src/domain/patient.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { SMS_MAX_CHARS } from '../../../src/exports/patient-letter.ts';
import { planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import { createLogger } from '../../../src/logger.ts';
import { bearer, issueToken } from '../../helpers/auth-tokens.ts';
import { launchBrowser } from '../../helpers/browser.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const DATE = '2026-10-22';
const VISIT_DATE = '2026-10-23';
const PATIENTS = 11;
const PHONE_WIDTH = 390;
const writeScreenshots = process.env.ICC_WRITE_SCREENSHOTS === '1';
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

/** Pages of the A4 PDF Chromium prints, each with how many text items pdf.js reads on it. */
async function printedPages(page: Page): Promise<number[]> {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const items: number[] = [];
  for (let i = 1; i <= doc.numPages; i++) items.push((await (await doc.getPage(i)).getTextContent()).items.length);
  await doc.destroy();
  return items;
}

describeEachDatabase('printable pages in Chromium', (getDb, kind) => {
  let app: Express;
  let browser: Browser;
  let centreId: string;
  let attending: Patient[];
  let centreName: string;
  const day = (suffix: string, date = DATE) => `/api/centres/${centreId}/days/${date}${suffix}`;

  async function open(html: string, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.setContent(html);
    return page;
  }

  async function screenshot(page: Page, name: string) {
    if (!writeScreenshots || kind !== 'pglite') return;
    mkdirSync('docs', { recursive: true });
    await page.screenshot({ path: `docs/${name}.png`, fullPage: false });
  }

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: '2026-10-19' })).centreId!;
    centreName = (await request(app).get(`/api/centres/${centreId}`).expect(200)).body.name;
    attending = (await patients.list(getDb(), centreId)).filter((p) => !p.unavailableDates.includes(DATE) && p.lat !== null).slice(0, PATIENTS);
    const job = await request(app).post(`/api/centres/${centreId}/plan-jobs`)
      .send({ date: DATE, patientIds: attending.map((p) => p.id), timeLimitSec: 2, seed: 2 }).expect(202);
    await planJobRunnerFor(getDb()).idle();
    const done = await request(app).get(job.headers.location!).expect(200);
    if (done.body.status !== 'succeeded') throw new Error(`the planning job ${done.body.status}: ${JSON.stringify(done.body.error)}`);
    const current = await request(app).get(day('/plan')).expect(200);
    await request(app).post(day('/plan/publish')).set('If-Match', current.headers.etag!).expect(200);
    const open = (await referrals.list(getDb(), centreId)).filter((r) => !['cancelled', 'declined', 'discharged'].includes(r.status)).slice(0, 12);
    for (const r of open) await referralTransitions.saveBooking(getDb(), r.id, { preVisitDate: VISIT_DATE });
    browser = await launchBrowser();
  });

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
    // The centre stop names the centre once (the address lines no longer repeat it).
    const centreCells = await phone.locator('td', { hasText: centreName }).allInnerTexts();
    expect(centreCells.length).toBeGreaterThan(0);
    for (const cell of centreCells) expect(cell.split(centreName).length - 1).toBe(1);
    await screenshot(phone, 'run-sheet-phone');
    const desk = await open(html, 1000);
    await screenshot(desk, 'run-sheet');
    const pages = await printedPages(desk);
    expect(pages.every((n) => n > 0), `no blank page: ${pages}`).toBe(true);
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
    await screenshot(phone, 'round-sheet-phone');
    const desk = await open(html, 1000);
    await screenshot(desk, 'round-sheet');
    const pages = await printedPages(desk);
    expect(pages.every((n) => n > 0), `no blank page: ${pages}`).toBe(true);
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
    expect(pages.length, `pages: ${pages}`).toBeLessThanOrEqual(6);
    expect(pages.every((n) => n > 0), `no blank page: ${pages}`).toBe(true);
    const phone = await open(html, PHONE_WIDTH);
    // On a phone the time-lines scroll inside their own box; the page itself does not.
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE_WIDTH);
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
    const phone = await open(letter, PHONE_WIDTH);
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
