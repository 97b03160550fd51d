// A care-home outreach day, planned from the screen as an ICC day is: the date, its team (an
// outreach day: who goes out), the residents booked to it, a plan job with live progress, then
// the plan — each team member's round (out of the centre, the drives, the homes with their
// addresses, the visits, back), the visits on a timeline, the homes, the score and the gap to the
// lower bound, what could not be placed and why — edited as the ICC day is (drag a visit or move
// it with the form, pin, replan on the day), published with the version it was made on (If-Match:
// a 412 says someone else saved and offers a reload), and the printable round.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { defaultOutreachSettings } from '../../../domain/outreach-defaults.ts';
import { api, ApiError, centrePath, openDocument } from '../api.ts';
import type {
  ActivityView, CareHomeRecord, CentreRecord, OutreachDayRecord, OutreachMoveRequest, OutreachPlanView, OutreachReplanRequest, PlanJobView, ShiftRecord,
} from '../api-types.ts';
import type { BoardItem, BoardRow, Catalogue } from '../board-model.ts';
import { disciplineName } from '../disciplines.ts';
import { usePlanEdits } from '../plan-edits.ts';
import { hhmm } from '../time.ts';
import { ActivityPanel } from './ActivityPanel.tsx';
import { loadCatalogue } from './DayBoard.tsx';
import { DateField } from './DateField.tsx';
import { EditBanners } from './EditBanners.tsx';
import { OutreachReplanPanel } from './OutreachReplanPanel.tsx';
import { OutreachBooking, OutreachTeam } from './OutreachSetup.tsx';
import { PlanJobPanel, type PlanChoice } from './PlanJobPanel.tsx';
import { PlanTimeline, type MoveAsked } from './PlanTimeline.tsx';
import { PlanVersionCard } from './PlanSummary.tsx';

interface Props {
  centreId: string;
  date: string;
  onDate: (date: string) => void;
}

interface Saved {
  view: OutreachPlanView;
  etag: string;
}

/** The centre's records the view names things with. */
interface Records {
  catalogue: Catalogue;
  homes: CareHomeRecord[];
  centre: CentreRecord;
}

const initialsOf = (p: { givenName: string; familyName: string }) => `${p.givenName.trim().charAt(0)}${p.familyName.trim().charAt(0)}`.toUpperCase();

async function loadRecords(centreId: string): Promise<Records> {
  const [catalogue, homes, centre] = await Promise.all([
    loadCatalogue(centreId),
    api<CareHomeRecord[]>(centrePath(centreId, '/care-homes')),
    api<CentreRecord>(centrePath(centreId, '')),
  ]);
  return { catalogue, homes: homes.body, centre: centre.body };
}

