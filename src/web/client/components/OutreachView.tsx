// A care-home outreach day, read only: the plan's version and status, the team (who drives
// out when, to which homes, back when), the homes with their addresses, the visits on a
// timeline per team member (residents by initials and local reference, as in feeds) with the
// drives between homes, the MDT, what could not be placed, and the printable round.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, centrePath, openDocument } from '../api.ts';
import type { ActivityView, OutreachPlanView } from '../api-types.ts';
import type { BoardItem, BoardRow, Catalogue } from '../board-model.ts';
import { hhmm } from '../time.ts';
import { loadCatalogue } from './DayBoard.tsx';
import { DateField } from './DateField.tsx';
import { PlanTimeline } from './PlanTimeline.tsx';

interface Props {
  centreId: string;
  date: string;
  onDate: (date: string) => void;
}

const initialsOf = (p: { givenName: string; familyName: string }) => `${p.givenName.trim().charAt(0)}${p.familyName.trim().charAt(0)}`.toUpperCase();

export function OutreachView({ centreId, date, onDate }: Props) {
  const [view, setView] = useState<OutreachPlanView | null>(null);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => { loadCatalogue(centreId).then(setCatalogue, () => setCatalogue(null)); }, [centreId]);
  const [message, setMessage] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  useEffect(() => {
    setView(null);
    setMessage('Loading the outreach plan…');
    api<OutreachPlanView>(centrePath(centreId, `/days/${date}/outreach-plan`)).then(
      (r) => { setView(r.body); setMessage(null); },
      (e: unknown) => setMessage(e instanceof ApiError && e.status === 404 ? `No outreach plan for ${date}.` : (e as Error).message),
    );
  }, [centreId, date]);

  const names = useMemo(() => {
    const staff = new Map((catalogue?.staff ?? []).map((s) => [s.id, s]));
    // A plan names an assessment type by its code; the records by id and code.
    const types = new Map((catalogue?.types ?? []).flatMap((t) => [[t.id, t], [t.code, t]] as const));
    const residents = new Map((catalogue?.patients ?? []).map((p) => [p.id, p]));
    const homes = new Map((view?.homes ?? []).map((h) => [h.id, h]));
    return {
      staff: (id: string) => staff.get(id)?.name ?? id,
      discipline: (id: string) => staff.get(id)?.discipline ?? '',
      type: (id: string) => types.get(id),
      resident: (id: string) => { const p = residents.get(id); return p ? { ref: p.localRef, initials: initialsOf(p) } : { ref: id, initials: '' }; },
      home: (id: string) => homes.get(id)?.name ?? (id === centreId ? 'the centre' : id),
      homeRecord: (id: string) => homes.get(id),
    };
  }, [catalogue, view, centreId]);

  const plan = view?.plan;
  const rows: BoardRow[] = useMemo(() => (plan?.rounds ?? []).map((r) => ({
    id: r.staffId, label: names.staff(r.staffId), detail: `${names.discipline(r.staffId)} · out ${hhmm(r.leaveCentreMin)}–${hhmm(r.returnCentreMin)}`,
  })), [plan, names]);
  const items: BoardItem[] = useMemo(() => {
    if (!plan) return [];
    const visits = plan.visits.map((v): BoardItem => {
      const resident = names.resident(v.residentId);
      const type = names.type(v.typeId);
      const home = names.homeRecord(v.homeId);
      const room = home?.sharedRooms.find((r) => r.id === v.roomId)?.name ?? 'own room';
      const activity: ActivityView = {
        activityId: v.id, typeId: v.typeId, typeName: type?.name ?? v.typeId, discipline: type?.discipline ?? 'unknown',
        start: hhmm(v.startMin), end: hhmm(v.endMin), startMin: v.startMin, endMin: v.endMin,
        patientId: v.residentId, patientRef: resident.ref, patientInitials: resident.initials,
        staffId: v.staffId, staffName: names.staff(v.staffId), roomId: v.roomId, roomName: `${names.home(v.homeId)}, ${room}`,
        groupId: v.groupId ?? null, pinned: Boolean(v.pinned),
      };
      return { id: v.id, row: v.staffId, startMin: v.startMin, endMin: v.endMin, kind: 'activity', activity };
    });
    const drives = plan.rounds.flatMap((r) => r.legs.filter((l) => l.travelMin > 0).map((l, i): BoardItem => ({
      id: `drive:${r.staffId}:${i}`, row: r.staffId, startMin: l.departMin, endMin: l.arriveMin, kind: 'stop',
      stop: { name: `${names.staff(r.staffId)} drives from ${names.home(l.fromId)} to ${names.home(l.toId)} ${hhmm(l.departMin)}–${hhmm(l.arriveMin)}`, lines: ['Drive'], colour: '#e8ebef' },
    })));
    return [...visits, ...drives];
  }, [plan, names]);

  const download = () => {
    setDownloadError(null);
    openDocument(centrePath(centreId, `/days/${date}/outreach-round.html`), `outreach-round-${date}.html`).catch((e: unknown) => setDownloadError((e as Error).message));
  };

  return (
    <div class="outreach">
      <div class="board-head">
        <h1>Outreach</h1>
        <DateField date={date} onDate={onDate} />
        {view && <p class="version">Version <strong>{view.version}</strong> · <span class={`status status-${view.status}`}>{view.status}</span></p>}
      </div>
      {message && <p role="status">{message}</p>}
      {view && plan && (
        <>
          <div class="row">
            <button type="button" onClick={download}>Printable round</button>
            <span>MDT {hhmm(plan.mdt.startMin)}–{hhmm(plan.mdt.endMin)} ({plan.mdt.mode === 'remote' ? 'joined remotely' : 'back at the centre'})</span>
          </div>
          {downloadError && <p class="error" role="alert">{downloadError}</p>}
          <PlanTimeline date={date} rows={rows} items={items} drag="none" label={`Outreach visits on ${date} by team member`} fromMin={7 * 60} toMin={18 * 60} />
          <table class="list">
            <caption>Team ({plan.rounds.length})</caption>
            <thead><tr><th scope="col">Team member</th><th scope="col">Leaves the centre</th><th scope="col">Homes, in order</th><th scope="col">Back at the centre</th><th scope="col">Driving (min)</th></tr></thead>
            <tbody>
              {plan.rounds.map((r) => (
                <tr key={r.staffId}>
                  <th scope="row">{names.staff(r.staffId)}</th><td>{hhmm(r.leaveCentreMin)}</td>
                  <td>{r.stops.map((s) => `${names.home(s.homeId)} ${hhmm(s.arriveMin)}–${hhmm(s.leaveMin)}`).join('; ')}</td>
                  <td>{hhmm(r.returnCentreMin)}</td><td>{r.travelMin}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table class="list">
            <caption>Homes visited ({view.homes.length})</caption>
            <thead><tr><th scope="col">Home</th><th scope="col">Address</th><th scope="col">Visiting hours</th><th scope="col">Residents seen</th></tr></thead>
            <tbody>
              {view.homes.map((h) => {
                const seen = [...new Set(plan.visits.filter((v) => v.homeId === h.id).map((v) => v.residentId))].map(names.resident);
                return (
                  <tr key={h.id}>
                    <th scope="row">{h.name}</th><td>{[h.address, h.postcode].filter(Boolean).join(', ')}</td>
                    <td>{hhmm(h.visitingHours.startMin)}–{hhmm(h.visitingHours.endMin)}</td>
                    <td>{seen.map((r) => `${r.initials} ${r.ref}`).join(', ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {plan.unscheduled.length > 0 && (
            <section class="card">
              <h2>Not placed ({plan.unscheduled.length})</h2>
              <ul>{plan.unscheduled.map((u) => { const r = names.resident(u.residentId); return <li key={`${u.residentId}:${u.typeId}`}>{r.initials} {r.ref}, {names.type(u.typeId)?.name ?? u.typeId}: {u.message}</li>; })}</ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
