// The transport team's lists (SPEC §2, §4): one CSV row per passenger per stop, and a
// printable run sheet per vehicle run with stops in order, times, addresses, mobility, carers.
import type { RunView, StopPassengerView, StopView, TransportView } from '../api/services/transport-service.ts';
import { csvTable, type CsvColumn } from './csv-table.ts';
import { html, htmlPage, type Html } from './html-page.ts';

/** One line of the pickup/drop-off list. */
export interface TransportCsvRow {
  run: RunView;
  stop: StopView;
  action: 'board' | 'alight';
  passenger: StopPassengerView;
}

const RUN_NAMES = { morning: 'Morning pickups', afternoon: 'Afternoon returns' } as const;
const MOBILITY = { independent: 'walks', 'walking-aid': 'walking aid', wheelchair: 'wheelchair' } as Record<string, string>;

export const transportCsvColumns: ReadonlyArray<CsvColumn<TransportCsvRow & { date: string }>> = [
  { header: 'date', value: (r) => r.date },
  { header: 'vehicle', value: (r) => r.run.vehicleName },
  { header: 'run', value: (r) => r.run.kind },
  { header: 'stop', value: (r) => r.stop.order },
  { header: 'arrive', value: (r) => r.stop.arrive },
  { header: 'depart', value: (r) => r.stop.depart },
  { header: 'place', value: (r) => (r.stop.isCentre ? 'centre' : 'home') },
  { header: 'address', value: (r) => r.stop.address },
  { header: 'action', value: (r) => (r.action === 'board' ? 'pick up' : 'drop off') },
  { header: 'patient_ref', value: (r) => r.passenger.ref },
  { header: 'initials', value: (r) => r.passenger.initials },
  { header: 'mobility', value: (r) => MOBILITY[r.passenger.mobility] ?? r.passenger.mobility },
  { header: 'carer', value: (r) => (r.passenger.carer ? 'yes' : 'no') },
];

export function transportCsvRows(runs: readonly RunView[]): TransportCsvRow[] {
  return runs.flatMap((run) => run.stops.flatMap((stop) => [
    ...stop.boarding.map((passenger) => ({ run, stop, action: 'board' as const, passenger })),
    ...stop.alighting.map((passenger) => ({ run, stop, action: 'alight' as const, passenger })),
  ]));
}

/** The day's (or one vehicle's) list as CSV. */
export function transportCsv(view: Pick<TransportView, 'date' | 'runs'>): string {
  return csvTable(transportCsvColumns, transportCsvRows(view.runs).map((r) => ({ ...r, date: view.date })));
}

const mobilityText = (p: StopPassengerView) => MOBILITY[p.mobility] ?? p.mobility;

/** A passenger line with its own tick box: who, when, mobility, carer, phones, access notes. */
function passengerLine(p: StopPassengerView, action: 'board' | 'alight', stop: StopView, showTime: boolean): Html {
  const verb = action === 'board' ? 'Pick up' : 'Drop off';
  const who = p.name ?? p.initials;
  const carer = p.carer ? html` · carer rides along${p.carerName ? html`: ${p.carerName}` : html``}` : html``;
  const phones = [
    p.phone ? html`<a href="tel:${p.phone.replace(/\s+/g, '')}">${p.phone}</a>` : null,
    p.carerPhone ? html`carer <a href="tel:${p.carerPhone.replace(/\s+/g, '')}">${p.carerPhone}</a>` : null,
  ].filter((x): x is Html => x !== null);
  const ownTime = showTime ? html` <span class="time">${p.at}</span>` : html``;
  return html`<div class="pax"><label class="tick"><input type="checkbox"> <span>${verb}${ownTime} <strong>${who}</strong> <span class="ref">(ref ${p.ref})</span></span></label><div class="detail">${mobilityText(p)}${carer}${phones.length > 0 ? html` · ☎ ${phones.map((x, i) => (i === 0 ? x : html`, ${x}`))}` : html``}</div>${p.accessNotes && action === 'board' && !stop.isCentre ? html`<div class="access">Access: ${p.accessNotes}</div>` : html``}</div>`;
}

/** A wait longer than this inside one stop gets its own line ("wait 48 min"). */
const NOTED_WAIT_MIN = 15;

/**
 * Who gets on and off, in time order. Where they do so at different times (at the centre the
 * vehicle stays while arrival windows open in the morning, or while the last ones finish in
 * the afternoon) each line carries its time and a long wait is written between them.
 */
