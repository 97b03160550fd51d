// Replanning an outreach day on the day: a resident unwell, a team member off sick from a time,
// or a visit that overran, sent from a time ("now"); the answer lists what moved, was dropped or
// could not be re-placed, as the ICC day's replan does.
import { useState } from 'preact/hooks';
import type { OutreachChange, OutreachPlanView, OutreachReplanRequest } from '../api-types.ts';
import type { EditOutcome } from '../plan-edits.ts';
import { SentencesAlert } from './SentencesAlert.tsx';
import { ReplanResult } from './ReplanPanel.tsx';

type Kind = OutreachChange['kind'];
const kinds: Record<Kind, string> = {
  'resident-unwell': 'Resident unwell (not seen today)',
  'staff-off-sick': 'Team member off sick',
  'assessment-overran': 'Visit overran',
};

/** A choice by id, with the words the form shows. */
interface Labelled {
  id: string;
  label: string;
}

interface Props {
  residents: Labelled[];
  team: Labelled[];
  /** A resident's planned visits (the assessment type's id and how the form names it). */
  visitsOf: (residentId: string) => Labelled[];
  onReplan: (body: OutreachReplanRequest) => Promise<EditOutcome<OutreachPlanView>>;
}

export function OutreachReplanPanel({ residents, team, visitsOf, onReplan }: Props) {
  const [kind, setKind] = useState<Kind>('resident-unwell');
  const [now, setNow] = useState('10:00');
  const [residentId, setResidentId] = useState('');
  const [staffId, setStaffId] = useState('');
  const [typeId, setTypeId] = useState('');
  const [time, setTime] = useState('11:00');
  const [result, setResult] = useState<OutreachPlanView | null>(null);
  const [refused, setRefused] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  const resident = residentId || residents[0]?.id || '';
  const visits = visitsOf(resident);
  const change = (): OutreachChange => {
    switch (kind) {
      case 'resident-unwell': return { kind, residentId: resident };
      case 'staff-off-sick': return { kind, staffId: staffId || team[0]?.id || '', from: time };
      case 'assessment-overran': return { kind, residentId: resident, typeId: typeId || visits[0]?.id || '', end: time };
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    const outcome = await onReplan({ now, changes: [change()] });
    setBusy(false);
    setResult(outcome.ok && outcome.reply ? outcome.reply : null);
    setRefused(outcome.ok ? null : outcome.sentences);
  };

  return (
    <section class="card replan" aria-labelledby="outreach-replan-heading">
      <h2 id="outreach-replan-heading">Replan on the day</h2>
      <form class="row" onSubmit={submit}>
        <span class="field">
          <label for="outreach-replan-kind">Change</label>
          <select id="outreach-replan-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            {(Object.keys(kinds) as Kind[]).map((k) => <option key={k} value={k}>{kinds[k]}</option>)}
          </select>
        </span>
        <span class="field">
          <label for="outreach-replan-now">Now (HH:MM)</label>
          <input id="outreach-replan-now" type="text" pattern="[0-2][0-9]:[0-5][0-9]" value={now} onInput={(e) => setNow(e.currentTarget.value)} required />
        </span>
        {kind !== 'staff-off-sick' && (
          <span class="field">
            <label for="outreach-replan-resident">Resident</label>
            <select id="outreach-replan-resident" value={resident} onChange={(e) => { setResidentId(e.currentTarget.value); setTypeId(''); }}>
              {residents.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
            </select>
          </span>
        )}
        {kind === 'staff-off-sick' && (
          <span class="field">
            <label for="outreach-replan-staff">Team member</label>
            <select id="outreach-replan-staff" value={staffId || team[0]?.id} onChange={(e) => setStaffId(e.currentTarget.value)}>
              {team.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
            </select>
          </span>
        )}
        {kind === 'assessment-overran' && (
          <span class="field">
            <label for="outreach-replan-visit">Visit</label>
            <select id="outreach-replan-visit" value={typeId || visits[0]?.id} onChange={(e) => setTypeId(e.currentTarget.value)}>
              {visits.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
            </select>
          </span>
        )}
        {kind !== 'resident-unwell' && (
          <span class="field">
            <label for="outreach-replan-time">{kind === 'staff-off-sick' ? 'From' : 'Ends at'} (HH:MM)</label>
            <input id="outreach-replan-time" type="text" pattern="[0-2][0-9]:[0-5][0-9]" value={time} onInput={(e) => setTime(e.currentTarget.value)} required />
          </span>
        )}
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Replanning…' : 'Replan'}</button>
      </form>
      {refused && refused.length > 0 && <SentencesAlert class="refusal" title="The replan was refused:" sentences={refused} />}
      {result && <ReplanResult version={result.version} moves={(result.moves ?? []).map((m) => ({ key: `${m.visitId}:${m.kind}`, message: m.message }))} notes={result.notes ?? []} />}
    </section>
  );
}
