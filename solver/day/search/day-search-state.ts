/**
 * Everything the day search changes, in one object: the priority list being decoded, the
 * decoding scheme, each patient's meal delay, and what the last decode left unplaced (which
 * the targeted moves read). Moves change it only through DaySearchMove (moves/), so no move
 * changes anything it was not handed.
 */
export interface DaySearchState {
  /** The priority list the decoder turns into a schedule. */
  order: Int32Array;
  /** Index into the decoding schemes (0: serial). */
  scheme: number;
  /** How many schemes the search may switch between (1 on ICC days). */
  readonly schemeCount: number;
  /** Per patient, minutes after the lunch window opens before their meal is tried (the decoder's own array). */
  readonly mealDelayMin: Int32Array;
  /** Largest useful meal delay (lunch window − meal duration); 0: meals do not move. */
  readonly maxMealDelayMin: number;
  /** Activities the last decode left unplaced (refilled by every evaluation). */
  readonly unplaced: number[];
}
