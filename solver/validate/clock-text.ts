/**
 * Minutes from local midnight as "HH:MM" for the checkers' sentences.
 * The checkers keep their own copy so they share no code with the planners.
 *
 * @example clockText(545) // '09:05'
 */
export function clockText(minutes: number): string {
  if (!Number.isFinite(minutes)) return String(minutes);
  const sign = minutes < 0 ? '-' : '';
  const total = Math.round(Math.abs(minutes));
  const hours = Math.floor(total / 60);
  const mins = total % 60;
  return `${sign}${String(hours).padStart(2, '0')}:${String(mins).padStart(2, '0')}`;
}

/** "HH:MM–HH:MM" for an interval. */
export function spanText(startMin: number, endMin: number): string {
  return `${clockText(startMin)}–${clockText(endMin)}`;
}
