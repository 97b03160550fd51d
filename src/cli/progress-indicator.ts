/**
 * A one-line progress indicator for a terminal: silent for solves under a second, and
 * silent when stderr is not a terminal (pipes and CI logs stay clean).
 */
import type { ProgressEvent } from '../../solver/index.ts';

export interface ProgressIndicator {
  update(event: ProgressEvent): void;
  done(): void;
}

export function createProgressIndicator(stream: NodeJS.WriteStream, now: () => number): ProgressIndicator {
  const startedMs = now();
  let shown = false;
  let lastDrawMs = 0;
  return {
    update(event) {
      const t = now();
      if (!stream.isTTY || t - startedMs < 1000 || t - lastDrawMs < 100) return;
      lastDrawMs = t;
      shown = true;
      const pct = Math.round(Math.min(1, Math.max(0, event.fraction)) * 100);
      stream.write(`\rPlanning… ${String(pct).padStart(3)}%  ${event.phase}  best score ${Math.round(event.bestSoft)}  (${((t - startedMs) / 1000).toFixed(1)} s)   `);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
