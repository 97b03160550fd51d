// The data layer: the only code that builds SQL.
export * from './create-database.ts';
export * from './migrate.ts';
export * from './translate-db-error.ts';
export { centres } from './repositories/centres.ts';
export { staffMembers } from './repositories/staff-members.ts';
export { shifts } from './repositories/shifts.ts';
export { rooms } from './repositories/rooms.ts';
export { assessmentTypes } from './repositories/assessment-types.ts';
export { precedenceRules } from './repositories/precedence-rules.ts';
export { patients } from './repositories/patients.ts';
export { referrals } from './repositories/referrals.ts';
export { preVisits } from './repositories/pre-visits.ts';
export { vehicles } from './repositories/vehicles.ts';
export { plans } from './repositories/plans.ts';
export { feedTokens } from './repositories/feed-tokens.ts';
export { auditLog } from './repositories/audit-log.ts';
export { careHomes } from './repositories/care-homes.ts';
export { outreachDays } from './repositories/outreach-days.ts';
