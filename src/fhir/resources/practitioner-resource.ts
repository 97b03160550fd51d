// Practitioner (staff member) and Location (room) of the centre.
import type { Room } from '../../domain/room.ts';
import type { StaffMember } from '../../domain/staff-member.ts';
import { staffIdSystem } from '../uk-core.ts';
import { metaOf, type FhirResource } from './fhir-resource.ts';

export function practitionerResource(member: StaffMember): FhirResource {
  return {
    resourceType: 'Practitioner',
    id: member.id,
    meta: metaOf('Practitioner', member.updatedAt),
    identifier: [{ system: staffIdSystem, value: member.id }],
    active: member.active,
    name: [{ text: member.name }],
    ...(member.email ? { telecom: [{ system: 'email', value: member.email, use: 'work' }] } : {}),
    qualification: [{ code: { text: member.discipline } }],
  };
}

export function locationResource(room: Room, centreName: string): FhirResource {
  return {
    resourceType: 'Location',
    id: room.id,
    meta: metaOf('Location', room.updatedAt),
    status: 'active',
    name: room.name,
    description: `${room.name} (${room.type}, capacity ${room.capacity}) at ${centreName}`,
    mode: 'instance',
    type: [{ text: room.type }],
    physicalType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'ro', display: 'Room' }] },
  };
}
