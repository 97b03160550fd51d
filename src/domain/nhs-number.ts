// NHS numbers: 10 digits, the last a modulus-11 check digit (NHS Data Dictionary).
// Input may carry spaces ("943 476 5919"); a computed check digit of 10 means the
// first nine digits can never form a valid number.

const nineDigits = /^\d{9}$/;

/**
 * The modulus-11 check digit for the first nine digits of an NHS number, or null when
 * no valid number can start with them (computed digit 10) or the input is not 9 digits.
 */
export function nhsCheckDigit(first9: string): number | null {
  if (!nineDigits.test(first9)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** Strips the spaces people type into NHS numbers ("943 476 5919" → "9434765919"). */
export function compactNhsNumber(input: string): string {
  return input.replace(/\s+/g, '');
}

/** True when `input` (spaces allowed) is 10 digits whose last digit is the modulus-11 check digit. */
export function isValidNhsNumber(input: string): boolean {
  const digits = compactNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return false;
  const check = nhsCheckDigit(digits.slice(0, 9));
  return check !== null && check === Number(digits[9]);
}
