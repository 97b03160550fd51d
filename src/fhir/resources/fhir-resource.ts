// What every FHIR resource this API builds shares. The resources are plain JSON; their shape
// is held to the official FHIR R4 JSON Schema and the UK Core rules in the tests.
import { ukCoreProfile } from '../uk-core.ts';

export interface FhirResource {
  resourceType: string;
  id?: string;
  [element: string]: unknown;
}

export interface Reference {
  reference?: string;
  display?: string;
}

/** meta with the UK Core profile and the record's last change (an instant). */
export function metaOf(type: Parameters<typeof ukCoreProfile>[0], lastUpdated?: string): Record<string, unknown> {
  return { ...(lastUpdated ? { lastUpdated: fhirInstant(lastUpdated) } : {}), profile: [ukCoreProfile(type)] };
}

/** Any ISO 8601 instant → FHIR instant (seconds, explicit offset; no milliseconds). */
export function fhirInstant(iso: string): string {
  return iso.replace(/\.\d+(?=Z|[+-]\d\d:\d\d$)/, '');
}

export const ref = (type: string, id: string, display?: string): Reference => ({ reference: `${type}/${id}`, ...(display ? { display } : {}) });
