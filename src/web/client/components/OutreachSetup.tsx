// Setting up a care-home outreach day before it is planned: the team that goes out (an outreach
// day: staff on shift that date whose discipline goes out to care homes) and the residents
// booked to it (the outreach booking planner's proposals for that date, confirmed in one click).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, centrePath } from '../api.ts';
import type {
  CareHomeRecord, OutreachBookingConfirmation, OutreachBookingConfirmRequest, OutreachBookingPlan, OutreachBookingPlanRequest,
  OutreachDayRecord, OutreachDayRequest, StaffRecord,
} from '../api-types.ts';
import { disciplineName } from '../disciplines.ts';
import type { Refusal } from './EditBanners.tsx';
import { SentencesAlert } from './SentencesAlert.tsx';

/** A refused request: the API's message and its sentences (the fields at fault). */
export const refusalOf = (title: string, e: unknown): Refusal => ({ title: `${title} refused: ${(e as Error).message}`, sentences: e instanceof ApiError ? e.sentences : [] });

interface TeamProps {
  centreId: string;
  date: string;
  /** The date's outreach day; null: none yet. */
  day: OutreachDayRecord | null;
  /** Staff on shift that date whose discipline goes out (null: still loading). */
  eligible: StaffRecord[] | null;
  staffName: (id: string) => string;
  onCreated: (day: OutreachDayRecord) => void;
}

/** The outreach team of the date, or the form that makes one (POST …/outreach-days). */
export function OutreachTeam({ centreId, date, day, eligible, staffName, onCreated }: TeamProps) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [maxResidents, setMaxResidents] = useState(6);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { setChosen(new Set()); setRefusal(null); }, [date]);

  if (day) {
    return (
      <section class="card" aria-labelledby="team-heading">
        <h2 id="team-heading">Outreach team</h2>
        <ul class="team">{day.staffIds.map((id) => <li key={id}>{staffName(id)}</li>)}</ul>
        <p>Up to {day.maxResidents} residents.</p>
      </section>
    );
  }
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id); else next.add(id);
    setChosen(next);
  };
  const create = async (e: Event) => {
    e.preventDefault();
    setRefusal(null);
    setBusy(true);
    try {
      // In the order offered (by discipline), whatever the order of the ticks.
      const body: OutreachDayRequest = { date, staffIds: (eligible ?? []).filter((s) => chosen.has(s.id)).map((s) => s.id), maxResidents };
      onCreated((await api<OutreachDayRecord>(centrePath(centreId, '/outreach-days'), { method: 'POST', body })).body);
    } catch (err) {
      setRefusal(refusalOf('Outreach day', err));
    }
    setBusy(false);
  };
  return (
    <section class="card" aria-labelledby="team-heading">
      <h2 id="team-heading">Outreach team</h2>
      <form class="outreach-team" onSubmit={(e) => { void create(e); }}>
        <p>No outreach day on {date} yet. Choose who goes out (staff on shift that day whose discipline goes to care homes).</p>
        {eligible === null ? <p role="status">Loading the staff on shift…</p> : eligible.length === 0 ? <p>Nobody who goes out is on shift on {date}.</p> : (
          <fieldset class="patient-choices team-choices">
            <legend>Team going out</legend>
            {eligible.map((s) => (
              <label key={s.id}><input type="checkbox" checked={chosen.has(s.id)} onChange={() => toggle(s.id)} /> {s.name} ({disciplineName(s.discipline)})</label>
            ))}
          </fieldset>
        )}
        <div class="row">
          <span class="field">
            <label for="max-residents">Residents at most</label>
            <input id="max-residents" type="number" min={1} max={60} value={maxResidents} onChange={(e) => setMaxResidents(Number(e.currentTarget.value))} />
          </span>
          <button type="submit" class="primary" disabled={busy}>Create the outreach day</button>
        </div>
        {refusal && <SentencesAlert class="refusal" title={refusal.title} sentences={refusal.sentences} />}
      </form>
    </section>
  );
}

interface BookingProps {
  centreId: string;
  date: string;
  homes: Map<string, CareHomeRecord>;
}

