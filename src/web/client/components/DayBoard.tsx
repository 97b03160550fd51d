// The coordinator's day board: the date, the plan as a timeline (rows by staff, room or
// patient), its version and status, score, gap and unscheduled list; planning the day as a
// job with live progress, moving, pinning, replanning and publishing. Every edit sends the
// version it was made on (If-Match); a 412 says someone else saved and offers a reload.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, centrePath, type Reply } from '../api.ts';
import type {
  ActivityView, AssessmentTypeRecord, MoveRequest, PatientRecord, PlanByPatient, PlanByRoom, PlanByStaff, PlanJobView, PlanView, RoomRecord, StaffRecord,
} from '../api-types.ts';
import { boardFromPlan, boardItems, boardRows, disciplinesIn, type BoardData, type Catalogue, type RowMode } from '../board-model.ts';
import { disciplineColour, disciplineName } from '../disciplines.ts';
import { usePlanEdits } from '../plan-edits.ts';
import { hhmm } from '../time.ts';
import { ActivityPanel, type Choice } from './ActivityPanel.tsx';
import { DateField } from './DateField.tsx';
import { EditBanners } from './EditBanners.tsx';
import { PlanJobPanel, type PlanChoice } from './PlanJobPanel.tsx';
import { PlanSummary } from './PlanSummary.tsx';
import { PlanTimeline, type MoveAsked } from './PlanTimeline.tsx';
import { ReplanPanel } from './ReplanPanel.tsx';

export interface SavedPlan {
  plan: PlanView;
  etag: string;
  board: BoardData;
}

const modeNames: Record<RowMode, string> = { staff: 'Staff', rooms: 'Rooms', patients: 'Patients' };

export async function loadCatalogue(centreId: string): Promise<Catalogue> {
  const [staff, rooms, types, patients] = await Promise.all([
    api<StaffRecord[]>(centrePath(centreId, '/staff')),
    api<RoomRecord[]>(centrePath(centreId, '/rooms')),
    api<AssessmentTypeRecord[]>(centrePath(centreId, '/assessment-types')),
    api<PatientRecord[]>(centrePath(centreId, '/patients')),
  ]);
  return { staff: staff.body, rooms: rooms.body, types: types.body, patients: patients.body };
}

