// Booking proposals from the booking planner (a MIP over the coming weeks) as a table, with
// the unbooked and their reasons. Each new proposal has a tick (all ticked at first): one click
// confirms the ticked ones, so a coordinator can hold some back; confirmed rows say so.
import { useState } from 'preact/hooks';
import { api, ApiError, centrePath } from '../api.ts';
import type { BookingConfirmation, BookingConfirmRequest, BookingPlan, BookingPlanRequest } from '../api-types.ts';
import { today } from '../time.ts';
import { SentencesAlert } from './SentencesAlert.tsx';

export function BookingsView({ centreId }: { centreId: string }) {
  const [from, setFrom] = useState(today());
  const [days, setDays] = useState(28);
  const [plan, setPlan] = useState<BookingPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; sentences: string[] } | null>(null);
  const [confirmed, setConfirmed] = useState<BookingConfirmation | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [booked, setBooked] = useState<Set<string>>(new Set());

  const fail = (e: unknown) => setError({ message: (e as Error).message, sentences: e instanceof ApiError ? e.sentences : [] });
  const propose = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setConfirmed(null);
    try {
      const body: BookingPlanRequest = { from, days };
      const proposed = (await api<BookingPlan>(centrePath(centreId, '/bookings/plan'), { method: 'POST', body })).body;
      setPlan(proposed);
      setChosen(new Set(proposed.proposals.filter((p) => !p.pinned).map((p) => p.referralId)));
      setBooked(new Set());
    } catch (err) { fail(err); }
    setBusy(false);
  };
  const fresh = plan?.proposals.filter((p) => !p.pinned && !booked.has(p.referralId)) ?? [];
  const ticked = fresh.filter((p) => chosen.has(p.referralId));
  const tick = (referralId: string) => {
    const next = new Set(chosen);
    if (next.has(referralId)) next.delete(referralId); else next.add(referralId);
    setChosen(next);
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: BookingConfirmRequest = { proposals: ticked.map((p) => ({ referralId: p.referralId, preVisitDate: p.preVisitDate, iccDate: p.iccDate })) };
      const reply = (await api<BookingConfirmation>(centrePath(centreId, '/bookings/confirm'), { method: 'POST', body })).body;
      setConfirmed(reply);
      setBooked(new Set([...booked, ...reply.confirmed.map((c) => c.referralId)]));
    } catch (err) { fail(err); }
    setBusy(false);
  };
  const bookings = (n: number) => `${n} booking${n === 1 ? '' : 's'}`;

  return (
    <div class="bookings">
      <h1>Booking proposals</h1>
      <form class="row" onSubmit={propose}>
        <span class="field"><label for="booking-from">From</label><input id="booking-from" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} required /></span>
        <span class="field"><label for="booking-days">Days ahead</label><input id="booking-days" type="number" min={1} max={180} value={days} onInput={(e) => setDays(Number(e.currentTarget.value))} /></span>
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Working…' : 'Propose bookings'}</button>
      </form>
      {error && <SentencesAlert class="error" title={error.message} sentences={error.sentences} />}
      {confirmed && <p class="banner ok" role="status">Confirmed {bookings(confirmed.confirmed.length)}.</p>}
      {plan && (
        <>
          <p>{plan.method} ({plan.status}), objective {plan.objective.toFixed(1)}{plan.gapPct !== null ? `, gap ${plan.gapPct.toFixed(1)} %` : ''}, longest wait {plan.maxWaitDays} days.</p>
          <div class="row">
            <button type="button" class="primary" disabled={busy || ticked.length === 0} onClick={() => { void confirm(); }}>Confirm {bookings(ticked.length)}</button>
            <button type="button" disabled={fresh.length === 0} onClick={() => setChosen(new Set(ticked.length === fresh.length ? [] : fresh.map((p) => p.referralId)))}>{ticked.length === fresh.length ? 'Untick all' : 'Tick all'}</button>
          </div>
          <table class="list">
            <caption>{plan.proposals.length} proposals, {plan.horizon.from} to {plan.horizon.to}</caption>
            <thead><tr><th scope="col">Book</th><th scope="col">Patient</th><th scope="col">Pre-visit</th><th scope="col">ICC day</th><th scope="col">Wait (days)</th><th scope="col">Priority</th><th scope="col">Note</th></tr></thead>
            <tbody>
              {plan.proposals.map((p) => (
                <tr key={p.referralId}>
                  <td>{!p.pinned && !booked.has(p.referralId) && <input type="checkbox" aria-label={`Book ${p.patientRef}`} checked={chosen.has(p.referralId)} onChange={() => tick(p.referralId)} />}</td>
                  <td>{p.patientRef}</td><td>{p.preVisitDate ?? (p.preVisitRecorded ? 'done' : '—')}</td><td>{p.iccDate}</td><td>{p.waitDays}</td><td>{p.priority.toFixed(1)}</td>
                  <td>{p.pinned ? 'already booked' : booked.has(p.referralId) ? 'confirmed' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.unbooked.length > 0 && (
            <section class="card"><h2>Not booked ({plan.unbooked.length})</h2><ul>{plan.unbooked.map((u) => <li key={u.referralId}>{u.patientRef} ({u.reason}): {u.message}</li>)}</ul></section>
          )}
        </>
      )}
    </div>
  );
}
