// The keyboard and form equivalent of dragging: move an activity to a time, a staff member and
// a room (refusals show the checker's sentences here), and pin or unpin it.
import { useState } from 'preact/hooks';
import type { ActivityView, MoveRequest } from '../api-types.ts';
import { activityName, type BoardData } from '../board-model.ts';
import type { EditOutcome } from './DayBoard.tsx';

interface Props {
  activity: ActivityView;
  board: BoardData;
  onMove: (body: MoveRequest) => Promise<EditOutcome>;
  onPin: (pin: boolean) => Promise<EditOutcome>;
  onClose: () => void;
}

export function ActivityPanel({ activity, board, onMove, onPin, onClose }: Props) {
  const [start, setStart] = useState(activity.start);
  const [staffId, setStaffId] = useState(activity.staffId ?? '');
  const [roomId, setRoomId] = useState(activity.roomId);
  const [refused, setRefused] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const currentRoomType = board.rooms.find((r) => r.roomId === activity.roomId)?.type;
  const staffChoices = board.staff.filter((s) => s.discipline === board.staff.find((x) => x.staffId === activity.staffId)?.discipline);
  const roomChoices = board.rooms.filter((r) => r.type === currentRoomType);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const outcome = await onMove({
      activityId: activity.activityId,
      start,
      ...(activity.staffId && staffId && staffId !== activity.staffId ? { staffId } : {}),
      ...(roomId !== activity.roomId ? { roomId } : {}),
    });
    setBusy(false);
    setRefused(outcome.ok ? null : outcome.sentences);
  };

  return (
    <section class="card activity-panel" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{activityName(activity)}</h2>
      <p>{activity.pinned ? 'Pinned: replanning keeps it where it is.' : 'Not pinned: replanning may move it.'}</p>
      <form class="row" onSubmit={submit}>
        <span class="field">
          <label for="move-start">Start (HH:MM)</label>
          <input id="move-start" type="text" inputMode="numeric" pattern="[0-2][0-9]:[0-5][0-9]" value={start} onInput={(e) => setStart(e.currentTarget.value)} required />
        </span>
        {activity.staffId && (
          <span class="field">
            <label for="move-staff">With</label>
            <select id="move-staff" value={staffId} onChange={(e) => setStaffId(e.currentTarget.value)}>
              {staffChoices.map((s) => <option key={s.staffId} value={s.staffId}>{s.name}</option>)}
            </select>
          </span>
        )}
        <span class="field">
          <label for="move-room">Room</label>
          <select id="move-room" value={roomId} onChange={(e) => setRoomId(e.currentTarget.value)}>
            {roomChoices.map((r) => <option key={r.roomId} value={r.roomId}>{r.name}</option>)}
          </select>
        </span>
        <button type="submit" class="primary" disabled={busy}>Move</button>
        <button type="button" disabled={busy} onClick={() => { void onPin(!activity.pinned); }}>{activity.pinned ? 'Unpin' : 'Pin here'}</button>
        <button type="button" onClick={onClose}>Close</button>
      </form>
      {refused && (
        <div class="refusal" role="alert">
          <p>The move was refused{refused.length > 0 ? ':' : '.'}</p>
          <ul>{refused.map((s) => <li key={s}>{s}</li>)}</ul>
        </div>
      )}
    </section>
  );
}
