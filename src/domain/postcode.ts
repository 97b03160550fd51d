// UK postcodes validated by format (SPEC §5), not by lookup: outward code (area letters,
// district digit(s), optional letter) then inward code (digit + two letters). Letter
// positions follow Royal Mail's rules, e.g. no C, I, K, M, O or V in the inward letters.

const outward = '(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])';
const inward = '[0-9][ABD-HJLNP-UW-Z]{2}';
const postcodePattern = new RegExp(`^(?:${outward} ?${inward}|GIR ?0AA)$`);

/** True when `input` is a UK postcode by format; case and the space between the halves are free. */
export function isValidUkPostcode(input: string): boolean {
  return postcodePattern.test(input.trim().toUpperCase().replace(/\s+/g, ' '));
}

/**
 * Upper-cases and puts exactly one space before the inward code: 'hu3 2jz' → 'HU3 2JZ',
 * 'hu32jz' → 'HU3 2JZ'. Does not validate; call isValidUkPostcode first.
 */
export function normalisePostcode(input: string): string {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (compact.length < 5) return compact;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/**
 * A search by postcode: a whole postcode matches it exactly (any case or spacing), anything
 * shorter is an outward code ('HU3' finds 'HU3 2JZ' but not 'HU13 0AA').
 */
export function postcodeMatcher(query: string): (postcode: string) => boolean {
  if (isValidUkPostcode(query)) {
    const wanted = normalisePostcode(query);
    return (postcode) => postcode === wanted;
  }
  const outwardCode = query.replace(/\s+/g, '').toUpperCase();
  return (postcode) => postcode.split(' ')[0] === outwardCode;
}
