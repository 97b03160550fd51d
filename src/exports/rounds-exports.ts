// The support workers' rounds as a CSV visit list and a printable round sheet.
import type { RoundsView } from '../api/services/rounds-service.ts';
import { csvTable, type CsvColumn } from './csv-table.ts';
import { html, htmlPage } from './html-page.ts';

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

export function roundsHtml(view: Pick<RoundsView, 'date' | 'rounds' | 'unplanned'>, title: string): string {
  const sections = view.rounds.map((round) => html`<section><h2>${round.workerName}</h2><p class="meta">Leave ${round.leave}, back ${round.return}, ${round.travelMin} min travel, ${round.distanceKm} km</p><table><thead><tr><th>#</th><th>Arrive</th><th>Visit</th><th>Patient</th><th>Address</th></tr></thead><tbody>${round.stops.map((s, i) => html`<tr><td>${i + 1}</td><td class="time">${s.arrive}</td><td class="time">${s.start}–${s.end}</td><td>${s.patientInitials} (ref ${s.patientRef})</td><td>${s.address}, ${s.postcode}</td></tr>`)}</tbody></table></section>`);
  const unplanned = view.unplanned.length === 0 ? html`` : html`<section><h2>Not planned</h2><ul>${view.unplanned.map((u) => html`<li>${u.patientRef}: ${u.message}</li>`)}</ul></section>`;
  return htmlPage(title, html`<h1>${title}</h1><p class="meta">${view.date} · patients shown by initials and local reference</p>${view.rounds.length === 0 ? html`<p>No rounds.</p>` : sections}${unplanned}`);
}
