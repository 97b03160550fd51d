// The coordinator's printable day timetable on A4 landscape: a time-line (Gantt) page of the
// staff, one of the rooms, then the patients' list with each one's meal and dietary needs.
// Blocks are placed by minutes (left/width in % of the opening hours), so the page needs no
// script and prints as it shows; overlapping bookings of one row get their own lanes.
import type { ActivityView, planByPatient, planByRoom, planByStaff } from '../api/services/plan-views.ts';
import { formatMinutes } from '../../solver/index.ts';
import { timeToMin } from '../domain/primitives.ts';
import { html, htmlPage, longDate, type Html } from './html-page.ts';

export interface TimetableInput {
  centreName: string;
  date: string;
  version: number;
  status: string;
  staff: ReturnType<typeof planByStaff>;
  rooms: ReturnType<typeof planByRoom>;
  patients: ReturnType<typeof planByPatient>;
  mdt: { startMin: number; endMin: number };
  /** The time axis: the centre's opening hours. */
  openMin: number;
  closeMin: number;
  /** Recorded dietary needs by patient id (patient record and pre-visit), shown on the meal. */
  dietaryNeeds: ReadonlyMap<string, readonly string[]>;
}

/** Short labels for the blocks, by catalogue code; otherwise the type's first word. */
const SHORT: Record<string, string> = {
  'anp-initial': 'ANP', bloods: 'Bloods', 'x-ray': 'X-ray', 'medication-review': 'Meds', 'medicines-reconciliation': 'Meds rec',
  'ot-assessment': 'OT', 'physio-assessment': 'Physio', 'falls-group': 'Balance group', 'social-care': 'Social care', 'age-uk': 'Age UK',
  'alzheimers-support': "Alzheimer's", 'parkinsons-advice': "Parkinson's", 'geriatrician-review': 'Geri', meal: 'Lunch',
};
const shortName = (a: Pick<ActivityView, 'typeId' | 'typeName'>) => SHORT[a.typeId] ?? a.typeName.split(' ')[0]!;

/**
 * A block on a row: one activity, a group session or shared meal (same type, room and time),
 * a staff break or the MDT. `labels` run from the fullest to the shortest; the page prints the
 * longest that fits the block's width, and `title` (the tooltip) always says everything.
 */
interface Block { startMin: number; endMin: number; labels: string[]; title: string; kind: 'activity' | 'meal' | 'break' | 'mdt' }

/** "JB-0013" → "13": the patient's number, short enough for a ten-minute block. */
export function refNumber(ref: string): string {
  const digits = /(\d+)\D*$/.exec(ref)?.[1];
  return digits === undefined ? ref : String(Number(digits));
}

