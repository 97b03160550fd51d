// The referral list with each referral's pathway status and allowed next steps, and the
// pre-visit outcome form: every field the API's pre-visit schema takes (visit date and support
// worker, who the patient must see and with whom, where the carer is needed, consent, carer,
// mobility, diet, transport, what matters).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, centrePath } from '../api.ts';
import type { AssessmentTypeRecord, PathwayView, PatientRecord, PreVisitBody, ReferralRecord, ReferralStatus, StaffRecord } from '../api-types.ts';
import { SentencesAlert } from './SentencesAlert.tsx';

const statusName = (s: string) => s.replace(/-/g, ' ');

export function ReferralsView({ centreId }: { centreId: string }) {
  const [referrals, setReferrals] = useState<ReferralRecord[] | null>(null);
  const [patients, setPatients] = useState<Map<string, PatientRecord>>(new Map());
  const [types, setTypes] = useState<AssessmentTypeRecord[]>([]);
  const [staff, setStaff] = useState<StaffRecord[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    try {
      const [r, p, t, st] = await Promise.all([
        api<ReferralRecord[]>(centrePath(centreId, '/referrals')),
        api<PatientRecord[]>(centrePath(centreId, '/patients')),
        api<AssessmentTypeRecord[]>(centrePath(centreId, '/assessment-types')),
        api<StaffRecord[]>(centrePath(centreId, '/staff')),
      ]);
      setReferrals(r.body);
      setPatients(new Map(p.body.map((x) => [x.id, x])));
      setTypes(t.body);
      setStaff(st.body.filter((m) => m.active));
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
                    <tr key={`${r.id}-pathway`}><td colSpan={5}><Pathway centreId={centreId} referral={r} types={types} staff={staff} onChanged={() => { void load(); }} /></td></tr>
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

function Pathway({ centreId, referral, types, staff, onChanged }: { centreId: string; referral: ReferralRecord; types: AssessmentTypeRecord[]; staff: StaffRecord[]; onChanged: () => void }) {
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
      <PreVisitForm centreId={centreId} referralId={referral.id} types={types} staff={staff} onSaved={() => { setDone('Pre-visit outcome recorded.'); void load(); onChanged(); }} onError={fail} />
      {done && <p role="status">{done}</p>}
      {error && <SentencesAlert class="error" title={error.message} sentences={error.sentences} />}
    </div>
  );
}

type Mobility = NonNullable<PreVisitBody['mobility']>;
/** Every mobility level the API takes (a Record over the schema's type: a new level breaks the build). */
const mobilityNames: Record<Mobility, string> = { walks: 'Walks', 'walking-aid': 'Walking aid', wheelchair: 'Wheelchair' };
const SUPPORT_WORKER = 'support-worker';

interface PreVisitProps { centreId: string; referralId: string; types: AssessmentTypeRecord[]; staff: StaffRecord[]; onSaved: () => void; onError: (e: unknown) => void }

function PreVisitForm({ centreId, referralId, types, staff, onSaved, onError }: PreVisitProps) {
  const [visitDate, setVisitDate] = useState('');
  const [supportWorkerId, setSupportWorkerId] = useState('');
  const [required, setRequired] = useState<Set<string>>(new Set());
  const [named, setNamed] = useState<Map<string, string>>(new Map());
  const [carerFor, setCarerFor] = useState<Set<string>>(new Set());
  const [mobility, setMobility] = useState<Mobility>('walks');
  const [transport, setTransport] = useState(true);
  const [consent, setConsent] = useState(true);
  const [speakToCarers, setSpeakToCarers] = useState(false);
  const [carerAttending, setCarerAttending] = useState(false);
  const [diet, setDiet] = useState('');
  const [whatMatters, setWhatMatters] = useState('');
  // The form waits for what was saved: typed input must not be overwritten when it arrives.
  const [loaded, setLoaded] = useState(false);
  const path = centrePath(centreId, `/referrals/${referralId}/pre-visit`);
  const id = (field: string) => `${field}-${referralId}`;

  useEffect(() => {
    api<PreVisitBody>(path).then((r) => {
      const saved = r.body;
      setVisitDate(saved.visitDate ?? '');
      setSupportWorkerId(saved.supportWorkerId ?? '');
      setRequired(new Set(saved.requiredAssessmentTypeIds));
      setNamed(new Map((saved.namedClinicians ?? []).map((n) => [n.assessmentTypeId, n.staffId])));
      setCarerFor(new Set(saved.carerRequiredFor ?? []));
      if (saved.mobility) setMobility(saved.mobility);
      setTransport(Boolean(saved.transportNeeded));
      setConsent(Boolean(saved.consentRecordAccess));
      setSpeakToCarers(Boolean(saved.consentSpeakToCarers));
      setCarerAttending(Boolean(saved.carerAttending));
      setDiet((saved.dietaryNeeds ?? []).join(', '));
      setWhatMatters(saved.whatMatters ?? '');
    }, () => undefined).finally(() => setLoaded(true));
  }, [referralId]);

  const requiredTypes = types.filter((t) => required.has(t.id));
  const submit = async (e: Event) => {
    e.preventDefault();
    // Named clinicians and the carer's presence only for types still required (the API refuses others).
    const body: PreVisitBody = {
      visitDate: visitDate || null,
      supportWorkerId: supportWorkerId || null,
      requiredAssessmentTypeIds: [...required],
      namedClinicians: requiredTypes.filter((t) => named.get(t.id)).map((t) => ({ assessmentTypeId: t.id, staffId: named.get(t.id)! })),
      carerRequiredFor: requiredTypes.filter((t) => carerFor.has(t.id)).map((t) => t.id),
      consentRecordAccess: consent,
      consentSpeakToCarers: speakToCarers,
      carerAttending,
      mobility,
      dietaryNeeds: diet.split(/[,\n]/).map((d) => d.trim()).filter((d) => d.length > 0),
      transportNeeded: transport,
      whatMatters: whatMatters || null,
    };
    try {
      await api(path, { method: 'PUT', body });
      onSaved();
    } catch (err) { onError(err); }
  };
  const toggle = (set: Set<string>, update: (next: Set<string>) => void, typeId: string) => {
    const next = new Set(set);
    if (next.has(typeId)) next.delete(typeId); else next.add(typeId);
    update(next);
  };
  const supportWorkers = staff.filter((m) => m.discipline === SUPPORT_WORKER);

  if (!loaded) return <p class="hint" role="status">Loading the pre-visit…</p>;
  return (
    <form class="pre-visit" onSubmit={submit}>
      <div class="row">
        <span class="field">
          <label for={id('visit-date')}>Pre-visit date</label>
          <input id={id('visit-date')} type="date" value={visitDate} onInput={(e) => setVisitDate(e.currentTarget.value)} />
        </span>
        <span class="field">
          <label for={id('support-worker')}>Support worker</label>
          <select id={id('support-worker')} value={supportWorkerId} onChange={(e) => setSupportWorkerId(e.currentTarget.value)}>
            <option value="">Not recorded</option>
            {supportWorkers.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </span>
      </div>
      <fieldset>
        <legend>Pre-visit outcome: who the patient must see</legend>
        <div class="choices">
          {types.map((t) => <label key={t.id}><input type="checkbox" checked={required.has(t.id)} onChange={() => toggle(required, setRequired, t.id)} /> {t.name}</label>)}
        </div>
      </fieldset>
      {requiredTypes.length > 0 && (
        <table class="list required-types">
          <caption>For each assessment the patient must have</caption>
          <thead><tr><th scope="col">Assessment</th><th scope="col">Named clinician (continuity)</th><th scope="col">Carer to be present</th></tr></thead>
          <tbody>
            {requiredTypes.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td>
                  <select aria-label={`Named clinician for ${t.name}`} value={named.get(t.id) ?? ''} onChange={(e) => { const next = new Map(named); if (e.currentTarget.value) next.set(t.id, e.currentTarget.value); else next.delete(t.id); setNamed(next); }}>
                    <option value="">Anyone qualified</option>
                    {staff.filter((m) => m.qualifications.includes(t.qualification)).map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
                  </select>
                </td>
                <td><input type="checkbox" aria-label={`Carer to be present for ${t.name}`} checked={carerFor.has(t.id)} onChange={() => toggle(carerFor, setCarerFor, t.id)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="row">
        <span class="field">
          <label for={id('mobility')}>Mobility</label>
          <select id={id('mobility')} value={mobility} onChange={(e) => setMobility(e.currentTarget.value as Mobility)}>
            {(Object.keys(mobilityNames) as Mobility[]).map((m) => <option key={m} value={m}>{mobilityNames[m]}</option>)}
          </select>
        </span>
        <label><input type="checkbox" checked={transport} onChange={() => setTransport(!transport)} /> Needs transport</label>
        <label><input type="checkbox" checked={consent} onChange={() => setConsent(!consent)} /> Consents to record access</label>
        <label><input type="checkbox" checked={speakToCarers} onChange={() => setSpeakToCarers(!speakToCarers)} /> Consents to us speaking to carers</label>
        <label><input type="checkbox" checked={carerAttending} onChange={() => setCarerAttending(!carerAttending)} /> Carer attends the ICC day</label>
      </div>
      <label for={id('diet')}>Dietary needs (separate with commas)</label>
      <input id={id('diet')} type="text" value={diet} onInput={(e) => setDiet(e.currentTarget.value)} />
      <label for={id('matters')}>What matters to the patient</label>
      <textarea id={id('matters')} rows={2} value={whatMatters} onInput={(e) => setWhatMatters(e.currentTarget.value)} />
      <button type="submit" class="primary">Record pre-visit outcome</button>
    </form>
  );
}
