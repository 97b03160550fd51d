// The outreach team's printable round: per staff member, when they leave the centre, each
// care home in order (address, arrival, the visits there: time, resident by initials and
// local reference, assessment, room), and when they are back — one member per A4 page; on a
// phone each visit is a card headed by its time.
import { formatMinutes, type OutreachPlan, type OutreachProblem } from '../../solver/index.ts';
import { html, htmlPage, longDate } from './html-page.ts';

export interface OutreachRoundInput {
  date: string;
  version: number;
  status: string;
  problem: OutreachProblem;
  plan: OutreachPlan;
  /** Only this staff member's round. */
  staffId?: string;
}

export function outreachRoundHtml(input: OutreachRoundInput): string {
  const { problem, plan } = input;
  const staffName = (id: string) => problem.staff.find((s) => s.id === id)?.name ?? id;
  const home = (id: string) => problem.homes.find((h) => h.id === id);
  const resident = (id: string) => problem.residents.find((r) => r.id === id);
  const typeName = (id: string) => problem.assessmentTypes.find((t) => t.id === id)?.name ?? id;
  const roomName = (homeId: string, roomId: string) => (roomId.startsWith('own-room:') ? "Resident's room" : (home(homeId)?.sharedRooms.find((r) => r.id === roomId)?.name ?? roomId));
  const rounds = plan.rounds.filter((r) => input.staffId === undefined || r.staffId === input.staffId);
  const mdt = plan.mdt.mode === 'return' ? `back at the centre for the MDT at ${formatMinutes(plan.mdt.startMin)}` : `MDT at ${formatMinutes(plan.mdt.startMin)}, joined remotely`;
  const sections = rounds.map((round) => html`<section>
    <h2>${staffName(round.staffId)}</h2>
    <p class="meta">Leave the centre ${formatMinutes(round.leaveCentreMin)} · back ${formatMinutes(round.returnCentreMin)} · driving ${round.travelMin} min · ${mdt}</p>
    ${round.stops.map((stop) => {
      const h = home(stop.homeId);
      const visits = plan.visits.filter((v) => stop.visitIds.includes(v.id)).sort((a, b) => a.startMin - b.startMin);
      return html`<h3>${h?.name ?? stop.homeId} — arrive ${formatMinutes(stop.arriveMin)}</h3>
      <p class="note">${h?.address ?? ''}${h?.postcode ? `, ${h.postcode}` : ''}</p>
      <table class="stack"><thead><tr><th scope="col">Time</th><th scope="col">Resident</th><th scope="col">Assessment</th><th scope="col">Room</th></tr></thead><tbody>
      ${visits.map((v) => html`<tr><th scope="row" class="when"><span class="time">${formatMinutes(v.startMin)}–${formatMinutes(v.endMin)}</span></th><td>${resident(v.residentId)?.initials ?? ''} (ref ${resident(v.residentId)?.ref ?? v.residentId})</td><td>${typeName(v.typeId)}</td><td>${roomName(v.homeId, v.roomId)}</td></tr>`)}
      </tbody></table>`;
    })}
  </section>`);
  const unplaced = plan.unscheduled.length > 0
    ? html`<section><h2>Not planned today</h2><ul>${plan.unscheduled.map((u) => html`<li>${u.message}</li>`)}</ul></section>`
    : html``;
  const title = `Outreach round — ${longDate(input.date)}`;
  return htmlPage(title, html`<h1>${title}</h1><p class="meta">Plan version ${input.version} (${input.status}) · residents shown by initials and local reference</p>${sections}${unplaced}`);
}