/** The outreach booking planner's proposals for this date (POST …/outreach-bookings/plan), ticked, confirmed in one click. */
export function OutreachBooking({ centreId, date, homes }: BookingProps) {
  const [proposed, setProposed] = useState<OutreachBookingPlan | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => { setProposed(null); setRefusal(null); setDone(null); }, [date]);

  const propose = async () => {
    setBusy(true);
    setRefusal(null);
    setDone(null);
    try {
      const body: OutreachBookingPlanRequest = { from: date, days: 1 };
      const reply = (await api<OutreachBookingPlan>(centrePath(centreId, '/outreach-bookings/plan'), { method: 'POST', body })).body;
      setProposed(reply);
      setChosen(new Set(reply.proposals.filter((p) => !p.pinned && p.outreachDate === date).map((p) => p.referralId)));
    } catch (err) {
      setRefusal(refusalOf('Proposing bookings', err));
    }
    setBusy(false);
  };
  const fresh = (proposed?.proposals ?? []).filter((p) => p.outreachDate === date);
  const ticked = fresh.filter((p) => !p.pinned && chosen.has(p.referralId));
  const confirm = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const body: OutreachBookingConfirmRequest = { proposals: ticked.map((p) => ({ referralId: p.referralId, outreachDate: p.outreachDate })) };
      const reply = (await api<OutreachBookingConfirmation>(centrePath(centreId, '/outreach-bookings/confirm'), { method: 'POST', body })).body;
      const booked = new Set(reply.confirmed.map((c) => c.referralId));
      setProposed(proposed && { ...proposed, proposals: proposed.proposals.map((p) => (booked.has(p.referralId) ? { ...p, pinned: true } : p)) });
      setDone(`Booked ${reply.confirmed.length} resident${reply.confirmed.length === 1 ? '' : 's'} to ${date}.`);
    } catch (err) {
      setRefusal(refusalOf('Booking', err));
    }
    setBusy(false);
  };
  const tick = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id); else next.add(id);
    setChosen(next);
  };
  const homeName = (id: string) => homes.get(id)?.name ?? id;

  return (
    <section class="card" aria-labelledby="booking-heading">
      <h2 id="booking-heading">Residents booked</h2>
      <p class="hint">The plan takes the residents booked to this day. The outreach booking planner proposes who to book (residents of the same or nearby homes together, within the team's capacity).</p>
      <button type="button" onClick={() => { void propose(); }} disabled={busy}>Propose residents for {date}</button>
      {proposed && (
        <>
          {fresh.length === 0 ? <p>No resident can be proposed for {date}.</p> : (
            <table class="list">
              <caption>Proposed for {date} ({fresh.length})</caption>
              <thead><tr><th scope="col" class="nowrap">Book</th><th scope="col" class="nowrap">Resident</th><th scope="col">Care home</th><th scope="col" class="nowrap">Priority</th></tr></thead>
              <tbody>
                {fresh.map((p) => (
                  <tr key={p.referralId}>
                    <td class="nowrap">{p.pinned ? 'booked' : <input type="checkbox" aria-label={`Book ${p.patientRef}`} checked={chosen.has(p.referralId)} onChange={() => tick(p.referralId)} />}</td>
                    <th scope="row" class="nowrap">{p.patientRef}</th><td>{homeName(p.careHomeId)}</td><td>{p.priority.toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {ticked.length > 0 && <button type="button" class="primary" disabled={busy} onClick={() => { void confirm(); }}>Book {ticked.length} resident{ticked.length === 1 ? '' : 's'}</button>}
          {proposed.unbooked.length > 0 && (
            <details>
              <summary>Not proposed ({proposed.unbooked.length})</summary>
              <ul class="unscheduled">{proposed.unbooked.map((u) => <li key={u.referralId}><strong>{u.patientRef}</strong> <span class="reason">({u.reason})</span>: {u.message}</li>)}</ul>
            </details>
          )}
        </>
      )}
      {done && <p role="status">{done}</p>}
      {refusal && <SentencesAlert class="refusal" title={refusal.title} sentences={refusal.sentences} />}
    </section>
  );
}
