// The NHS identifiers and UK Core profiles the FHIR API speaks (HL7 FHIR R4 4.0.1, UK Core
// STU). One place for the URIs, and the UK Core rules that need no terminology server: the
// identifier systems (an NHS number with its modulus-11 check digit), the elements UK Core
// makes required, and the small value sets bundled here.
import { isValidNhsNumber } from '../domain/nhs-number.ts';
import type { ErrorDetail } from '../errors/app-error.ts';

export const FHIR_VERSION = '4.0.1';
export const FHIR_JSON = 'application/fhir+json';

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
/** The NHS number verification status (UK Core extension and code system, England). */
export const NHS_NUMBER_VERIFICATION_EXTENSION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus';
export const NHS_NUMBER_VERIFICATION_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland';

/** Identifier systems of this service's own records (URNs: they name, they do not resolve). */
export const localRefSystem = (centreId: string) => `urn:icc-scheduler:centre:${centreId}:local-ref`;
export const staffIdSystem = 'urn:icc-scheduler:staff-member';
export const referralIdSystem = 'urn:icc-scheduler:referral';

export const ukCoreProfile = (type: 'Patient' | 'Practitioner' | 'Location' | 'Appointment' | 'Schedule' | 'Slot' | 'ServiceRequest') =>
  `https://fhir.hl7.org.uk/StructureDefinition/UKCore-${type}`;

/** Bundled value sets (R4 required bindings UK Core keeps). */
export const valueSets = {
  appointmentStatus: ['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist'],
  participationStatus: ['accepted', 'declined', 'tentative', 'needs-action'],
  slotStatus: ['busy', 'free', 'busy-unavailable', 'busy-tentative', 'entered-in-error'],
  requestStatus: ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'],
  requestIntent: ['proposal', 'plan', 'directive', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'],
  requestPriority: ['routine', 'urgent', 'asap', 'stat'],
  nhsNumberVerification: ['01', '02', '03', '04', '05', '06', '07', '08'],
} as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

function identifierProblems(identifiers: unknown, where: string): string[] {
  const problems: string[] = [];
  for (const [i, identifier] of arrayOf(identifiers).entries()) {
    if (typeof identifier.system !== 'string' || identifier.system === '') problems.push(`${where}.identifier[${i}].system is required`);
    if (typeof identifier.value !== 'string' || identifier.value === '') problems.push(`${where}.identifier[${i}].value is required`);
    if (identifier.system === NHS_NUMBER_SYSTEM && !(typeof identifier.value === 'string' && /^\d{10}$/.test(identifier.value) && isValidNhsNumber(identifier.value))) {
      problems.push(`${where}.identifier[${i}].value must be an NHS number: 10 digits, no spaces, a correct modulus-11 check digit`);
    }
    for (const [j, extension] of arrayOf(identifier.extension).entries()) {
      if (extension.url !== NHS_NUMBER_VERIFICATION_EXTENSION) continue;
      const coding = arrayOf((extension.valueCodeableConcept as Json | undefined)?.coding)[0];
      if (!coding || coding.system !== NHS_NUMBER_VERIFICATION_SYSTEM || !(valueSets.nhsNumberVerification as readonly unknown[]).includes(coding.code)) {
        problems.push(`${where}.identifier[${i}].extension[${j}] must code the verification status from ${NHS_NUMBER_VERIFICATION_SYSTEM}`);
      }
    }
  }
  return problems;
}

const required = (resource: Json, where: string, fields: string[]) =>
  fields.filter((f) => resource[f] === undefined || (Array.isArray(resource[f]) && (resource[f] as unknown[]).length === 0)).map((f) => `${where}.${f} is required`);

const inSet = (value: unknown, set: readonly string[], path: string) => (value === undefined || set.includes(value as string) ? [] : [`${path} "${String(value)}" is not in the bundled value set (${set.join(', ')})`]);

const referenceTo = (value: unknown, types: string[], path: string): string[] => {
  if (!isObject(value)) return [`${path} is required`];
  if (typeof value.reference !== 'string') return typeof value.display === 'string' ? [] : [`${path} needs a reference or a display`];
  const type = value.reference.startsWith('#') ? 'contained' : value.reference.split('/').at(-2);
  return type === 'contained' || types.includes(type ?? '') ? [] : [`${path}.reference must point to ${types.join(' or ')}`];
};

/**
 * The UK Core rules one resource breaks that can be checked without a terminology server
 * (empty when none). Contained resources are checked too.
 */
export function ukCoreProblems(resource: unknown, where = '(resource)'): string[] {
  if (!isObject(resource)) return [`${where} must be a JSON object`];
  const type = resource.resourceType;
  const problems: string[] = [];
  for (const [i, contained] of arrayOf(resource.contained).entries()) problems.push(...ukCoreProblems(contained, `${where}.contained[${i}]`));
  problems.push(...identifierProblems(resource.identifier, where));
  switch (type) {
    case 'Patient': {
      const nhs = arrayOf(resource.identifier).filter((i) => i.system === NHS_NUMBER_SYSTEM);
      if (nhs.length > 1) problems.push(`${where}.identifier has more than one NHS number`);
      break;
    }
    case 'Appointment':
      problems.push(...required(resource, where, ['status', 'participant']));
      problems.push(...inSet(resource.status, valueSets.appointmentStatus, `${where}.status`));
      for (const [i, p] of arrayOf(resource.participant).entries()) {
        problems.push(...inSet(p.status, valueSets.participationStatus, `${where}.participant[${i}].status`));
        if (p.status === undefined) problems.push(`${where}.participant[${i}].status is required`);
      }
      if (resource.start !== undefined && resource.end !== undefined && Date.parse(String(resource.end)) < Date.parse(String(resource.start))) problems.push(`${where}.end is before start`);
      break;
    case 'Slot':
      problems.push(...required(resource, where, ['schedule', 'status', 'start', 'end']));
      problems.push(...inSet(resource.status, valueSets.slotStatus, `${where}.status`));
      problems.push(...referenceTo(resource.schedule, ['Schedule'], `${where}.schedule`));
      break;
    case 'Schedule':
      problems.push(...required(resource, where, ['actor']));
      break;
    case 'ServiceRequest':
      problems.push(...required(resource, where, ['status', 'intent', 'subject']));
      problems.push(...inSet(resource.status, valueSets.requestStatus, `${where}.status`));
      problems.push(...inSet(resource.intent, valueSets.requestIntent, `${where}.intent`));
      problems.push(...inSet(resource.priority, valueSets.requestPriority, `${where}.priority`));
      problems.push(...referenceTo(resource.subject, ['Patient'], `${where}.subject`));
      break;
    default:
      break;
  }
  return problems;
}

/** The same problems as error details: { path: 'contained.0.identifier.0.value', message }. */
export function ukCoreDetails(resource: unknown): ErrorDetail[] {
  return ukCoreProblems(resource, '').map((problem) => {
    const space = problem.indexOf(' ');
    const path = problem.slice(0, space).replace(/^\./, '').replace(/\[(\d+)\]/g, '.$1');
    return { path: path || '(body)', message: problem.slice(space + 1) };
  });
}
