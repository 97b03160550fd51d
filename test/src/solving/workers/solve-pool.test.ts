// The pool hands a solve's answer back only after every update the worker posted: the answer
// travels on piscina's channel and the updates on their own port, and a plan job records the
// last update it saw as its final progress (in one CI run it recorded 'construct', iteration 0).
import { describe, expect, it } from 'vitest';
import { demoOutreachProblem } from '../../../../src/demo/demo-outreach-problem.ts';
import { solve } from '../../../../src/solving/workers/solve-pool.ts';
import type { SolveUpdate } from '../../../../src/solving/workers/solve-tasks.ts';
import type { OutreachPlan } from '../../../../solver/index.ts';

describe('solve (the worker pool)', () => {
  it("delivers the search's last progress event ('done', fraction 1) before the answer, every time", async () => {
    const problem = demoOutreachProblem({ seed: 1, date: '2026-12-09', residents: 5, homes: 1 });
    const lastSeen: Array<string> = [];
    // Several at once, so answers and updates interleave across the pool's threads.
    await Promise.all(Array.from({ length: 12 }, async (_, i) => {
      const updates: SolveUpdate[] = [];
      const run = solve<'plan-outreach', OutreachPlan>('plan-outreach', { problem, options: { maxIterations: 50 + i, seed: 1 }, progress: true }, { timeLimitMs: 60_000, onUpdate: (u) => updates.push(u) });
      const plan = await run.result;
      const last = updates.at(-1);
      lastSeen.push(last?.kind === 'progress' ? `${last.event.phase} ${last.event.fraction} ${last.event.iteration === plan.stats.iterations}` : 'none');
    }));
    expect(lastSeen).toEqual(Array.from({ length: 12 }, () => 'done 1 true'));
  });
});
