// Beside the timeline: version and status, publish, the score by constraint with the plan's
// own sentences, the lower bound and the gap to it, and the unscheduled assessments with reasons.
import type { EditOutcome } from '../plan-edits.ts';
import type { SavedPlan } from './DayBoard.tsx';

/** A plan version's card (ICC day or outreach day): its number and status, when and how it was saved, Publish. */
export function PlanVersionCard({ headingId, version, source, onPublish }: {
  headingId: string;
  version: { version: number; status: 'draft' | 'published'; createdAt: string };
  source: string;
  onPublish: () => unknown;
}) {
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Plan version {version.version} ({version.status})</h2>
      <p>Saved {new Date(version.createdAt).toLocaleString('en-GB')} · {source}</p>
      <button type="button" class="primary" disabled={version.status === 'published'} onClick={() => { void onPublish(); }}>
        {version.status === 'published' ? 'Published' : 'Publish'}
      </button>
    </section>
  );
}

export function PlanSummary({ saved, onPublish }: { saved: SavedPlan; onPublish: () => Promise<EditOutcome> }) {
  const { plan } = saved;
  const score = plan.plan.score;
  const unscheduled = saved.board.patients.flatMap((p) => p.unscheduled.map((u) => ({ ...u, ref: p.ref, initials: p.initials })));
  return (
    <>
      <PlanVersionCard headingId="summary-heading" version={plan} source={describeSource(plan.source)} onPublish={onPublish} />
      <section class="card" aria-labelledby="score-heading">
        <h2 id="score-heading">Score</h2>
        <dl class="score">
          <dt>Hard</dt><dd>{score.hard}</dd>
          <dt>Soft</dt><dd>{score.soft.toFixed(1)}</dd>
          <dt>Lower bound</dt><dd>{plan.plan.bound.value.toFixed(1)}</dd>
          <dt>Gap to the bound</dt><dd>{plan.plan.gapPct.toFixed(1)} %</dd>
        </dl>
        <table class="constraints">
          <caption>Score by constraint</caption>
          <thead><tr><th scope="col">Constraint</th><th scope="col">Level</th><th scope="col">Count</th><th scope="col">Penalty</th></tr></thead>
          <tbody>
            {score.byConstraint.filter((c) => c.count > 0 || c.penalty > 0).map((c) => (
              <tr key={c.constraint}>
                <td>
                  <details>
                    <summary>{c.constraint}</summary>
                    <ul>{c.violations.slice(0, 20).map((v, i) => <li key={i}>{v.message}</li>)}</ul>
                    {c.violations.length > 20 && <p>and {c.violations.length - 20} more</p>}
                  </details>
                </td>
                <td>{c.level}</td><td>{c.count}</td><td>{c.penalty.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card" aria-labelledby="unscheduled-heading">
        <h2 id="unscheduled-heading">Unscheduled ({unscheduled.length})</h2>
        {unscheduled.length === 0 ? <p>Every required assessment is placed.</p> : (
          <ul class="unscheduled">
            {unscheduled.map((u) => (
              <li key={`${u.ref}:${u.typeId}`}><strong>{u.initials} {u.ref} {u.typeName}</strong> <span class="reason">({u.reason})</span>: {u.message}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function describeSource(source: SavedPlan['plan']['source']): string {
  switch (source.kind) {
    case 'job': return 'planned by a plan job';
    case 'pin': return `pinned ${source.activityId}`;
    case 'unpin': return `unpinned ${source.activityId}`;
    case 'move': return 'moved by hand';
    case 'replan': return `replanned at ${source.now}`;
    case 'publish': return `published from version ${source.fromVersion}`;
  }
}
