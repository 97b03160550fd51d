import { describe, expect, it } from 'vitest';
import { createProgressIndicator } from '../../../src/cli/progress-indicator.ts';
import type { ProgressEvent } from '../../../solver/model/index.ts';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => { written.push(s); return true; } } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

const event = (fraction: number): ProgressEvent => ({ phase: 'improve', iteration: 10, bestSoft: 1234.4, bestHard: 0, fraction });

describe('createProgressIndicator', () => {
  it('stays silent for the first second', () => {
    let t = 0;
    const { stream, written } = fakeStream(true);
    const indicator = createProgressIndicator(stream, () => t);
    t = 900;
    indicator.update(event(0.5));
    indicator.done();
    expect(written).toEqual([]);
  });

  it('draws percentage and best score after a second on a terminal, and clears the line at the end', () => {
    let t = 0;
    const { stream, written } = fakeStream(true);
    const indicator = createProgressIndicator(stream, () => t);
    t = 1500;
    indicator.update(event(0.42));
    indicator.done();
    expect(written[0]).toContain(' 42%');
    expect(written[0]).toContain('best score 1234');
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('never writes when the stream is not a terminal', () => {
    let t = 0;
    const { stream, written } = fakeStream(false);
    const indicator = createProgressIndicator(stream, () => t);
    t = 5000;
    indicator.update(event(0.9));
    indicator.done();
    expect(written).toEqual([]);
  });
});
