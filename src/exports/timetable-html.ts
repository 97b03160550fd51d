// The coordinator's printable day timetable: one table per staff member (who, when, where),
// then each patient's arrival, departure and anything left unscheduled with the reason.
import type { planByPatient, planByStaff } from '../api/services/plan-views.ts';
import { formatMinutes } from '../../solver/index.ts';
import { html, htmlPage } from './html-page.ts';

export interface TimetableInput {
  centreName: string;
  date: string;
  version: number;
  status: string;
  staff: ReturnType<typeof planByStaff>;
  patients: ReturnType<typeof planByPatient>;
  mdt: { startMin: number; endMin: number };
}

export function timetableHtml(input: TimetableInput): string {
  const title = `${input.centreName} — day timetable ${input.date}`;
  const staff = input.staff.filter((s) => s.activities.length > 0).map((s) => html`<section><h2>${s.name}</h2><table><thead><tr><th>Time</th><th>Activity</th><th>Patient</th><th>Room</th></tr></thead><tbody>${s.activities.map((a) => html`<tr><td class="time">${a.start}–${a.end}</td><td>${a.typeName}</td><td>${a.patientRef}</td><td>${a.roomName}</td></tr>`)}</tbody></table></section>`);
  const patients = html`<section><h2>Patients</h2><table><thead><tr><th>Patient</th><th>Arrive</th><th>Leave</th><th>Activities</th><th>Not scheduled</th></tr></thead><tbody>${input.patients.map((p) => html`<tr><td>${p.initials} (ref ${p.ref})</td><td class="time">${p.arrival ?? '—'}</td><td class="time">${p.departure ?? '—'}</td><td>${p.activities.map((a) => html`<div>${a.start} ${a.typeName}${a.staffName ? ` — ${a.staffName}` : ''} (${a.roomName})</div>`)}</td><td>${p.unscheduled.map((u) => html`<div>${u.typeName}: ${u.message}</div>`)}</td></tr>`)}</tbody></table></section>`;
  return htmlPage(title, html`<h1>${title}</h1><p class="meta">Plan version ${input.version} (${input.status}) · MDT ${formatMinutes(input.mdt.startMin)}–${formatMinutes(input.mdt.endMin)}</p>${patients}${staff}`);
}
