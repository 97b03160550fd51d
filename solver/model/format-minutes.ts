/**
 * Formats minutes from local midnight as HH:MM, for sentences and timetables.
 * Hours run past 23 rather than wrapping, so a time after midnight stays unambiguous.
 *
 * @example formatMinutes(540) // '09:00'
 * @example formatMinutes(765) // '12:45'
 */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes)) throw new RangeError(`formatMinutes: minutes must be a finite number, got ${minutes}`);
  const rounded = Math.round(minutes);
  const sign = rounded < 0 ? '-' : '';
  const abs = Math.abs(rounded);
  const hours = Math.floor(abs / 60);
  const mins = abs % 60;
  return `${sign}${String(hours).padStart(2, '0')}:${String(mins).padStart(2, '0')}`;
}

/** "09:00–09:45": a closed-open interval of minutes, for sentences. */
export function formatInterval(startMin: number, endMin: number): string {
  return `${formatMinutes(startMin)}–${formatMinutes(endMin)}`;
}
