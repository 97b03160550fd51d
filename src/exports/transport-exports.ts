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

const who = (p: StopPassengerView) => html`<div>${p.initials} (ref ${p.ref}) — ${MOBILITY[p.mobility] ?? p.mobility}${p.carer ? ', carer rides along' : ''}</div>`;

function runSection(run: RunView): Html {
  const rows = run.stops.map((s) => html`<tr><td>${s.order}</td><td class="time">${s.arrive}–${s.depart}</td><td>${s.isCentre ? 'Centre' : 'Home'}<br>${s.address}</td><td>${s.boarding.map(who)}</td><td>${s.alighting.map(who)}</td><td>${s.onBoardAfter.seatsUsed}/${run.seats} seats, ${s.onBoardAfter.wheelchairSpacesUsed}/${run.wheelchairSpaces} wheelchair</td></tr>`);
  return html`<section><h2>${run.vehicleName} — ${RUN_NAMES[run.kind]}</h2><p class="meta">Leave ${run.leave}, finish ${run.finish}, ${run.distanceKm} km</p><table><thead><tr><th>#</th><th>Time</th><th>Where</th><th>Pick up</th><th>Drop off</th><th>On board after</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** A printable run sheet for the day or one vehicle. */
export function transportHtml(view: Pick<TransportView, 'date' | 'runs' | 'unserved' | 'notRouted' | 'planVersion' | 'planStatus'>, title: string): string {
  const unserved = view.unserved.length === 0 ? html`` : html`<section><h2>Not carried</h2><ul>${view.unserved.map((u) => html`<li>${u.ref} (${u.run}): ${u.message}</li>`)}</ul></section>`;
  const notRouted = view.notRouted.length === 0 ? html`` : html`<p class="note">Not on these runs: ${view.notRouted.map((n) => `${n.ref} (${n.reason})`).join(', ')}</p>`;
  return htmlPage(title, html`<h1>${title}</h1><p class="meta">${view.date} · plan version ${view.planVersion} (${view.planStatus}) · patients shown by initials and local reference</p>${view.runs.length === 0 ? html`<p>No runs.</p>` : view.runs.map(runSection)}${unserved}${notRouted}`);
}