function stopPeople(s: StopView): Html[] {
  const moves = [...s.alighting.map((p) => ({ p, action: 'alight' as const })), ...s.boarding.map((p) => ({ p, action: 'board' as const }))]
    .sort((a, b) => a.p.atMin - b.p.atMin);
  const timed = moves.some((m) => m.p.atMin !== s.arriveMin);
  const out: Html[] = [];
  let clock = s.arriveMin;
  for (const { p, action } of moves) {
    if (p.atMin - clock > NOTED_WAIT_MIN) {
      const why = s.isCentre ? html` — ${p.name ?? p.initials} is ${action === 'alight' ? 'due in' : 'ready'} at ${p.at}` : html` (until ${p.at})`;
      out.push(html`<div class="wait">Wait ${p.atMin - clock} min${why}</div>`);
    }
    out.push(passengerLine(p, action, s, timed));
    clock = Math.max(clock, p.atMin);
  }
  return out;
}

function stopRow(run: RunView, s: StopView, centreName: string): Html {
  const place = s.isCentre ? html`<strong>${centreName}</strong>` : html`<strong>Home</strong>`;
  // A stop that lasts (the centre) says when the vehicle gets there and when it leaves.
  const time = s.departMin - s.arriveMin > NOTED_WAIT_MIN
    ? html`<span class="time">Arrive ${s.arrive}</span> <span class="time">Leave ${s.depart}</span>`
    : html`<span class="time">${s.arrive}</span>`;
  const load = html`<div class="note">On board after: ${s.onBoardAfter.seatsUsed}/${run.seats} seats, ${s.onBoardAfter.wheelchairSpacesUsed}/${run.wheelchairSpaces} wheelchair</div>`;
  return html`<tr><th scope="row" class="when"><span class="rowno">Stop ${s.order}</span> ${time}</th><td class="where">${place}<br>${s.address}</td><td class="who">${stopPeople(s)}${load}</td></tr>`;
}

/** The run's own start: from the depot in the morning; in the afternoon, at the centre from its first stop to its leaving. */
function runTimes(run: RunView): Html {
  const first = run.stops[0];
  if (run.kind === 'afternoon' && first?.isCentre && first.arriveMin < run.leaveMin) {
    return html`at the centre from <span class="time">${first.arrive}</span>, leave <span class="time"><strong>${run.leave}</strong></span>`;
  }
  return html`leave the ${run.kind === 'morning' ? 'depot' : 'centre'} <span class="time"><strong>${run.leave}</strong></span>`;
}

function runSection(run: RunView, centreName: string): Html {
  return html`<section class="run"><h2>${run.vehicleName} — ${RUN_NAMES[run.kind]}</h2><p class="meta">Driver: ${run.driverName ?? 'not set'} · ${runTimes(run)} · finish <span class="time">${run.finish}</span> · ${run.distanceKm} km · ${run.seats} seats, ${run.wheelchairSpaces} wheelchair spaces</p><table class="stack runsheet"><thead><tr><th scope="col">Stop</th><th scope="col">Where</th><th scope="col">Who (tick when done)</th></tr></thead><tbody>${run.stops.map((s) => stopRow(run, s, centreName))}</tbody></table></section>`;
}

const RUN_SHEET_STYLE = `
  .wait { margin: .35rem 0; padding: .1rem .35rem; font-weight: 600; border: 1px dashed #777; display: inline-block; }
`;

/** A printable run sheet for the day or one vehicle: one run per A4 page, readable on a phone. */
export function transportHtml(view: Pick<TransportView, 'centreName' | 'date' | 'runs' | 'unserved' | 'notRouted' | 'planVersion' | 'planStatus'>, title: string): string {
  const { centreName } = view;
  const unserved = view.unserved.length === 0 ? html`` : html`<section><h2>Not carried</h2><ul>${view.unserved.map((u) => html`<li>${u.ref} (${u.run}): ${u.message}</li>`)}</ul></section>`;
  const notRouted = view.notRouted.length === 0 ? html`` : html`<p class="note">Not on these runs: ${view.notRouted.map((n) => `${n.ref} (${n.reason})`).join(', ')}</p>`;
  return htmlPage(title, html`<h1>${title}</h1><p class="meta">${view.date} · plan version ${view.planVersion} (${view.planStatus}) · tick each box when done · confidential: names, phone numbers and access notes for the driver only</p>${view.runs.length === 0 ? html`<p>No runs.</p>` : view.runs.map((r) => runSection(r, centreName))}${unserved}${notRouted}`, RUN_SHEET_STYLE);
}