export function OutreachView({ centreId, date, onDate }: Props) {
  const [saved, setSaved] = useState<Saved | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'none' | 'error'>('loading');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [records, setRecords] = useState<Records | null>(null);
  const [day, setDay] = useState<OutreachDayRecord | null | undefined>(undefined);
  const [onShift, setOnShift] = useState<Set<string> | null>(null);
  const [job, setJob] = useState<PlanJobView | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const planPath = (suffix = '') => centrePath(centreId, `/days/${date}/outreach-plan${suffix}`);

  const load = useCallback(async () => {
    try {
      const reply = await api<OutreachPlanView>(planPath());
      setSaved({ view: reply.body, etag: reply.etag ?? `"${reply.body.version}"` });
      setState('ready');
    } catch (e) {
      setSaved(null);
      if (e instanceof ApiError && e.status === 404) setState('none');
      else {
        setLoadError((e as Error).message);
        setState('error');
      }
    }
  }, [centreId, date]);

  /** Edits of the version shown: a 412 raises the reload offer, a 422 the checker's sentences. */
  const edits = usePlanEdits<OutreachPlanView>(planPath, saved?.etag ?? null, load);
  const { edit } = edits;

  useEffect(() => {
    setState('loading');
    setSelected(null);
    edits.clear();
    setDay(undefined);
    setOnShift(null);
    void load();
    api<OutreachDayRecord[]>(centrePath(centreId, `/outreach-days?date=${date}`)).then((r) => setDay(r.body[0] ?? null), () => setDay(null));
    api<ShiftRecord[]>(centrePath(centreId, `/shifts?date=${date}`)).then((r) => setOnShift(new Set(r.body.map((s) => s.staffId))), () => setOnShift(new Set()));
  }, [load]);

  useEffect(() => { loadRecords(centreId).then(setRecords, () => setRecords(null)); }, [centreId]);

  const names = useMemo(() => {
    const staff = new Map((records?.catalogue.staff ?? []).map((s) => [s.id, s]));
    // A plan names an assessment type by its code; the records by id and code.
    const types = new Map((records?.catalogue.types ?? []).flatMap((t) => [[t.id, t], [t.code, t]] as const));
    const residents = new Map((records?.catalogue.patients ?? []).map((p) => [p.id, p]));
    const homes = new Map((saved?.view.homes ?? []).map((h) => [h.id, h]));
    return {
      staff: (id: string) => staff.get(id)?.name ?? id,
      discipline: (id: string) => staff.get(id)?.discipline ?? '',
      type: (id: string) => types.get(id),
      resident: (id: string) => { const p = residents.get(id); return p ? { ref: p.localRef, initials: initialsOf(p) } : { ref: id, initials: '' }; },
      home: (id: string) => homes.get(id)?.name ?? (id === centreId ? 'the centre' : id),
      homeRecord: (id: string) => homes.get(id),
      room: (homeId: string, roomId: string) => homes.get(homeId)?.sharedRooms.find((r) => r.id === roomId)?.name ?? 'own room',
    };
  }, [records, saved, centreId]);

  const homeRecords = useMemo(() => new Map((records?.homes ?? []).map((h) => [h.id, h])), [records]);
  // Who may go out: staff on shift that date whose discipline the centre sends to care homes.
  const eligible = useMemo(() => {
    if (!records || !onShift) return null;
    const goOut = records.centre.outreach?.disciplines ?? defaultOutreachSettings.disciplines;
    return records.catalogue.staff.filter((s) => s.active && onShift.has(s.id) && goOut.includes(s.discipline))
      .sort((a, b) => goOut.indexOf(a.discipline) - goOut.indexOf(b.discipline) || a.name.localeCompare(b.name));
  }, [records, onShift]);
  const choices: PlanChoice[] | null = useMemo(() => records && records.catalogue.patients
    .filter((p) => p.careHomeResident && p.careHomeId !== null && !p.unavailableDates.includes(date))
    .map((p) => ({ id: p.id, label: `${p.localRef} (${initialsOf(p)}), ${homeRecords.get(p.careHomeId!)?.name ?? 'care home'}` })), [records, homeRecords, date]);

  const plan = saved?.view.plan;
  const rows: BoardRow[] = useMemo(() => (plan?.rounds ?? []).map((r) => ({
    id: r.staffId, label: names.staff(r.staffId), detail: `${names.discipline(r.staffId)} · out ${hhmm(r.leaveCentreMin)}–${hhmm(r.returnCentreMin)}`,
  })), [plan, names]);
  const items: BoardItem[] = useMemo(() => {
    if (!plan) return [];
    const visits = plan.visits.map((v): BoardItem => {
      const resident = names.resident(v.residentId);
      const type = names.type(v.typeId);
      const activity: ActivityView = {
        activityId: v.id, typeId: v.typeId, typeName: type?.name ?? v.typeId, discipline: type?.discipline ?? 'unknown',
        start: hhmm(v.startMin), end: hhmm(v.endMin), startMin: v.startMin, endMin: v.endMin,
        patientId: v.residentId, patientRef: resident.ref, patientInitials: resident.initials,
        staffId: v.staffId, staffName: names.staff(v.staffId), roomId: v.roomId, roomName: `${names.home(v.homeId)}, ${names.room(v.homeId, v.roomId)}`,
        groupId: v.groupId ?? null, pinned: Boolean(v.pinned),
      };
      return { id: v.id, row: v.staffId, startMin: v.startMin, endMin: v.endMin, kind: 'activity', activity };
    });
    const drives = plan.rounds.flatMap((r) => r.legs.filter((l) => l.travelMin > 0).map((l, i): BoardItem => ({
      id: `drive:${r.staffId}:${i}`, row: r.staffId, startMin: l.departMin, endMin: l.arriveMin, kind: 'block',
      block: { name: `${names.staff(r.staffId)} drives from ${names.home(l.fromId)} to ${names.home(l.toId)} ${hhmm(l.departMin)}–${hhmm(l.arriveMin)}`, lines: ['Drive'], colour: '#e8ebef' },
    })));
    return [...visits, ...drives];
  }, [plan, names]);

  const onDragMove = async (move: MoveAsked) => (await edit('Move', '/moves', 'POST', { visitId: move.activityId, start: hhmm(move.startMin), ...(move.rowId ? { staffId: move.rowId } : {}) } satisfies OutreachMoveRequest)).ok;
  const selectedVisit = items.find((item) => item.id === selected)?.activity ?? null;
  /** Who may take a visit (team members of its clinician's discipline) and where at the home. */
  const visitChoices = (visit: ActivityView) => {
    const v = plan!.visits.find((x) => x.id === visit.activityId)!;
    const discipline = names.discipline(v.staffId);
    const ownRoom = `own-room:${v.residentId}`;
    return {
      staffChoices: plan!.rounds.filter((r) => names.discipline(r.staffId) === discipline).map((r) => ({ id: r.staffId, name: names.staff(r.staffId) })),
      roomChoices: v.roomId === ownRoom ? [{ id: ownRoom, name: 'own room' }] : (names.homeRecord(v.homeId)?.sharedRooms ?? []).map((r) => ({ id: r.id, name: r.name })),
    };
  };
  const residentLabel = (id: string) => { const r = names.resident(id); return `${r.ref} (${r.initials})`; };
  const replanChoices = useMemo(() => plan && {
    residents: [...new Set(plan.visits.map((v) => v.residentId))].map((id) => ({ id, label: residentLabel(id) })),
    team: plan.rounds.map((r) => ({ id: r.staffId, label: names.staff(r.staffId) })),
  }, [plan, names]);
  const visitsOf = (residentId: string) => (plan?.visits ?? []).filter((v) => v.residentId === residentId)
    .map((v) => ({ id: v.typeId, label: `${names.type(v.typeId)?.name ?? v.typeId} ${hhmm(v.startMin)}–${hhmm(v.endMin)}` }));

  const download = () => {
    setDownloadError(null);
    openDocument(centrePath(centreId, `/days/${date}/outreach-round.html`), `outreach-round-${date}.html`).catch((e: unknown) => setDownloadError((e as Error).message));
  };

  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  const view = saved?.view;
  const visitText = (id: string) => {
    const v = plan?.visits.find((x) => x.id === id);
    if (!v) return id;
    const r = names.resident(v.residentId);
    return `${hhmm(v.startMin)}–${hhmm(v.endMin)} ${r.initials} ${r.ref} ${names.type(v.typeId)?.name ?? v.typeId}, ${names.room(v.homeId, v.roomId)}`;
  };
  const homeLine = (id: string) => {
    const h = names.homeRecord(id);
    return h ? [h.name, h.address, h.postcode].filter(Boolean).join(', ') : names.home(id);
  };

  return (
    <div class="outreach">
      <div class="board-head">
        <h1>Outreach</h1>
        <DateField date={date} onDate={onDate} />
        {view && <p class="version" aria-live="polite">Version <strong>{view.version}</strong> · <span class={`status status-${view.status}`}>{view.status}</span></p>}
      </div>
      <EditBanners stale={edits.stale} onReload={() => { edits.clear(); void load(); }} refusal={edits.refusal} notice={edits.notice} />

      <div class="board-body">
        <section class="board-main" aria-labelledby="outreach-plan-heading">
          <h2 id="outreach-plan-heading">{running ? 'Planning the outreach day…' : 'Outreach plan'}</h2>
          {state === 'loading' && <p role="status">Loading the outreach plan…</p>}
          {state === 'error' && <p class="error" role="alert">{loadError}</p>}
          {state === 'none' && <p>No outreach plan for {date} yet. Set up the team and the residents, then press “Plan this outreach day”.</p>}
          {view && plan && (
            <>
              <div class="row">
                <button type="button" onClick={download}>Printable round</button>
                <span>MDT {hhmm(plan.mdt.startMin)}–{hhmm(plan.mdt.endMin)} ({plan.mdt.mode === 'remote' ? 'joined remotely' : 'back at the centre'})</span>
              </div>
              {downloadError && <p class="error" role="alert">{downloadError}</p>}
              <PlanTimeline date={date} rows={rows} items={items} drag={running ? 'none' : 'time-and-row'} onMove={onDragMove} onSelect={setSelected} label={`Outreach visits on ${date} by team member`} fromMin={7 * 60} toMin={18 * 60} />
              {selectedVisit && (
                <ActivityPanel
                  key={selectedVisit.activityId}
                  activity={selectedVisit}
                  {...visitChoices(selectedVisit)}
                  onMove={(move) => edit('Move', '/moves', 'POST', { visitId: selectedVisit.activityId, ...move } satisfies OutreachMoveRequest)}
                  onPin={(pin) => (pin ? edit('Pin', '/pins', 'POST', { visitId: selectedVisit.activityId }) : edit('Unpin', `/pins/${encodeURIComponent(selectedVisit.activityId)}`, 'DELETE'))}
                  onClose={() => setSelected(null)}
                />
              )}
              {replanChoices && <OutreachReplanPanel {...replanChoices} visitsOf={visitsOf} onReplan={(body: OutreachReplanRequest) => edit('Replan', '/replan', 'POST', body)} />}
              <h2 id="rounds-heading">Rounds by team member ({plan.rounds.length})</h2>
              <div class="rounds" aria-labelledby="rounds-heading">
                {plan.rounds.map((r) => (
                  <section class="card round" key={r.staffId} aria-label={`${names.staff(r.staffId)}'s round`}>
                    <h3>{names.staff(r.staffId)} <span class="hint">({disciplineName(names.discipline(r.staffId))}) · {r.travelMin} min driving</span></h3>
                    <ol class="round-steps">
                      <li>{hhmm(r.leaveCentreMin)} leaves the centre</li>
                      {r.stops.map((stop, i) => {
                        const leg = r.legs[i];
                        return [
                          leg && leg.travelMin > 0 && <li key={`leg-${i}`} class="drive">{hhmm(leg.departMin)}–{hhmm(leg.arriveMin)} drives to {homeLine(stop.homeId)} ({leg.travelMin} min)</li>,
                          <li key={`stop-${i}`}>
                            {hhmm(stop.arriveMin)}–{hhmm(stop.leaveMin)} at {names.home(stop.homeId)}:
                            <ul>{stop.visitIds.map((id) => <li key={id}>{visitText(id)}</li>)}</ul>
                          </li>,
                        ];
                      })}
                      {(() => {
                        const back = r.legs[r.stops.length];
                        return back && back.travelMin > 0 ? <li class="drive">{hhmm(back.departMin)}–{hhmm(back.arriveMin)} drives back to the centre ({back.travelMin} min)</li> : null;
                      })()}
                      <li>{hhmm(r.returnCentreMin)} back at the centre</li>
                    </ol>
                  </section>
                ))}
              </div>
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
            </>
          )}
        </section>
        <aside class="board-side" aria-label="Outreach day details">
          {day !== undefined && (
            <OutreachTeam centreId={centreId} date={date} day={day} eligible={eligible} staffName={(id) => `${names.staff(id)} (${disciplineName(names.discipline(id))})`} onCreated={setDay} />
          )}
          {day && <OutreachBooking centreId={centreId} date={date} homes={homeRecords} />}
          {day && <PlanJobPanel centreId={centreId} date={date} kind="outreach" choices={choices} onJob={setJob} onFinished={() => { void load(); }} />}
          {view && plan && (
            <>
              <PlanVersionCard headingId="outreach-summary-heading" version={view} source={describeSource(view.source)} onPublish={() => edit('Publish', '/publish', 'POST')} />
              <section class="card" aria-labelledby="outreach-score-heading">
                <h2 id="outreach-score-heading">Score</h2>
                <dl class="score">
                  <dt>Hard</dt><dd>{plan.score.hard}</dd>
                  <dt>Soft</dt><dd>{plan.score.soft.toFixed(1)}</dd>
                  <dt>Not placed (penalty)</dt><dd>{plan.score.unscheduledPenalty.toFixed(1)}</dd>
                  <dt>Driving</dt><dd>{plan.score.travelMin} min</dd>
                  <dt>Residents waiting</dt><dd>{plan.score.residentWaitMin} min</dd>
                  <dt>Staff waiting</dt><dd>{plan.score.staffWaitMin} min</dd>
                  <dt>Lower bound</dt><dd>{plan.bound.value.toFixed(1)}</dd>
                  <dt>Gap to the bound</dt><dd>{plan.gapPct.toFixed(1)} %</dd>
                </dl>
              </section>
              <section class="card" aria-labelledby="outreach-unscheduled-heading">
                <h2 id="outreach-unscheduled-heading">Not placed ({plan.unscheduled.length})</h2>
                {plan.unscheduled.length === 0 ? <p>Every required assessment is placed.</p> : (
                  <ul class="unscheduled">
                    {plan.unscheduled.map((u) => {
                      const r = names.resident(u.residentId);
                      return <li key={`${u.residentId}:${u.typeId}`}><strong>{r.initials} {r.ref} {names.type(u.typeId)?.name ?? u.typeId}</strong> <span class="reason">({u.reason})</span>: {u.message}</li>;
                    })}
                  </ul>
                )}
              </section>
            </>
          )}
        </aside>
      </div>
    </div>
  );
}

function describeSource(source: OutreachPlanView['source']): string {
  switch (source.kind) {
    case 'job': return `planned by a plan job (${source.maxIterations} search steps at most, seed ${source.seed})`;
    case 'plan': return `planned (${source.maxIterations} search steps at most, seed ${source.seed})`;
    case 'pin': return `pinned ${source.visitId}`;
    case 'unpin': return `unpinned ${source.visitId}`;
    case 'move': return `moved ${source.visitId} by hand`;
    case 'replan': return `replanned at ${source.now}`;
    case 'publish': return `published from version ${source.fromVersion}`;
  }
}
