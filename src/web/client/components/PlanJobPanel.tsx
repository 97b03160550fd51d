// "Plan this day" (an ICC day) or "Plan this outreach day" (a care-home outreach day): starts a
// plan job with the chosen time limit (and, for outreach, iteration budget) for the patients
// booked that day or those chosen here, polls it every second for progress and the provisional
// plan, and can cancel it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, centrePath } from '../api.ts';
import type { PlanJobRequest, PlanJobView } from '../api-types.ts';
import { SentencesAlert } from './SentencesAlert.tsx';

const limits = [2, 5, 10, 30, 60];
const iterationBudgets = [300, 1000, 2000, 5000];

/** A patient (or care-home resident) that may be chosen for the plan. */
export interface PlanChoice {
  id: string;
  label: string;
}

interface Props {
  centreId: string;
  date: string;
  /** 'day' (default): the ICC day; 'outreach': the date's care-home outreach day. */
  kind?: 'day' | 'outreach';
  /** Who may be chosen instead of those booked (null: not known yet). */
  choices: PlanChoice[] | null;
  onJob: (job: PlanJobView | null) => void;
  onFinished: () => void;
}

const words = {
  day: {
    heading: 'Plan the day', button: 'Plan this day', who: 'Patients', booked: 'those booked for this day',
    hint: 'Without a choice, the plan takes the patients whose referral holds this ICC day.',
  },
  outreach: {
    heading: 'Plan the outreach day', button: 'Plan this outreach day', who: 'Residents', booked: 'those booked to this outreach day',
    hint: 'Without a choice, the plan takes the care-home residents booked to this outreach day.',
  },
};

export function PlanJobPanel({ centreId, date, kind = 'day', choices, onJob, onFinished }: Props) {
  const [limit, setLimit] = useState(5);
  const [iterations, setIterations] = useState(2000);
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
    const body: PlanJobRequest = {
      date, timeLimitSec: limit, ...(kind === 'outreach' ? { kind, maxIterations: iterations } : {}), ...(chosen.size > 0 ? { patientIds: [...chosen] } : {}),
    };
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
  const text = words[kind];
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  return (
    <section class="card plan-job" aria-labelledby="plan-job-heading">
      <h2 id="plan-job-heading">{text.heading}</h2>
      <div class="row">
        <span class="field">
          <label for="time-limit">Time limit</label>
          <select id="time-limit" value={limit} onChange={(e) => setLimit(Number(e.currentTarget.value))} disabled={running}>
            {limits.map((s) => <option key={s} value={s}>{s} seconds</option>)}
          </select>
        </span>
        {kind === 'outreach' && (
          <span class="field">
            <label for="iterations">Search steps</label>
            <select id="iterations" value={iterations} onChange={(e) => setIterations(Number(e.currentTarget.value))} disabled={running}>
              {iterationBudgets.map((n) => <option key={n} value={n}>{n} at most</option>)}
            </select>
          </span>
        )}
        <button type="button" class="primary" onClick={() => { void start(); }} disabled={running}>{text.button}</button>
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
        <summary>{text.who} ({chosen.size > 0 ? `${chosen.size} chosen` : text.booked})</summary>
        <p>{text.hint}</p>
        <div class="patient-choices">
          {(choices ?? []).map((p) => (
            <label key={p.id}><input type="checkbox" checked={chosen.has(p.id)} onChange={() => toggle(p.id)} /> {p.label}</label>
          ))}
        </div>
        {chosen.size > 0 && <button type="button" onClick={() => setChosen(new Set())}>Clear the choice</button>}
      </details>
      {error && <SentencesAlert class="error" title={error.message} sentences={error.sentences} />}
    </section>
  );
}
