import { describe, expect, it } from 'vitest';
import { isValidUkPostcode, normalisePostcode } from '../../../src/domain/postcode.ts';

describe('isValidUkPostcode', () => {
  it.each(['HU3 2JZ', 'hu3 2jz', 'HU32JZ', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'EC1A 1BB', 'GIR 0AA'])(
    'accepts %s',
    (postcode) => expect(isValidUkPostcode(postcode)).toBe(true),
  );

  it.each(['', 'HU3', '2JZ', 'HU3 2J', 'HU3 JZ2', '123 4AB', 'QU3 2JZ', 'HU3 2CZ', 'HU3-2JZ', 'HU3 2JZ X', 'HU333 2JZ'])(
    'rejects %j',
    (postcode) => expect(isValidUkPostcode(postcode)).toBe(false),
  );
});

describe('normalisePostcode', () => {
  it('upper-cases and puts one space before the inward code', () => {
    expect(normalisePostcode('hu3 2jz')).toBe('HU3 2JZ');
    expect(normalisePostcode('hu32jz')).toBe('HU3 2JZ');
    expect(normalisePostcode('  ec1a   1bb ')).toBe('EC1A 1BB');
  });
});
