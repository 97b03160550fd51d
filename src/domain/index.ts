// The ICC domain documents the API and the CLI accept, one module per entity.
export * from './primitives.ts';
export * from './nhs-number.ts';
export * from './postcode.ts';
export * from './centre.ts';
export * from './staff-member.ts';
export * from './shift.ts';
export * from './room.ts';
export * from './assessment-type.ts';
export * from './precedence-rule.ts';
export * from './patient.ts';
export * from './referral.ts';
export * from './pre-visit.ts';
export * from './vehicle.ts';
export * from './plan.ts';
export * from './feed-token.ts';
export * from './audit-entry.ts';
