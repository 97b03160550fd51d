// The keyboard and form equivalent of dragging, for an ICC day's activity or an outreach visit:
// move it to a time, a staff member and a room (refusals show the checker's sentences here), and
// pin or unpin it.
import { useState } from 'preact/hooks';
import type { ActivityView } from '../api-types.ts';
import { activityName } from '../board-model.ts';
import type { EditOutcome } from '../plan-edits.ts';
import { SentencesAlert } from './SentencesAlert.tsx';

/** A staff member or room the activity may be moved to. */
export interface Choice {
  id: string;
  name: string;
}

/** Where to move it: a start, and another staff member or room when one was chosen. */
export interface FormMove {
  start: string;
  staffId?: string;
  roomId?: string;
}

interface Props {
  activity: ActivityView;
  /** Who may take it (the activity's discipline), and the rooms it may move to. */
  staffChoices: Choice[];
  roomChoices: Choice[];
  onMove: (move: FormMove) => Promise<EditOutcome>;
  onPin: (pin: boolean) => Promise<EditOutcome>;
  onClose: () => void;
}

export function ActivityPanel({ activity, staffChoices, roomChoices, onMove, onPin, onClose }: Props) {
  const [start, setStart] = useState(activity.start);
  const [staffId, setStaffId] = useState(activity.staffId ?? '');
  const [roomId, setRoomId] = useState(activity.roomId);
  const [refused, setRefused] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const outcome = await onMove({
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
              {staffChoices.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </span>
        )}
        <span class="field">
          <label for="move-room">Room</label>
          <select id="move-room" value={roomId} onChange={(e) => setRoomId(e.currentTarget.value)}>
            {roomChoices.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </span>
        <button type="submit" class="primary" disabled={busy}>Move</button>
        <button type="button" disabled={busy} onClick={() => { void onPin(!activity.pinned); }}>{activity.pinned ? 'Unpin' : 'Pin here'}</button>
        <button type="button" onClick={onClose}>Close</button>
      </form>
      {refused && <SentencesAlert class="refusal" title={`The move was refused${refused.length > 0 ? ':' : '.'}`} sentences={refused} />}
    </section>
  );
}
