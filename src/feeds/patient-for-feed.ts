// Information governance (SPEC §4): feeds leave the NHS network, so by default an event
// names a patient only by initials and the centre's local reference. This file is the ONE
// place that decides what a feed may say about a patient; builders only see its answer.
import { appError } from '../errors/index.ts';
import type { FeedCentre, FeedPatient } from './feed-types.ts';

/**
 * Who reads the feed, which decides whether the home address is needed:
 * the driver (`transport`) and the support worker (`home-visit`) go to the home;
 * clinicians and rooms (`clinical`) and the patient's own itinerary (`patient`) do not.
 */
export type FeedAudience = 'clinical' | 'patient' | 'transport' | 'home-visit';

/** What a feed may show about one patient. */
export interface PatientInFeed {
  /** "MS (ref ICC-0042)" by default; "Margaret Smith (ref ICC-0042, NHS 943 476 5919)" when the centre allows. */
  label: string;
  /** Present only for audiences that travel to the home. */
  homeAddress?: string;
}

const AUDIENCES_WITH_ADDRESS: ReadonlySet<FeedAudience> = new Set(['transport', 'home-visit']);

/**
 * The privacy rule. Default: initials and local reference only. With the centre's
 * `fullPatientDetailsInFeeds` on: full name and NHS number (which the caller supplies).
 * The home address goes only to the driver and the support worker, whatever the setting.
 */
export function patientForFeed(
  patient: FeedPatient,
  audience: FeedAudience,
  centre: Pick<FeedCentre, 'fullPatientDetailsInFeeds'>,
): PatientInFeed {
  const label = centre.fullPatientDetailsInFeeds ? fullLabel(patient) : `${patient.initials} (ref ${patient.ref})`;
  if (!AUDIENCES_WITH_ADDRESS.has(audience)) return { label };
  if (!patient.homeAddress?.trim()) {
    throw appError.validation(`patient ${patient.id} has no homeAddress, which the ${audience} feed needs`, [
      { path: `patients.${patient.id}.homeAddress`, message: `is required for the ${audience} feed` },
    ]);
  }
  return { label, homeAddress: patient.homeAddress.trim() };
}

function fullLabel(patient: FeedPatient): string {
  if (!patient.fullName?.trim()) {
    throw appError.validation(`patient ${patient.id} has no fullName, which fullPatientDetailsInFeeds needs`, [
      { path: `patients.${patient.id}.fullName`, message: 'is required when fullPatientDetailsInFeeds is on' },
    ]);
  }
  const nhs = patient.nhsNumber ? `, NHS ${formatNhsNumber(patient.nhsNumber)}` : '';
  return `${patient.fullName.trim()} (ref ${patient.ref}${nhs})`;
}

/** "9434765919" → "943 476 5919", the way NHS numbers are printed. */
function formatNhsNumber(nhsNumber: string): string {
  const digits = nhsNumber.replace(/\s/g, '');
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : nhsNumber;
}

/**
 * A lookup `patientId → PatientInFeed` for one audience, so a builder cannot reach a
 * patient's raw record. Unknown ids are an error that names the id.
 */
export function patientDirectory(
  patients: readonly FeedPatient[],
  audience: FeedAudience,
  centre: Pick<FeedCentre, 'fullPatientDetailsInFeeds'>,
): (patientId: string) => PatientInFeed {
  const byId = new Map(patients.map((p) => [p.id, p]));
  return (patientId) => {
    const patient = byId.get(patientId);
    if (!patient) {
      throw appError.validation(`patient ${patientId} is in the plan but not in the patients given to the feed`, [
        { path: 'patients', message: `must include patient ${patientId}` },
      ]);
    }
    return patientForFeed(patient, audience, centre);
  };
}
