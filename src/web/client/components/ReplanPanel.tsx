// Replan on the day: changes of any kind the API knows, composed one by one into a list (each
// can be removed) and sent together from a time ("now"); the answer lists exactly what moved,
// was removed, added or could not be re-placed.
import { useState } from 'preact/hooks';
import type { DayChange, PlanView, ReplanRequest } from '../api-types.ts';
import type { BoardData, Catalogue } from '../board-model.ts';
import type { EditOutcome } from '../plan-edits.ts';
import { SentencesAlert } from './SentencesAlert.tsx';

type Kind = DayChange['kind'];
const kinds: Record<Kind, string> = {
  'patient-cancelled': 'Patient cancelled',
  'patient-late': 'Patient arriving late',
  'patient-added': 'Patient added',
  'staff-off-sick': 'Staff member off sick',
  'staff-late': 'Staff member late',
  'assessment-overran': 'Assessment overran',
  'assessment-added': 'Assessment added',
  'assessment-removed': 'Assessment no longer needed',
};

interface Props {
  board: BoardData;
  catalogue: Catalogue;
  onReplan: (body: ReplanRequest) => Promise<EditOutcome<PlanView>>;
}

export function ReplanPanel({ board, catalogue, onReplan }: Props) {
  const [kind, setKind] = useState<Kind>('patient-cancelled');
  const [now, setNow] = useState('10:00');
  const [patientId, setPatientId] = useState(board.patients[0]?.patientId ?? '');
  const [staffId, setStaffId] = useState(board.staff[0]?.staffId ?? '');
  const [typeId, setTypeId] = useState('');
  const [time, setTime] = useState('11:00');
  const [result, setResult] = useState<PlanView | null>(null);
  const [refused, setRefused] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [listed, setListed] = useState<Array<{ change: DayChange; words: string }>>([]);

  const inPlan = new Set(board.patients.map((p) => p.patientId));
  const patientChoices = kind === 'patient-added'
    ? catalogue.patients.filter((p) => !inPlan.has(p.id)).map((p) => ({ id: p.id, label: `${p.localRef} (${p.givenName.charAt(0)}${p.familyName.charAt(0)})` }))
    : board.patients.map((p) => ({ id: p.patientId, label: `${p.ref} (${p.initials})` }));
  const patientActivities = board.patients.find((p) => p.patientId === patientId)?.activities.filter((a) => a.typeId !== 'meal') ?? [];
  const typeChoices = kind === 'assessment-added'
    ? catalogue.types.filter((t) => !patientActivities.some((a) => a.typeId === t.id)).map((t) => ({ id: t.id, label: t.name }))
    : patientActivities.map((a) => ({ id: a.typeId, label: `${a.typeName} ${a.start}–${a.end}` }));
  const needsPatient = kind.startsWith('patient') || kind.startsWith('assessment');
  const needsStaff = kind.startsWith('staff');
  const needsType = kind.startsWith('assessment');
  const timeLabel = kind === 'patient-late' ? 'Arrival' : kind === 'assessment-overran' ? 'Ends at' : needsStaff ? 'From' : null;

  const change = (): DayChange => {
    const pid = patientId || patientChoices[0]?.id || '';
    const tid = typeId || typeChoices[0]?.id || '';
    switch (kind) {
      case 'patient-cancelled': return { kind, patientId: pid };
      case 'patient-added': return { kind, patientId: pid };
      case 'patient-late': return { kind, patientId: pid, arrival: time };
      case 'staff-off-sick': return { kind, staffId, from: time };
      case 'staff-late': return { kind, staffId, from: time };
      case 'assessment-overran': return { kind, patientId: pid, typeId: tid, end: time };
      case 'assessment-added': return { kind, patientId: pid, typeId: tid };
      case 'assessment-removed': return { kind, patientId: pid, typeId: tid };
    }
  };

  const staffName = (id: string) => board.staff.find((s) => s.staffId === id)?.name ?? id;
  const patientLabel = (id: string) => patientChoices.find((p) => p.id === id)?.label ?? catalogue.patients.find((p) => p.id === id)?.localRef ?? id;
  const typeName = (id: string) => catalogue.types.find((t) => t.id === id)?.name ?? id;
  /** The change in words, for the list of changes to send. */
  const describe = (c: DayChange): string => {
    switch (c.kind) {
      case 'patient-cancelled': return `${patientLabel(c.patientId)} cancelled`;
      case 'patient-added': return `${patientLabel(c.patientId)} added to the day`;
      case 'patient-late': return `${patientLabel(c.patientId)} arrives at ${c.arrival}`;
      case 'staff-off-sick': return `${staffName(c.staffId)} off sick from ${c.from}`;
      case 'staff-late': return `${staffName(c.staffId)} arrives at ${c.from}`;
      case 'assessment-overran': return `${patientLabel(c.patientId)}'s ${typeName(c.typeId)} ends at ${c.end}`;
      case 'assessment-added': return `${patientLabel(c.patientId)} also needs ${typeName(c.typeId)}`;
      case 'assessment-removed': return `${patientLabel(c.patientId)} no longer needs ${typeName(c.typeId)}`;
    }
  };

  const addChange = () => {
    const next = change();
    setListed((list) => [...list, { change: next, words: describe(next) }]);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    // The listed changes together, or the one in the form when none is listed.
    const changes = listed.length > 0 ? listed.map((l) => l.change) : [change()];
    const outcome = await onReplan({ now, changes });
    setBusy(false);
    if (outcome.ok && outcome.reply) {
      setResult(outcome.reply);
      setRefused(null);
      setListed([]);
    } else setRefused(outcome.sentences);
  };

  return (
    <section class="card replan" aria-labelledby="replan-heading">
      <h2 id="replan-heading">Replan on the day</h2>
      <form class="row" onSubmit={submit}>
        <span class="field">
          <label for="replan-kind">Change</label>
          <select id="replan-kind" value={kind} onChange={(e) => { setKind(e.currentTarget.value as Kind); setPatientId(''); setTypeId(''); }}>
            {(Object.keys(kinds) as Kind[]).map((k) => <option key={k} value={k}>{kinds[k]}</option>)}
          </select>
        </span>
        <span class="field">
          <label for="replan-now">Now (HH:MM)</label>
          <input id="replan-now" type="text" pattern="[0-2][0-9]:[0-5][0-9]" value={now} onInput={(e) => setNow(e.currentTarget.value)} required />
        </span>
        {needsPatient && (
          <span class="field">
            <label for="replan-patient">Patient</label>
            <select id="replan-patient" value={patientId || patientChoices[0]?.id} onChange={(e) => { setPatientId(e.currentTarget.value); setTypeId(''); }}>
              {patientChoices.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
            </select>
          </span>
        )}
        {needsStaff && (
          <span class="field">
            <label for="replan-staff">Staff member</label>
            <select id="replan-staff" value={staffId} onChange={(e) => setStaffId(e.currentTarget.value)}>
              {board.staff.map((s) => <option key={s.staffId} value={s.staffId}>{s.name}</option>)}
            </select>
          </span>
        )}
        {needsType && (
          <span class="field">
            <label for="replan-type">Assessment</label>
            <select id="replan-type" value={typeId || typeChoices[0]?.id} onChange={(e) => setTypeId(e.currentTarget.value)}>
              {typeChoices.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
            </select>
          </span>
        )}
        {timeLabel && (
          <span class="field">
            <label for="replan-time">{timeLabel} (HH:MM)</label>
            <input id="replan-time" type="text" pattern="[0-2][0-9]:[0-5][0-9]" value={time} onInput={(e) => setTime(e.currentTarget.value)} required />
          </span>
        )}
        <button type="button" onClick={addChange}>Add to the changes</button>
      </form>
      <section class="replan-changes" aria-labelledby="replan-changes-heading">
        <h3 id="replan-changes-heading">To send together ({listed.length})</h3>
        {listed.length === 0
          ? <p class="hint">None listed: “Replan” sends the change above on its own. Add several to send them together.</p>
          : (
            <ul class="changes">
              {listed.map((l, i) => (
                <li key={`${i}:${l.words}`}>
                  {l.words}{' '}
                  <button type="button" class="link" aria-label={`Remove: ${l.words}`} onClick={() => setListed((list) => list.filter((_, j) => j !== i))}>Remove</button>
                </li>
              ))}
            </ul>
          )}
        <button type="button" class="primary" disabled={busy} onClick={(e) => { void submit(e); }}>{busy ? 'Replanning…' : listed.length > 1 ? `Replan with ${listed.length} changes` : 'Replan'}</button>
      </section>
      {refused && refused.length > 0 && <SentencesAlert class="refusal" title="The replan was refused:" sentences={refused} />}
      {result && <ReplanResult version={result.version} how={result.strategy} moves={(result.moves ?? []).map((m) => ({ key: `${m.activityId}:${m.kind}`, message: m.message }))} notes={result.notes ?? []} />}
    </section>
  );
}

/** What a replan saved: the new version and exactly what moved, was removed or added, with its notes. */
export function ReplanResult({ version, how, moves, notes }: { version: number; how?: string; moves: Array<{ key: string; message: string }>; notes: string[] }) {
  return (
    <div class="replan-result" role="status">
      <h3>Version {version}: {moves.length} changes{how ? ` (${how})` : ''}</h3>
      <ul class="moves">{moves.map((m) => <li key={m.key}>{m.message}</li>)}</ul>
      {notes.length > 0 && <ul class="notes">{notes.map((n) => <li key={n}>{n}</li>)}</ul>}
    </div>
  );
}
