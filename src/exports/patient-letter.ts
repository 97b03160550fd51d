// The patient's letter (issue 13): what a frail older person and their carer hold in their
// hands before the ICC day — in large print and plain English — and the same news as one SMS
// of at most 612 characters (four joined GSM-7 parts of 153).
import { format } from 'date-fns';
import { html, htmlPage, longDate } from './html-page.ts';

/** Everything the letter says, gathered by the letter service from the published day. */
export interface PatientLetter {
  centre: { name: string; shortName: string; address: string; phone: string | null };
  date: string;
  patient: { name: string; ref: string; mobility: 'walks' | 'walking-aid' | 'wheelchair'; carerComing: boolean; dietaryNeeds: string[] };
  /** By transport: the window the driver should arrive in; own means: arrive by. */
  getting: { kind: 'transport'; pickupFrom: string; pickupTo: string } | { kind: 'own-means' | 'not-arranged'; arriveBy: string };
  /** Who they will see, in time order, each in plain words. */
  visits: Array<{ time: string; who: string; why: string; staffName: string | null }>;
  meal: { time: string } | null;
  /** When they should be home (transport), or when the day ends (own means). */
  home: { kind: 'transport'; about: string } | { kind: 'own-means' | 'not-arranged'; finishAbout: string };
}

/** Plain words for each kind of appointment, by the catalogue's code (then by its discipline). */
const LAY_BY_CODE: Record<string, { who: string; why: string }> = {
  'anp-initial': { who: 'an advanced nurse practitioner', why: 'to check your overall health and talk about what matters to you' },
  bloods: { who: 'a blood test', why: 'a small sample of blood to help the doctor' },
  'x-ray': { who: 'an X-ray', why: 'a quick picture to help the doctor' },
  'medication-review': { who: 'a pharmacist', why: 'to go through your medicines with you' },
  'medicines-reconciliation': { who: 'a pharmacist', why: 'to check the list of medicines you take' },
  'ot-assessment': { who: 'an occupational therapist', why: 'to see how you manage everyday tasks at home, and what could help' },
  'physio-assessment': { who: 'a physiotherapist', why: 'to look at your walking and balance, and how to prevent falls' },
  'falls-group': { who: 'a small strength and balance group', why: 'gentle exercises to keep you steady on your feet' },
  'social-care': { who: 'a social care worker', why: 'to talk about help and support at home' },
  'age-uk': { who: 'someone from Age UK', why: 'a friendly chat about wellbeing and local support' },
  'alzheimers-support': { who: "someone from Alzheimer's UK", why: 'to talk about memory and the support on offer' },
  'parkinsons-advice': { who: "someone from Parkinson's UK", why: "advice about living with Parkinson's" },
  'geriatrician-review': { who: 'a doctor who specialises in the health of older people', why: 'to bring everything together and agree a plan with you' },
};

const LAY_BY_DISCIPLINE: Record<string, { who: string; why: string }> = {
  anp: LAY_BY_CODE['anp-initial']!,
  phlebotomy: LAY_BY_CODE.bloods!,
  radiography: LAY_BY_CODE['x-ray']!,
  pharmacy: LAY_BY_CODE['medication-review']!,
  ot: LAY_BY_CODE['ot-assessment']!,
  physio: LAY_BY_CODE['physio-assessment']!,
  'social-care': LAY_BY_CODE['social-care']!,
  geriatrician: LAY_BY_CODE['geriatrician-review']!,
  voluntary: { who: 'a volunteer from one of our partner charities', why: 'to talk about support in your area' },
};

/** Plain words for an assessment: by code, then by discipline, else its catalogue name. */
export function layTermsFor(code: string, discipline: string | undefined, name: string): { who: string; why: string } {
  return LAY_BY_CODE[code] ?? (discipline ? LAY_BY_DISCIPLINE[discipline] : undefined) ?? { who: name, why: 'part of your assessment' };
}

/** What to bring: always medicines, glasses and hearing aids; the walking aid if they use one. */
export function thingsToBring(letter: Pick<PatientLetter, 'patient'>): string[] {
  return [
    'all your medicines, in their boxes (and any repeat prescription list)',
    'your glasses and hearing aids',
    ...(letter.patient.mobility === 'walking-aid' ? ['your walking aid'] : []),
    'a list of any questions you would like to ask',
  ];
}

const LARGE_PRINT = `
  body { font-size: 16pt; line-height: 1.5; max-width: 44rem; }
  h1 { font-size: 22pt; } h2 { font-size: 18pt; margin-top: 1.5rem; }
  .meta, .note { font-size: 14pt; color: #222; }
  ul { padding-left: 1.4rem; } li { margin: .3rem 0; }
  .big { font-size: 20pt; font-weight: 700; }
  /* On paper a visit or a sentence is never cut in two, and a heading stays with what follows it. */
  @media print { body { font-size: 16pt; } .meta, .note { font-size: 14pt; } li, p { break-inside: avoid; } h2 { break-after: avoid; } }
`;

function gettingThere(letter: PatientLetter) {
  const g = letter.getting;
  if (g.kind === 'transport') {
    return html`<p>We will collect you from home. Please be ready by <strong>${g.pickupFrom}</strong>: the driver should arrive <span class="big">between ${g.pickupFrom} and ${g.pickupTo}</span>.</p>${letter.patient.carerComing ? html`<p>There is a seat for the person who is coming with you.</p>` : html``}`;
  }
  return html`<p>Please arrive at the centre by <span class="big">${g.arriveBy}</span>.${g.kind === 'not-arranged' ? html` If you need transport, please ring us.` : html``}</p>`;
}

