// Patient (UK Core): the NHS number under https://fhir.nhs.uk/Id/nhs-number and the centre's
// local reference. Minimal by default (identifiers, name, birth date); `full` adds the
// address, telephone and GP practice, which only a coordinator's integration needs.
import type { Patient } from '../../domain/patient.ts';
import { localRefSystem, NHS_NUMBER_SYSTEM, NHS_NUMBER_VERIFICATION_EXTENSION, NHS_NUMBER_VERIFICATION_SYSTEM } from '../uk-core.ts';
import { metaOf, type FhirResource } from './fhir-resource.ts';

export function patientResource(patient: Patient, options: { full?: boolean } = {}): FhirResource {
  return {
    resourceType: 'Patient',
    id: patient.id,
    meta: metaOf('Patient', patient.updatedAt),
    identifier: [
      {
        // Numbers are checked by their modulus-11 digit here, not traced on the NHS Spine: "present but not traced".
        extension: [{
          url: NHS_NUMBER_VERIFICATION_EXTENSION,
          valueCodeableConcept: { coding: [{ system: NHS_NUMBER_VERIFICATION_SYSTEM, code: '02', display: 'Number present but not traced' }] },
        }],
        system: NHS_NUMBER_SYSTEM,
        value: patient.nhsNumber,
      },
      { system: localRefSystem(patient.centreId), value: patient.localRef },
    ],
    name: [{ use: 'official', family: patient.familyName, given: [patient.givenName] }],
    ...(patient.dateOfBirth ? { birthDate: patient.dateOfBirth } : {}),
    ...(options.full ? {
      address: [{ use: 'home', line: patient.addressLines, postalCode: patient.postcode }],
      ...(patient.phone ? { telecom: [{ system: 'phone', value: patient.phone, use: 'home' }] } : {}),
      generalPractitioner: [{ display: patient.gpPractice }],
    } : {}),
  };
}
