// The support workers' rounds as a CSV visit list and a printable round sheet.
import type { RoundsView } from '../api/services/rounds-service.ts';
import { csvTable, type CsvColumn } from './csv-table.ts';
import { html, htmlPage, type Html } from './html-page.ts';

type Round = RoundsView['rounds'][number];
type Stop = Round['stops'][number];
interface RoundsCsvRow { date: string; round: Round; stop: Stop; order: number }

export const roundsCsvColumns: ReadonlyArray<CsvColumn<RoundsCsvRow>> = [
  { header: 'date', value: (r) => r.date },
  { header: 'support_worker', value: (r) => r.round.workerName },
  { header: 'visit', value: (r) => r.order },
  { header: 'arrive', value: (r) => r.stop.arrive },
  { header: 'start', value: (r) => r.stop.start },
  { header: 'end', value: (r) => r.stop.end },
  { header: 'patient_ref', value: (r) => r.stop.patientRef },
  { header: 'initials', value: (r) => r.stop.patientInitials },
  { header: 'address', value: (r) => r.stop.address },
  { header: 'postcode', value: (r) => r.stop.postcode },
  { header: 'travel_min_from_previous', value: (r) => r.stop.travelMinFromPrevious },
];

export function roundsCsv(view: Pick<RoundsView, 'date' | 'rounds'>): string {
  const rows = view.rounds.flatMap((round) => round.stops.map((stop, i) => ({ date: view.date, round, stop, order: i + 1 })));
  return csvTable(roundsCsvColumns, rows);
}

const tel = (phone: string) => html`<a href="tel:${phone.replace(/\s+/g, '')}">${phone}</a>`;

function visitRow(s: Stop, i: number): Html {
  const phones = [s.phone ? tel(s.phone) : null, s.carerPhone ? html`${s.carerName ?? 'carer'} ${tel(s.carerPhone)}` : null].filter((x): x is Html => x !== null);
  // Arrival is worth its own line only when the worker waits at the door before the visit.
  const time = s.arrive === s.start ? html`<span class="time">${s.start}–${s.end}</span>` : html`<span class="time">Arrive ${s.arrive}</span> <span class="time">Visit ${s.start}–${s.end}</span>`;
  return html`<tr><th scope="row" class="when"><span class="rowno">Visit ${i + 1}</span> ${time}</th><td><label class="tick"><input type="checkbox"> <span><strong>${s.patientName}</strong> <span class="ref">(ref ${s.patientRef})</span></span></label>${phones.length > 0 ? html`<div class="detail">☎ ${phones.map((x, k) => (k === 0 ? x : html`, ${x}`))}</div>` : html``}</td><td>${s.address}${s.accessNotes ? html`<div class="access">Access: ${s.accessNotes}</div>` : html``}</td></tr>`;
}

/** A printable round sheet: one worker per A4 page; readable on a phone (cards at 390 px). */
export function roundsHtml(view: Pick<RoundsView, 'date' | 'rounds' | 'unplanned'>, title: string): string {
  const sections = view.rounds.map((round) => html`<section><h2>${round.workerName}</h2><p class="meta">Leave the centre ${round.leave}, back ${round.return} · ${round.stops.length} visits · ${round.travelMin} min travel, ${round.distanceKm} km</p><table class="stack"><thead><tr><th scope="col">Time</th><th scope="col">Patient (tick when seen)</th><th scope="col">Address</th></tr></thead><tbody>${round.stops.map(visitRow)}</tbody></table></section>`);
  const unplanned = view.unplanned.length === 0 ? html`` : html`<section><h2>Not planned</h2><ul>${view.unplanned.map((u) => html`<li>${u.patientRef}: ${u.message}</li>`)}</ul></section>`;
  return htmlPage(title, html`<h1>${title}</h1><p class="meta">Confidential: names, phone numbers, addresses and access notes, for the visiting support worker only</p>${view.rounds.length === 0 ? html`<p>No rounds.</p>` : sections}${unplanned}`);
}
