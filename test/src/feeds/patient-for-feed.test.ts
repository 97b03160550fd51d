import { describe, expect, it } from 'vitest';
import { patientDirectory, patientForFeed } from '../../../src/feeds/patient-for-feed.ts';
import { errorOf, pathsOf } from './errors.ts';
import { patients } from './feed-fixture.ts';

const margaret = patients[0]!;
const closed = { fullPatientDetailsInFeeds: false };
const open = { fullPatientDetailsInFeeds: true };

describe('patientForFeed', () => {
  it('shows only initials and local reference by default, to every audience', () => {
    for (const audience of ['clinical', 'patient', 'transport', 'home-visit'] as const) {
      const shown = patientForFeed(margaret, audience, closed);
      expect(shown.label).toBe('MS (ref ICC-0042)');
      expect(JSON.stringify(shown)).not.toMatch(/Margaret|Smith|9434765919|943 476 5919/);
    }
  });

  it('shows full name and NHS number when the centre turns full details on', () => {
    expect(patientForFeed(margaret, 'clinical', open).label).toBe('Margaret Smith (ref ICC-0042, NHS 943 476 5919)');
    expect(patientForFeed(patients[3]!, 'clinical', open).label).toBe('Arthur King (ref ICC-0051)'); // no NHS number supplied
  });

  it('gives the home address only to the driver and the support worker', () => {
    expect(patientForFeed(margaret, 'transport', closed).homeAddress).toBe('12 Beverley Road, Hull HU5 1AA');
    expect(patientForFeed(margaret, 'home-visit', closed).homeAddress).toBe('12 Beverley Road, Hull HU5 1AA');
    expect(patientForFeed(margaret, 'clinical', open)).not.toHaveProperty('homeAddress');
    expect(patientForFeed(margaret, 'patient', open)).not.toHaveProperty('homeAddress');
  });

  it('names the missing field when full details or an address are needed but not given', () => {
    const bare = { id: 'p9', initials: 'XY', ref: 'ICC-0099' };
    expect(pathsOf(errorOf(() => patientForFeed(bare, 'clinical', open)))).toEqual(['patients.p9.fullName']);
    expect(pathsOf(errorOf(() => patientForFeed(bare, 'transport', closed)))).toEqual(['patients.p9.homeAddress']);
  });
});

describe('patientDirectory', () => {
  it('looks patients up by id under one audience, and names an unknown id', () => {
    const lookup = patientDirectory(patients, 'clinical', closed);
    expect(lookup('p2').label).toBe('JB (ref ICC-0043)');
    expect(errorOf(() => lookup('p404')).message).toContain('p404');
  });
});