function goingHome(letter: PatientLetter) {
  const h = letter.home;
  return h.kind === 'transport'
    ? html`<p>We will take you home afterwards. You should be home at about <strong>${h.about}</strong>.</p>`
    : html`<p>Your day should finish at about <strong>${h.finishAbout}</strong>.</p>`;
}

/** The letter as a large-print page (≥ 14 pt everywhere), one A4 sheet where it fits. */
export function patientLetterHtml(letter: PatientLetter): string {
  const title = `Your day at ${letter.centre.name}`;
  const visits = letter.visits.map((v) => html`<li><strong>${v.time}</strong> — ${v.who}${v.staffName ? html` (${v.staffName})` : html``}: ${v.why}.</li>`);
  const meal = letter.meal
    ? html`<h2>Lunch</h2><p>Lunch is at about <strong>${letter.meal.time}</strong>. It is free.${letter.patient.dietaryNeeds.length > 0 ? html` We have noted: ${letter.patient.dietaryNeeds.join(', ')}.` : html` If you have a special diet, please tell us.`}</p>`
    : html``;
  const phone = letter.centre.phone
    ? html`<p>If you cannot come, or have any questions, please ring us on <span class="big">${letter.centre.phone}</span>.</p>`
    : html`<p>If you cannot come, or have any questions, please contact the centre.</p>`;
  return htmlPage(title, html`<h1>${title}</h1>
<p class="meta">For ${letter.patient.name} (our reference ${letter.patient.ref})</p>
<p class="big">${longDate(letter.date)}</p>
<h2>Getting there</h2>${gettingThere(letter)}
<h2>Who you will see</h2><p>You will see a small team, one after another. There are rests in between.</p><ul>${visits}</ul>
${meal}
<h2>Going home</h2>${goingHome(letter)}
<h2>Please bring</h2><ul>${thingsToBring(letter).map((t) => html`<li>${t}</li>`)}</ul>
${letter.patient.carerComing ? html`<p>Your carer or a family member is welcome to stay with you all day.</p>` : html``}
<h2>Questions</h2>${phone}
<p class="note">${letter.centre.name}, ${letter.centre.address}</p>`, LARGE_PRINT);
}

/** An SMS is read as up to four joined parts of 153 GSM-7 characters. */
export const SMS_MAX_CHARS = 612;

const TESTS = new Set(['a blood test', 'an X-ray']);

/** "a, b and c". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Who they will see, without repeats ("You will see a nurse and a doctor, and have a blood test."). */
function whoSentence(visits: PatientLetter['visits'], short: boolean): string {
  const people = [...new Set(visits.filter((v) => !TESTS.has(v.who)).map((v) => (short ? shortWho(v.who) : v.who)))];
  const tests = [...new Set(visits.filter((v) => TESTS.has(v.who)).map((v) => v.who))];
  if (people.length === 0) return tests.length === 0 ? '' : ` You will have ${andList(tests)}.`;
  return ` You will see ${andList(people)}${tests.length === 0 ? '' : `, and have ${andList(tests)}`}.`;
}

function shortWho(who: string): string {
  if (who.startsWith('a doctor')) return 'a doctor';
  if (who.startsWith('an advanced nurse')) return 'a nurse';
  if (who.startsWith('someone from') || who.startsWith('a volunteer')) return 'a volunteer';
  return who;
}

/**
 * The same news as plain text for an SMS: GSM-7 characters only (no dashes or curly quotes,
 * which would halve the part size), at most 612 characters. Details are dropped in order
 * (the full list of who they will see, then the list of things to bring) until it fits.
 */
export function patientLetterText(letter: PatientLetter): string {
  const day = format(new Date(`${letter.date}T12:00:00`), 'EEE d MMM');
  const g = letter.getting;
  const getting = g.kind === 'transport' ? `We will pick you up from home between ${g.pickupFrom} and ${g.pickupTo}.` : `Please arrive by ${g.arriveBy}.`;
  const h = letter.home;
  const home = h.kind === 'transport' ? `Home about ${h.about}.` : `Finish about ${h.finishAbout}.`;
  const meal = letter.meal ? ` Free lunch${letter.patient.dietaryNeeds.length > 0 ? ` (${letter.patient.dietaryNeeds.join(', ')})` : ''}.` : '';
  const phone = letter.centre.phone ? ` Questions or cannot come: ring ${letter.centre.phone}.` : '';
  const bring = (long: boolean) => (long ? ' Please bring all your medicines in their boxes, your glasses and hearing aids.' : ' Bring medicines, glasses, hearing aids.');
  const candidates = [
    [false, true], [true, true], [true, false],
  ].map(([short, longBring]) => `${letter.centre.shortName}: your ICC appointment is ${day}. ${getting}${whoSentence(letter.visits, short!)}${meal} ${home}${bring(longBring!)}${phone}`);
  const text = candidates.find((t) => t.length <= SMS_MAX_CHARS) ?? candidates[candidates.length - 1]!.slice(0, SMS_MAX_CHARS);
  return toGsm7(text);
}

/** Replaces characters outside the GSM 03.38 basic set that our own words could bring in. */
function toGsm7(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\u2026/g, '...');
}