function blocksOf(activities: readonly ActivityView[], by: 'staff' | 'room'): Block[] {
  const groups = new Map<string, ActivityView[]>();
  for (const a of activities) {
    const key = `${a.typeId}|${a.startMin}|${a.endMin}|${by === 'staff' ? a.roomId : (a.staffId ?? '')}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const what = shortName(first);
    const other = by === 'staff' ? first.roomName : (first.staffName ?? '');
    const labels = group.length === 1
      ? [`${first.patientRef} ${what}`, `${refNumber(first.patientRef)} ${what}`, `${refNumber(first.patientRef)} ${what.slice(0, 3)}`, refNumber(first.patientRef)]
      : [`${group.length} patients ${what}`, `${group.length}× ${what}`, `${group.length}× ${what.slice(0, 3)}`, `${group.length}×`];
    return {
      startMin: first.startMin, endMin: first.endMin, kind: first.typeId === 'meal' ? 'meal' : 'activity', labels,
      title: `${first.start}–${first.end} ${first.typeName}: ${group.map((a) => a.patientRef).join(', ')}${other ? ` — ${other}` : ''}`,
    };
  });
}

/**
 * Characters of 7 pt text a block of `minutes` holds: the time-line is about 0.46 mm a minute
 * on A4 landscape (and about as many pixels on a 1,100 px screen), a character about 1.25 mm.
 */
const charsFor = (minutes: number, span: number) => Math.floor((minutes * 0.37 * 510) / span) - 1;

/** The longest label that fits; none (the tooltip still has it) when even the number does not. */
function labelFor(b: Block, span: number): string {
  const room = charsFor(b.endMin - b.startMin, span);
  return b.labels.find((l) => l.length <= room) ?? '';
}

/** Greedy interval partitioning: each block gets the first lane free at its start. */
function lanes(blocks: readonly Block[]): Block[][] {
  const out: Block[][] = [];
  for (const b of [...blocks].sort((x, y) => x.startMin - y.startMin || y.endMin - x.endMin)) {
    const lane = out.find((l) => l[l.length - 1]!.endMin <= b.startMin);
    if (lane) lane.push(b);
    else out.push([b]);
  }
  return out.length === 0 ? [[]] : out;
}

function axis(openMin: number, closeMin: number): Html {
  const hours: number[] = [];
  for (let m = Math.ceil(openMin / 60) * 60; m < closeMin; m += 60) hours.push(m);
  const pct = (m: number) => ((m - openMin) / (closeMin - openMin)) * 100;
  return html`<div class="axis">${hours.map((m) => html`<span style="left:${pct(m).toFixed(2)}%">${formatMinutes(m)}</span>`)}</div>`;
}

interface GanttRow { name: string; sub: string; blocks: Block[]; /** Off shift: shaded. */ off?: Array<{ startMin: number; endMin: number }> }

function gantt(title: string, rows: readonly GanttRow[], openMin: number, closeMin: number): Html {
  const span = closeMin - openMin;
  const pct = (m: number) => (((Math.min(Math.max(m, openMin), closeMin) - openMin) / span) * 100).toFixed(2);
  const width = (from: number, to: number) => (Number(pct(to)) - Number(pct(from))).toFixed(2);
  const grid = html`<div class="grid">${Array.from({ length: Math.ceil(span / 60) }, (_, i) => html`<i style="left:${pct(Math.ceil(openMin / 60) * 60 + i * 60)}%"></i>`)}</div>`;
  const block = (b: Block) => html`<div class="block ${b.kind}" style="left:${pct(b.startMin)}%;width:${width(b.startMin, b.endMin)}%" title="${b.title}">${labelFor(b, span)}</div>`;
  const off = (row: GanttRow) => (row.off ?? []).filter((o) => o.endMin > o.startMin).map((o) => html`<div class="off" style="left:${pct(o.startMin)}%;width:${width(o.startMin, o.endMin)}%"></div>`);
  // The same row as a list, in time order: what a screen reader reads, and what a phone shows (nothing to scroll sideways).
  const agenda = (row: GanttRow) => html`<ul class="agenda">${[...row.blocks].sort((a, b) => a.startMin - b.startMin).map((b) => html`<li>${b.title}</li>`)}</ul>`;
  const body = rows.map((row) => html`<div class="row"><div class="who" title="${row.name}: ${row.sub}"><strong>${row.name}</strong><br><span class="note">${row.sub}</span></div><div class="track" aria-hidden="true">${grid}${off(row)}${lanes(row.blocks).map((lane) => html`<div class="lane">${lane.map(block)}</div>`)}</div>${agenda(row)}</div>`);
  return html`<section class="gantt"><h2>${title}</h2><div class="row head" aria-hidden="true"><div class="who"></div><div class="track">${axis(openMin, closeMin)}</div></div>${body}</section>`;
}

function patientList(input: TimetableInput): Html {
  const rows = input.patients.map((p) => {
    const meal = p.activities.find((a) => a.typeId === 'meal');
    const diet = input.dietaryNeeds.get(p.patientId) ?? [];
    const others = p.activities.filter((a) => a.typeId !== 'meal');
    return html`<tr><td data-label="Patient">${p.initials} <span class="ref">(ref ${p.ref})</span></td><td class="time" data-label="On site">${p.arrival ?? '—'}–${p.departure ?? '—'}</td><td data-label="Activities">${others.map((a) => html`<span class="item"><span class="time">${a.start}</span> ${shortName(a)}${a.staffName ? ` (${a.staffName})` : ''}</span> `)}</td><td data-label="Lunch">${meal ? html`<span class="time">${meal.start}</span> ${meal.roomName}` : html`—`}${diet.length > 0 ? html`<div class="diet">Diet: ${diet.join(', ')}</div>` : html``}</td><td data-label="Not scheduled">${p.unscheduled.length === 0 ? html`—` : p.unscheduled.map((u) => html`<div>${u.typeName}: ${u.message}</div>`)}</td></tr>`;
  });
  return html`<section class="patients"><h2>Patients</h2><table><thead><tr><th scope="col">Patient</th><th scope="col">On site</th><th scope="col">Activities (with)</th><th scope="col">Lunch and diet</th><th scope="col">Not scheduled</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

const LANDSCAPE = `
  .row { display: flex; border-bottom: 1px solid #ccc; break-inside: avoid; }
  .row.head { border-bottom: 1px solid #777; }
  .who { flex: 0 0 11rem; padding: .1rem .3rem .1rem 0; font-size: 8.5pt; line-height: 1.2; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .track { position: relative; flex: 1 1 auto; min-width: 0; }
  .axis { position: relative; height: 1.1rem; font-size: 8pt; color: #333; }
  .axis span { position: absolute; transform: translateX(-50%); }
  .grid i { position: absolute; top: 0; bottom: 0; border-left: 1px dotted #bbb; }
  .lane { position: relative; height: 1.05rem; margin: .1rem 0; }
  .block { position: absolute; top: 0; bottom: 0; overflow: hidden; white-space: nowrap; font-size: 7pt; line-height: 1.05rem; padding: 0 .15rem; border: 1px solid #333; background: #e6eef7; border-radius: 2px; }
  .block.meal { background: #f4ecd8; }
  .block.mdt { background: #ddd; font-weight: 600; }
  .block.break { background: repeating-linear-gradient(135deg, #fff 0 3px, #ccc 3px 5px); border-style: dashed; }
  .block.break { color: #000; }
  .off { position: absolute; top: 0; bottom: 0; background: repeating-linear-gradient(45deg, transparent 0 4px, #e4e4e4 4px 6px); }
  .agenda { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; margin: 0; padding: 0; }
  .patients td { font-size: 8.5pt; } .patients td:first-child { white-space: nowrap; } .item { white-space: nowrap; margin-right: .5rem; } .diet { font-weight: 600; }
  .gantt, .patients { break-inside: auto; }
  /* A phone: each row becomes its list of bookings, and the patients' table one card each. */
  @media screen and (max-width: 640px) {
    .row { display: block; padding: .3rem 0; } .row.head, .track { display: none; }
    .who { white-space: normal; font-size: 11pt; }
    .agenda { position: static; width: auto; height: auto; overflow: visible; clip: auto; white-space: normal; margin: .2rem 0 0; padding-left: 1.1rem; font-size: 10pt; }
    .patients table, .patients tbody, .patients tr, .patients td { display: block; width: 100%; }
    .patients thead { display: none; } .patients tr { border: 1px solid #999; margin-bottom: .5rem; }
    .patients td { border: 0; } .patients td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
    .item { white-space: normal; }
  }
  @media print {
    @page { size: A4 landscape; margin: 10mm; }
    section + section { break-before: page; }
    h1 { font-size: 14pt; }
    .who { font-size: 8pt; line-height: 1.1; }
  }
`;

/** The coordinator's day timetable: staff and room time-lines, then the patient list. */
export function timetableHtml(input: TimetableInput): string {
  const title = `${input.centreName} — day timetable, ${longDate(input.date)}`;
  const mdtBlock = (on: boolean): Block[] => (on ? [{ startMin: input.mdt.startMin, endMin: input.mdt.endMin, labels: ['MDT'], title: `${formatMinutes(input.mdt.startMin)}–${formatMinutes(input.mdt.endMin)} MDT meeting`, kind: 'mdt' }] : []);
  const breakBlock = (b: { start: string; end: string }): Block => ({ startMin: timeToMin(b.start), endMin: timeToMin(b.end), labels: ['Break', 'Br'], title: `${b.start}–${b.end} Break`, kind: 'break' });
  const staffRows = input.staff.filter((s) => s.activities.length > 0 || s.mdt !== null)
    .map((s) => ({
      name: s.name, sub: `${s.discipline}, ${s.shift.start}–${s.shift.end}`,
      blocks: [...blocksOf(s.activities, 'staff'), ...s.breaks.map(breakBlock), ...mdtBlock(s.mdt !== null)],
      off: [{ startMin: input.openMin, endMin: timeToMin(s.shift.start) }, { startMin: timeToMin(s.shift.end), endMin: input.closeMin }],
    }));
  const roomRows = input.rooms.filter((r) => r.activities.length > 0)
    .map((r) => ({ name: r.name, sub: `${r.type}${r.capacity > 1 ? `, ${r.capacity} places` : ''}`, blocks: blocksOf(r.activities, 'room') }));
  const example = input.patients[0]?.ref;
  const meta = html`<p class="meta">Plan version ${input.version} (${input.status}) · MDT ${formatMinutes(input.mdt.startMin)}–${formatMinutes(input.mdt.endMin)} · blocks show the patient's reference and the activity, short ones only the patient's number${example ? ` (${example}: ${refNumber(example)})` : ''}; hatched: breaks and off shift; the patients' page lists everything</p>`;
  return htmlPage(title, html`<h1>${title}</h1>${meta}${gantt('Staff', staffRows, input.openMin, input.closeMin)}${gantt('Rooms', roomRows, input.openMin, input.closeMin)}${patientList(input)}`, LANDSCAPE);
}
