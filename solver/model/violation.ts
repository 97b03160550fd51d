/**
 * A broken rule, as data. Every planning constraint returns a list of these;
 * the plan's score is their sum, and each reads back as a sentence.
 */
export type ConstraintLevel = 'hard' | 'soft';

/** Named facts explaining a violation (ids, minutes, counts) — never positional. */
export type Justification = Record<string, string | number | boolean | string[] | undefined>;

export interface Violation<J extends Justification = Justification> {
  /** The constraint's name, e.g. 'staffOneAtATime'. */
  constraint: string;
  level: ConstraintLevel;
  /** Penalty in objective units (hard violations: count of breaches × 1). */
  penalty: number;
  /** Human-readable sentence, e.g. "Dr A sees P1 and P2 at 10:00–10:30". */
  message: string;
  justification: J;
}
