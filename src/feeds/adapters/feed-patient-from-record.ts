// A stored patient (src/domain/patient.ts) as the feeds' FeedPatient. Only the privacy rule
// (patientForFeed) decides which of these fields a feed shows.
import { patientInitials, type Patient } from '../../domain/patient.ts';
import type { FeedPatient } from '../feed-types.ts';

/** Initials from the names, local reference, full name, NHS number and one-line home address. */
export function feedPatientFromRecord(
  patient: Pick<Patient, 'id' | 'givenName' | 'familyName' | 'localRef' | 'nhsNumber' | 'addressLines' | 'postcode'>,
): FeedPatient {
  return {
    id: patient.id,
    initials: patientInitials(patient),
    ref: patient.localRef,
    fullName: `${patient.givenName.trim()} ${patient.familyName.trim()}`,
    nhsNumber: patient.nhsNumber,
    homeAddress: [...patient.addressLines, patient.postcode].join(', '),
  };
}