export function DayBoard({ centreId, date, onDate }: { centreId: string; date: string; onDate: (date: string) => void }) {
  const [mode, setMode] = useState<RowMode>('staff');
  const [saved, setSaved] = useState<SavedPlan | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'none' | 'error'>('loading');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [job, setJob] = useState<PlanJobView | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  const planPath = (suffix = '') => centrePath(centreId, `/days/${date}/plan${suffix}`);

  // The rooms view of the version shown (the Rooms rows and the move form's rooms need it). The
  // first load of a date draws the staff rows without waiting for it; later loads wait for it.
  const [roomViews, setRoomViews] = useState<{ version: number; rooms: PlanByRoom['rooms'] } | null>(null);
  const roomsAwaited = useRef(false);

  const load = useCallback(async () => {
    try {
      // The plan and its views at once, each the newest version; a view that is of another
      // version (a save came in between) is read again at the plan's.
      const view = <T extends { version: number }>(name: string, version?: number) => api<T>(planPath(`/${name}${version === undefined ? '' : `?version=${version}`}`));
      const atVersion = async <T extends { version: number }>(name: string, reply: Promise<Reply<T>>, version: number) => {
        const { body } = await reply;
        return body.version === version ? body : (await view<T>(name, version)).body;
      };
      const awaitRooms = roomsAwaited.current;
      roomsAwaited.current = true;
      const planReply = api<PlanView>(planPath());
      const [staffReply, patientsReply] = [view<PlanByStaff>('by-staff'), view<PlanByPatient>('by-patient')];
      // When the plan is refused (404: none yet) they are too, and nobody awaits them.
      for (const reply of [staffReply, patientsReply]) reply.catch(() => undefined);
      // Asked for last on a first load, so the service (one thread) answers the others first.
      let roomsReply = awaitRooms ? view<PlanByRoom>('by-room') : null;
      roomsReply?.catch(() => undefined);
      const plan = await planReply;
      const version = plan.body.version;
      const [staff, patients] = await Promise.all([atVersion('by-staff', staffReply, version), atVersion('by-patient', patientsReply, version)]);
      roomsReply ??= view<PlanByRoom>('by-room', version);
      const rooms = atVersion('by-room', roomsReply, version).then((r) => ({ version, rooms: r.rooms }));
      if (awaitRooms) setRoomViews(await rooms);
      else rooms.then(setRoomViews, () => undefined);
      const mdt = { startMin: plan.body.plan.mdt.startMin, endMin: plan.body.plan.mdt.endMin };
      setSaved({ plan: plan.body, etag: plan.etag ?? `"${version}"`, board: { staff: staff.staff, rooms: [], patients: patients.patients, mdt } });
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
  const edits = usePlanEdits<PlanView>(planPath, saved?.etag ?? null, load);
  const { edit } = edits;

  useEffect(() => {
    setState('loading');
    setSelected(null);
    edits.clear();
    setRoomViews(null);
    roomsAwaited.current = false;
    void load();
  }, [load]);

  // The centre's records (for a job's provisional plan, the patients to choose and the replan
  // panel) are read once the plan is in, so they do not hold up its first drawing.
  const catalogueOf = useRef<string | null>(null);
  useEffect(() => {
    if (state === 'loading' || catalogueOf.current === centreId) return;
    catalogueOf.current = centreId;
    loadCatalogue(centreId).then(setCatalogue, () => setCatalogue(null));
  }, [centreId, state]);

  const rowOf = (activityId: string, rowId: string | undefined) => {
    if (!rowId) return {};
    return mode === 'staff' ? { staffId: rowId } : mode === 'rooms' ? { roomId: rowId } : {};
  };

  const onDragMove = async (move: MoveAsked) => {
    const outcome = await edit('Move', '/moves', 'POST', { activityId: move.activityId, start: hhmm(move.startMin), ...rowOf(move.activityId, move.rowId) });
    return outcome.ok;
  };

  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  // The saved board with its rooms, once they are in (saved.board's rooms are left empty).
  const withRooms: BoardData | null = useMemo(
    () => (saved && roomViews?.version === saved.plan.version ? { ...saved.board, rooms: roomViews.rooms } : null),
    [saved, roomViews],
  );
  const board: BoardData | null = useMemo(() => {
    // The board's jobs plan ICC days ('activities'); an outreach job's plan has visits instead.
    if (running && job?.plan && 'activities' in job.plan && catalogue) return boardFromPlan(job.plan, catalogue);
    // The staff and patient rows keep saved.board itself, so the rooms arriving does not redraw them.
    return mode === 'rooms' ? withRooms : (saved?.board ?? null);
  }, [running, job, catalogue, saved, mode, withRooms]);

  const rows = useMemo(() => (board ? boardRows(board, mode) : []), [board, mode]);
  const items = useMemo(() => (board ? boardItems(board, mode) : []), [board, mode]);
  // Those who can come that day may be chosen instead of those booked.
  const choices: PlanChoice[] | null = useMemo(() => catalogue && catalogue.patients.filter((p) => !p.unavailableDates.includes(date))
    .map((p) => ({ id: p.id, label: `${p.localRef} (${p.givenName.charAt(0)}${p.familyName.charAt(0)})` })), [catalogue, date]);
  const selectedActivity = saved?.board.patients.flatMap((p) => p.activities).find((a) => a.activityId === selected) ?? null;

  return (
    <div class="day-board">
      <div class="board-head">
        <h1>Day board</h1>
        <DateField date={date} onDate={onDate} />
        <fieldset class="row-mode">
          <legend>Rows</legend>
          {(Object.keys(modeNames) as RowMode[]).map((m) => (
            <label key={m}><input type="radio" name="row-mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {modeNames[m]}</label>
          ))}
        </fieldset>
        {saved && (
          <p class="version" aria-live="polite">
            Version <strong>{saved.plan.version}</strong> · <span class={`status status-${saved.plan.status}`}>{saved.plan.status}</span>
          </p>
        )}
      </div>

      <EditBanners stale={edits.stale} onReload={() => { edits.clear(); void load(); }} refusal={edits.refusal} notice={edits.notice} />

      <div class="board-body">
        <section class="board-main" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">
            {running ? 'Provisional plan (improving)' : 'Timeline'}
          </h2>
          {state === 'loading' && <p role="status">Loading the plan…</p>}
          {state === 'ready' && !board && <p role="status">Loading the rooms…</p>}
          {state === 'error' && <p class="error" role="alert">{loadError}</p>}
          {state === 'none' && !running && <p>No plan for {date} yet. Choose a time limit and press “Plan this day”.</p>}
          {board && (
            <>
              <PlanTimeline
                date={date}
                rows={rows}
                items={items}
                label={`Plan for ${date} by ${modeNames[mode].toLowerCase()}`}
                drag={running || !saved ? 'none' : mode === 'patients' ? 'time' : 'time-and-row'}
                onMove={onDragMove}
                onSelect={setSelected}
              />
              <ul class="legend" aria-label="Disciplines">
                {disciplinesIn(board).map((d) => <li key={d}><span class="swatch" style={{ background: disciplineColour(d) }} />{disciplineName(d)}</li>)}
                <li><span class="swatch swatch-break" />Break</li>
                <li><span class="swatch swatch-mdt" />MDT meeting</li>
              </ul>
            </>
          )}
          {saved && selectedActivity && (
            <ActivityPanel
              key={selectedActivity.activityId}
              activity={selectedActivity}
              {...moveChoices(selectedActivity, withRooms ?? saved.board)}
              onMove={(move) => edit('Move', '/moves', 'POST', { activityId: selectedActivity.activityId, ...move } satisfies MoveRequest)}
              onPin={(pin) => (pin ? edit('Pin', '/pins', 'POST', { activityId: selectedActivity.activityId }) : edit('Unpin', `/pins/${encodeURIComponent(selectedActivity.activityId)}`, 'DELETE'))}
              onClose={() => setSelected(null)}
            />
          )}
          {saved && catalogue && (
            <ReplanPanel board={saved.board} catalogue={catalogue} onReplan={(body) => edit('Replan', '/replan', 'POST', body)} />
          )}
        </section>
        <aside class="board-side" aria-label="Plan details">
          <PlanJobPanel centreId={centreId} date={date} choices={choices} onJob={setJob} onFinished={() => { void load(); }} />
          {saved && <PlanSummary saved={saved} onPublish={() => edit('Publish', '/publish', 'POST')} />}
        </aside>
      </div>
    </div>
  );
}

/** Who may take an activity (its clinician's discipline) and the rooms of its room's type. */
function moveChoices(activity: ActivityView, board: BoardData): { staffChoices: Choice[]; roomChoices: Choice[] } {
  const discipline = board.staff.find((s) => s.staffId === activity.staffId)?.discipline;
  const roomType = board.rooms.find((r) => r.roomId === activity.roomId)?.type;
  return {
    staffChoices: board.staff.filter((s) => s.discipline === discipline).map((s) => ({ id: s.staffId, name: s.name })),
    roomChoices: board.rooms.filter((r) => r.type === roomType).map((r) => ({ id: r.roomId, name: r.name })),
  };
}
