import { describe, expect, it } from 'vitest';
import { feedPatientFromRecord } from '../../../../src/feeds/adapters/feed-patient-from-record.ts';
import { patientForFeed } from '../../../../src/feeds/patient-for-feed.ts';

const record = {
  id: 'pat-1', givenName: 'Margaret', familyName: 'Smith', localRef: 'ICC-0042', nhsNumber: '9434765919',
  addressLines: ['12 Beverley Road', 'Hull'], postcode: 'HU5 1AA',
};

describe('feedPatientFromRecord', () => {
  it('derives initials and a one-line address, and keeps the full details for the opt-in case', () => {
    expect(feedPatientFromRecord(record)).toEqual({
      id: 'pat-1', initials: 'MS', ref: 'ICC-0042', fullName: 'Margaret Smith', nhsNumber: '9434765919', homeAddress: '12 Beverley Road, Hull, HU5 1AA',
    });
  });

  it('still shows only initials and reference through the privacy rule by default', () => {
    expect(patientForFeed(feedPatientFromRecord(record), 'clinical', { fullPatientDetailsInFeeds: false })).toEqual({ label: 'MS (ref ICC-0042)' });
  });
});
