import { describe, expect, it } from 'vitest';
import { formatInterval, formatMinutes } from '../../../solver/model/format-minutes.ts';

describe('formatMinutes', () => {
  it('formats minutes from midnight as HH:MM', () => {
    expect(formatMinutes(540)).toBe('09:00');
    expect(formatMinutes(765)).toBe('12:45');
    expect(formatMinutes(0)).toBe('00:00');
  });

  it('keeps counting past midnight and marks negative times', () => {
    expect(formatMinutes(1500)).toBe('25:00');
    expect(formatMinutes(-30)).toBe('-00:30');
  });

  it('rejects a non-finite number with an error naming the value', () => {
    expect(() => formatMinutes(Number.NaN)).toThrow(/finite/);
  });

  it('formats an interval with an en dash', () => {
    expect(formatInterval(600, 645)).toBe('10:00–10:45');
  });
});
