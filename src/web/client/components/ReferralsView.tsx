// The referral list with each referral's pathway status and allowed next steps, and the
// pre-visit outcome form (what the patient must see, mobility, transport, consent).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, centrePath } from '../api.ts';
import type { AssessmentTypeRecord, PathwayView, PatientRecord, PreVisitBody, ReferralRecord, ReferralStatus } from '../api-types.ts';

const statusName = (s: string) => s.replace(/-/g, ' ');

export function ReferralsView({ centreId }: { centreId: string }) {
  const [referrals, setReferrals] = useState<ReferralRecord[] | null>(null);
  const [patients, setPatients] = useState<Map<string, PatientRecord>>(new Map());
  const [types, setTypes] = useState<AssessmentTypeRecord[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    try {
      const [r, p, t] = await Promise.all([
        api<ReferralRecord[]>(centrePath(centreId, '/referrals')),
        api<PatientRecord[]>(centrePath(centreId, '/patients')),
        api<AssessmentTypeRecord[]>(centrePath(centreId, '/assessment-types')),
      ]);
      setReferrals(r.body);
      setPatients(new Map(p.body.map((x) => [x.id, x])));
      setTypes(t.body);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => { void load(); }, [centreId]);

  return (
    <div class="referrals">
      <h1>Referrals</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {!referrals && !error && <p role="status">Loading referrals…</p>}
      {referrals && (
        <table class="list">
          <caption>{referrals.length} referrals</caption>
          <thead><tr><th scope="col">Patient</th><th scope="col">eFI</th><th scope="col">Urgent</th><th scope="col">Status</th><th scope="col">Next steps</th></tr></thead>
          <tbody>
            {referrals.map((r) => {
              const p = patients.get(r.patientId);
              return (
                <>
                  <tr key={r.id}>
                    <td>{p ? `${p.givenName.charAt(0)}${p.familyName.charAt(0)} ${p.localRef}` : r.patientId}</td>
                    <td>{p?.efiCategory}</td>
                    <td>{r.urgent ? 'yes' : 'no'}</td>
                    <td>{statusName(r.status)}</td>
                    <td><button type="button" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>{open === r.id ? 'Close' : `Manage ${p?.localRef ?? ''}`}</button></td>
                  </tr>
                  {open === r.id && (
                    <tr key={`${r.id}-pathway`}><td colSpan={5}><Pathway centreId={centreId} referral={r} types={types} onChanged={() => { void load(); }} /></td></tr>
                  )}
                </>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Pathway({ centreId, referral, types, onChanged }: { centreId: string; referral: ReferralRecord; types: AssessmentTypeRecord[]; onChanged: () => void }) {
  const [pathway, setPathway] = useState<PathwayView | null>(null);
  const [error, setError] = useState<{ message: string; sentences: string[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const base = centrePath(centreId, `/referrals/${referral.id}`);
  const load = () => api<PathwayView>(`${base}/transitions`).then((r) => setPathway(r.body), (e: unknown) => setError({ message: (e as Error).message, sentences: [] }));
  useEffect(() => { void load(); }, [referral.id]);

  const fail = (e: unknown) => setError({ message: (e as Error).message, sentences: e instanceof ApiError ? e.sentences : [] });
  const move = async (to: ReferralStatus) => {
    setError(null);
    try {
      await api(`${base}/transitions`, { method: 'POST', body: { to } });
      setDone(`Moved to ${statusName(to)}.`);
      await load();
      onChanged();
    } catch (e) { fail(e); }
  };

  return (
    <div class="pathway">
      {pathway && (
        <>
          <p>Status: <strong>{statusName(pathway.status)}</strong>{pathway.booking.preVisitDate && `, pre-visit ${pathway.booking.preVisitDate}`}{pathway.booking.iccDate && `, ICC day ${pathway.booking.iccDate}`}</p>
          <div class="row" role="group" aria-label="Allowed next steps">
            {pathway.allowedNext.length === 0 && <span>The pathway has ended.</span>}
            {pathway.allowedNext.map((to) => <button type="button" key={to} onClick={() => { void move(to); }}>Move to {statusName(to)}</button>)}
          </div>
        </>
      )}
      <PreVisitForm centreId={centreId} referralId={referral.id} types={types} onSaved={() => { setDone('Pre-visit outcome recorded.'); void load(); onChanged(); }} onError={fail} />
      {done && <p role="status">{done}</p>}
      {error && <div class="error" role="alert"><p>{error.message}</p>{error.sentences.length > 0 && <ul>{error.sentences.map((s) => <li key={s}>{s}</li>)}</ul>}</div>}
    </div>
  );
}

function PreVisitForm({ centreId, referralId, types, onSaved, onError }: { centreId: string; referralId: string; types: AssessmentTypeRecord[]; onSaved: () => void; onError: (e: unknown) => void }) {
  const [required, setRequired] = useState<Set<string>>(new Set());
  const [mobility, setMobility] = useState<NonNullable<PreVisitBody['mobility']>>('walks');
  const [transport, setTransport] = useState(true);
  const [consent, setConsent] = useState(true);
  const [whatMatters, setWhatMatters] = useState('');
  const path = centrePath(centreId, `/referrals/${referralId}/pre-visit`);

  useEffect(() => {
    api<PreVisitBody>(path).then((r) => {
      setRequired(new Set(r.body.requiredAssessmentTypeIds));
      if (r.body.mobility) setMobility(r.body.mobility);
      setTransport(Boolean(r.body.transportNeeded));
      setConsent(Boolean(r.body.consentRecordAccess));
      setWhatMatters(r.body.whatMatters ?? '');
    }, () => undefined);
  }, [referralId]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const body: PreVisitBody = { requiredAssessmentTypeIds: [...required], mobility, transportNeeded: transport, consentRecordAccess: consent, whatMatters: whatMatters || null };
    try {
      await api(path, { method: 'PUT', body });
      onSaved();
    } catch (err) { onError(err); }
  };
  const toggle = (id: string) => { const next = new Set(required); if (next.has(id)) next.delete(id); else next.add(id); setRequired(next); };

  return (
    <form class="pre-visit" onSubmit={submit}>
      <fieldset>
        <legend>Pre-visit outcome: who the patient must see</legend>
        <div class="choices">
          {types.map((t) => <label key={t.id}><input type="checkbox" checked={required.has(t.id)} onChange={() => toggle(t.id)} /> {t.name}</label>)}
        </div>
      </fieldset>
      <div class="row">
        <span class="field">
          <label for={`mobility-${referralId}`}>Mobility</label>
          <select id={`mobility-${referralId}`} value={mobility} onChange={(e) => setMobility(e.currentTarget.value as typeof mobility)}>
            <option value="walks">Walks</option><option value="walking-aid">Walking aid</option><option value="wheelchair">Wheelchair</option>
          </select>
        </span>
        <label><input type="checkbox" checked={transport} onChange={() => setTransport(!transport)} /> Needs transport</label>
        <label><input type="checkbox" checked={consent} onChange={() => setConsent(!consent)} /> Consents to record access</label>
      </div>
      <label for={`matters-${referralId}`}>What matters to the patient</label>
      <textarea id={`matters-${referralId}`} rows={2} value={whatMatters} onInput={(e) => setWhatMatters(e.currentTarget.value)} />
      <button type="submit" class="primary">Record pre-visit outcome</button>
    </form>
  );
}
