// A clinician's own timetable for a day (the published plan, else the newest draft, said so),
// and the button that issues the address of their own calendar feed.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, centrePath } from '../api.ts';
import type { IssuedFeedToken, PlanByStaff, Principal } from '../api-types.ts';
import { activityName, boardItems, boardRows, type BoardData } from '../board-model.ts';
import { DateField } from './DateField.tsx';
import { PlanTimeline } from './PlanTimeline.tsx';

export function ClinicianView({ principal, date, onDate }: { principal: Principal; date: string; onDate: (d: string) => void }) {
  const centreId = principal.centreId!;
  const staffId = principal.staffId ?? '';
  const [view, setView] = useState<PlanByStaff | null>(null);
  const [message, setMessage] = useState<string | null>('Loading your timetable…');
  const [feed, setFeed] = useState<IssuedFeedToken | null>(null);
  const [feedError, setFeedError] = useState<string | null>(null);

  useEffect(() => {
    setView(null);
    setMessage('Loading your timetable…');
    const path = (q: string) => centrePath(centreId, `/days/${date}/plan/by-staff?staffId=${encodeURIComponent(staffId)}${q}`);
    api<PlanByStaff>(path('&status=published'))
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return api<PlanByStaff>(path(''));
        throw e;
      })
      .then((r) => { setView(r.body); setMessage(null); }, (e: unknown) => setMessage(e instanceof ApiError && e.status === 404 ? `No plan for ${date} yet.` : (e as Error).message));
  }, [centreId, staffId, date]);

  const board: BoardData | null = useMemo(() => (view ? { staff: view.staff, rooms: [], patients: [], mdt: { startMin: 0, endMin: 0 } } : null), [view]);
  const me = view?.staff[0];

  const issueFeed = async () => {
    setFeedError(null);
    try {
      setFeed((await api<IssuedFeedToken>(centrePath(centreId, '/feed-tokens'), { method: 'POST', body: { kind: 'staff', ownerId: staffId } })).body);
    } catch (e) {
      setFeedError((e as Error).message);
    }
  };

  return (
    <div class="clinician">
      <div class="board-head">
        <h1>My timetable</h1>
        <DateField date={date} onDate={onDate} />
        {view && <p class="version">Version <strong>{view.version}</strong> · <span class={`status status-${view.status}`}>{view.status}</span>{view.status === 'draft' && ' (not yet published: it may still change)'}</p>}
      </div>
      {message && <p role="status">{message}</p>}
      {board && me && (
        <>
          <PlanTimeline date={date} rows={boardRows(board, 'staff')} items={boardItems(board, 'staff')} drag="none" label={`Timetable of ${me.name} on ${date}`} />
          <table class="list">
            <caption>{me.name}, {me.shift.start}–{me.shift.end}{me.mdt ? `, MDT ${me.mdt.start}–${me.mdt.end}` : ''}</caption>
            <thead><tr><th scope="col">Time</th><th scope="col">Patient</th><th scope="col">Assessment</th><th scope="col">Room</th></tr></thead>
            <tbody>
              {me.activities.map((a) => (
                <tr key={a.activityId} aria-label={activityName(a)}><td>{a.start}–{a.end}</td><td>{a.patientInitials} {a.patientRef}</td><td>{a.typeName}</td><td>{a.roomName}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <section class="card" aria-labelledby="feed-heading">
        <h2 id="feed-heading">Calendar feed</h2>
        <p>Subscribe to your timetable in Outlook, Google or Apple Calendar. The address is shown once; issuing a new one later keeps the old one working until it is revoked.</p>
        <button type="button" class="primary" onClick={() => { void issueFeed(); }}>Issue my calendar feed link</button>
        {feed && (
          <p>
            <label for="feed-url">Calendar address</label>
            <input id="feed-url" type="text" readOnly value={feed.subscribeUrl} onFocus={(e) => e.currentTarget.select()} />
            {' '}<a href={feed.webcalUrl}>Open in a calendar app</a>
          </p>
        )}
        {feedError && <p class="error" role="alert">{feedError}</p>}
      </section>
    </div>
  );
}
