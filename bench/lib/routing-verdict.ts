/**
 * How a routing benchmark row reads its two checks: the team's independent checker decides,
 * the suite's own from-scratch check is a second opinion, and an incomplete solution is never valid.
 */
export function routingVerdict(
  complete: boolean,
  check: { valid: boolean; violations: Array<{ message: string }> },
  ownCheck: { valid: boolean; errors: string[] },
  incompleteNote: string,
): { valid: boolean; checker: 'agree' | 'DISAGREE'; note: string } {
  const note = !complete
    ? incompleteNote
    : !check.valid
      ? `checker: ${check.violations[0]?.message ?? 'rejected'}`
      : ownCheck.valid ? '' : `own check: ${ownCheck.errors[0]}`;
  return { valid: complete && check.valid && ownCheck.valid, checker: check.valid === ownCheck.valid ? 'agree' : 'DISAGREE', note };
}
