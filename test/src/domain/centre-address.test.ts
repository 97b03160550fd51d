import { describe, expect, it } from 'vitest';
import { centreAddress } from '../../../src/domain/centre-address.ts';

describe('centreAddress', () => {
  it('drops address lines the centre name already says, so the name is printed once', () => {
    const centre = { name: 'Jean Bishop Integrated Care Centre (demo)', addressLines: ['Jean Bishop Integrated Care Centre', 'Beverley Road', 'Hull'], postcode: 'HU6 7RX' };
    expect(centreAddress(centre)).toBe('Beverley Road, Hull, HU6 7RX');
  });

  it('compares without case and punctuation, and keeps lines that only share words with the name', () => {
    expect(centreAddress({ name: 'Bishop ICC', addressLines: ['BISHOP ICC.', 'Bishop Lane', 'Hull'], postcode: null })).toBe('Bishop Lane, Hull');
  });

  it('keeps every line of an address that does not repeat the name', () => {
    expect(centreAddress({ name: 'Hull ICC', addressLines: ['1 Main Street', 'Hull'], postcode: 'HU1 1AA' })).toBe('1 Main Street, Hull, HU1 1AA');
  });
});
