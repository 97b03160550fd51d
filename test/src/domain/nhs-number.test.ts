import { describe, expect, it } from 'vitest';
import { compactNhsNumber, isValidNhsNumber, nhsCheckDigit } from '../../../src/domain/nhs-number.ts';

describe('nhsCheckDigit', () => {
  it('computes the modulus-11 digit of a known test number (943 476 5919)', () => {
    // 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 % 11 = 2; 11 - 2 = 9
    expect(nhsCheckDigit('943476591')).toBe(9);
  });

  it('maps a computed 11 to 0', () => {
    // 000000000 sums to 0 → 11 - 0 = 11 → 0
    expect(nhsCheckDigit('000000000')).toBe(0);
  });

  it('returns null when the computed digit would be 10', () => {
    // 100000001: 1*10 + 1*2 = 12; 12 % 11 = 1; 11 - 1 = 10 → no valid number
    expect(nhsCheckDigit('100000001')).toBeNull();
  });

  it('returns null for input that is not nine digits', () => {
    expect(nhsCheckDigit('12345678')).toBeNull();
    expect(nhsCheckDigit('12345678a')).toBeNull();
  });
});

describe('isValidNhsNumber', () => {
  it('accepts a known-valid test number with or without spaces', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943 476 5910')).toBe(false);
  });

  it('rejects any number whose first nine digits give a check digit of 10', () => {
    for (let last = 0; last <= 9; last++) expect(isValidNhsNumber(`100000001${last}`)).toBe(false);
  });

  it('rejects wrong lengths and non-digits', () => {
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('94347659l9')).toBe(false);
    expect(isValidNhsNumber('')).toBe(false);
  });

  it('exactly one of the ten possible last digits is valid for a usable prefix', () => {
    const valid = Array.from({ length: 10 }, (_, d) => `999000001${d}`).filter(isValidNhsNumber);
    expect(valid).toHaveLength(1);
  });

  it('compacts spaces', () => {
    expect(compactNhsNumber(' 943 476  5919 ')).toBe('9434765919');
  });
});
