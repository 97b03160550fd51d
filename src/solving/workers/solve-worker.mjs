// The pool's worker entry: lowers this thread's CPU priority (Linux nice is per thread: the
// event loop's thread keeps its own), registers tsx so the TypeScript task module loads in
// this thread, then hands piscina the task function.
import { setPriority } from 'node:os';
import { register } from 'tsx/esm/api';

/** How much the solver threads yield to the event loop: nice 0–19, ICC_SOLVER_NICE (default 10). */
const nice = Number(process.env.ICC_SOLVER_NICE ?? 10);
try {
  if (Number.isInteger(nice) && nice > 0 && nice <= 19) setPriority(nice);
} catch {
  // Not permitted here (some containers): the solve still runs, at the normal priority.
}
register();
const tasks = await import('./solve-tasks.ts');
export default tasks.default;
