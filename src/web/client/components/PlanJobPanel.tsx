// "Plan this day": starts a plan job with the chosen time limit (for the patients booked that
// day, or those chosen here), polls it every second for progress and the provisional plan,
// and can cancel it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, centrePath } from '../api.ts';
import type { PlanJobRequest, PlanJobView } from '../api-types.ts';
import type { Catalogue } from '../board-model.ts';

const limits = [2, 5, 10, 30, 60];

interface Props {
  centreId: string;
  date: string;
  catalogue: Catalogue | null;
  onJob: (job: PlanJobView | null) => void;
  onFinished: () => void;
}

export function PlanJobPanel({ centreId, date, catalogue, onJob, onFinished }: Props) {
  const [limit, setLimit] = useState(5);
  const [job, setJob] = useState<PlanJobView | null>(null);
  const [error, setError] = useState<{ message: string; sentences: string[] } | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [choosing, setChoosing] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  const update = (next: PlanJobView | null) => {
    setJob(next);
    onJob(next);
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    window.clearTimeout(timer.current);
    update(null);
    setError(null);
  }, [date]);

  const poll = (id: string) => {
    timer.current = window.setTimeout(async () => {
      try {
        const { body } = await api<PlanJobView>(centrePath(centreId, `/plan-jobs/${id}`));
        update(body);
        if (body.status === 'queued' || body.status === 'running') poll(id);
        else if (body.status === 'succeeded') onFinished();
      } catch (e) {
        setError({ message: (e as Error).message, sentences: [] });
      }
    }, 1000);
  };

  const start = async () => {
    setError(null);
    setChoosing(false);
    const body: PlanJobRequest = { date, timeLimitSec: limit, ...(chosen.size > 0 ? { patientIds: [...chosen] } : {}) };
    try {
      const reply = await api<PlanJobView>(centrePath(centreId, '/plan-jobs'), { method: 'POST', body });
      update(reply.body);
      poll(reply.body.id);
    } catch (e) {
      setError({ message: (e as Error).message, sentences: e instanceof ApiError ? e.sentences : [] });
    }
  };

  const cancel = async () => {
    if (!job) return;
    try {
      const reply = await api<PlanJobView>(centrePath(centreId, `/plan-jobs/${job.id}/cancel`), { method: 'POST' });
      update(reply.body);
    } catch (e) {
      setError({ message: (e as Error).message, sentences: [] });
    }
  };

  const running = job?.status === 'queued' || job?.status === 'running';
  const fraction = job?.progress?.fraction ?? 0;
  const available = (catalogue?.patients ?? []).filter((p) => !p.unavailableDates.includes(date));
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  return (
    <section class="card plan-job" aria-labelledby="plan-job-heading">
      <h2 id="plan-job-heading">Plan the day</h2>
      <div class="row">
        <span class="field">
          <label for="time-limit">Time limit</label>
          <select id="time-limit" value={limit} onChange={(e) => setLimit(Number(e.currentTarget.value))} disabled={running}>
            {limits.map((s) => <option key={s} value={s}>{s} seconds</option>)}
          </select>
        </span>
        <button type="button" class="primary" onClick={() => { void start(); }} disabled={running}>Plan this day</button>
        {running && <button type="button" onClick={() => { void cancel(); }}>Cancel planning</button>}
        {job && (
          <span class="job-status" role="status">
            {job.status === 'queued' && 'Waiting for the planner…'}
            {job.status === 'running' && `Planning… ${Math.round(fraction * 100)} %${job.progress ? `, best so far: ${job.progress.bestHard} hard, ${job.progress.bestSoft.toFixed(1)} soft` : ''}`}
            {job.status === 'succeeded' && `Planned: version ${job.planVersion}.`}
            {job.status === 'cancelled' && 'Planning cancelled.'}
            {job.status === 'failed' && `Planning failed: ${job.error?.message ?? 'unknown error'}`}
          </span>
        )}
      </div>
      {running && <progress max={1} value={fraction} aria-label="Planning progress" />}
      <details open={choosing} onToggle={(e) => setChoosing(e.currentTarget.open)}>
        <summary>Patients ({chosen.size > 0 ? `${chosen.size} chosen` : 'those booked for this day'})</summary>
        <p>Without a choice, the plan takes the patients whose referral holds this ICC day.</p>
        <div class="patient-choices">
          {available.map((p) => (
            <label key={p.id}><input type="checkbox" checked={chosen.has(p.id)} onChange={() => toggle(p.id)} /> {p.localRef} ({`${p.givenName.charAt(0)}${p.familyName.charAt(0)}`})</label>
          ))}
        </div>
        {chosen.size > 0 && <button type="button" onClick={() => setChosen(new Set())}>Clear the choice</button>}
      </details>
      {error && (
        <div class="error" role="alert">
          <p>{error.message}</p>
          {error.sentences.length > 0 && <ul>{error.sentences.map((s) => <li key={s}>{s}</li>)}</ul>}
        </div>
      )}
    </section>
  );
}
