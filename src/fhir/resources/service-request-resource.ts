// ServiceRequest: a referral to the ICC. Its FHIR status follows the pathway status
// (src/domain/referral-pathway.ts); the pathway status itself travels in an extension.
import type { Referral, ReferralStatus } from '../../domain/referral.ts';
import { referralIdSystem } from '../uk-core.ts';
import { metaOf, ref, type FhirResource } from './fhir-resource.ts';

export const PATHWAY_STATUS_EXTENSION = 'urn:icc-scheduler:extension:pathway-status';

/** Pathway status → ServiceRequest.status (R4 request-status). */
export const serviceRequestStatusOf: Readonly<Record<ReferralStatus, 'active' | 'completed' | 'revoked'>> = {
  received: 'active',
  'pre-visit-booked': 'active',
  'pre-visit-done': 'active',
  'day-booked': 'active',
  'did-not-attend': 'active',
  attended: 'active',
  'mdt-outcome-recorded': 'active',
  'follow-up-booked': 'active',
  'follow-up': 'active',
  discharged: 'completed',
  declined: 'revoked',
  cancelled: 'revoked',
};

export interface ExternalIdentifier {
  system: string;
  value: string;
}

export function serviceRequestResource(
  referral: Referral, context: { centreName: string; iccDate?: string | null; identifiers?: ExternalIdentifier[] },
): FhirResource {
  const { referrer } = referral;
  return {
    resourceType: 'ServiceRequest',
    id: referral.id,
    meta: metaOf('ServiceRequest', referral.updatedAt),
    extension: [{ url: PATHWAY_STATUS_EXTENSION, valueCode: referral.status }],
    identifier: [{ system: referralIdSystem, value: referral.id }, ...(context.identifiers ?? []).map(({ system, value }) => ({ system, value }))],
    status: serviceRequestStatusOf[referral.status],
    intent: 'order',
    priority: referral.urgent ? 'urgent' : 'routine',
    code: { text: 'Integrated care centre: comprehensive geriatric assessment' },
    subject: ref('Patient', referral.patientId),
    ...(context.iccDate ? { occurrenceDateTime: context.iccDate } : {}),
    authoredOn: referral.referredDate,
    requester: { display: referrer.organisation ? `${referrer.name}, ${referrer.organisation}` : referrer.name },
    performer: [{ display: context.centreName }],
    ...(referral.notes ? { note: [{ text: referral.notes }] } : {}),
  };
}
