// The migration list, imported statically so migrations run the same under tsx, vitest and
// the CLI (knex's directory loader cannot import .ts files without a loader). Append new
// migrations here in date order.
import type { Knex } from 'knex';
import * as centresStaffRoomsCatalogue from './20261122-1100-create-centres-staff-rooms-catalogue.ts';
import * as patientsReferralsPreVisits from './20261122-1101-create-patients-referrals-pre-visits.ts';
import * as vehiclesPlansFeedTokensAuditLog from './20261122-1102-create-vehicles-plans-feed-tokens-audit-log.ts';
import * as planJobs from './20261122-1200-create-plan-jobs.ts';
import * as pathwayBookingsFollowUps from './20261122-1300-create-pathway-bookings-follow-ups.ts';
import * as feedEvents from './20261122-1400-create-feed-events.ts';
import * as apiTokens from './20261122-1500-create-api-tokens.ts';
import * as planJobProvisionalPlan from './20261122-1600-add-plan-job-provisional-plan.ts';
import * as planJobLease from './20261122-1700-add-plan-job-lease.ts';
import * as accessNotesCentreContact from './20261206-1300-add-access-notes-and-centre-contact.ts';
import * as referralIdentifiers from './20261206-1400-create-referral-identifiers.ts';
import * as webhooks from './20261206-1401-create-webhooks.ts';
import * as serviceSettings from './20261206-1500-create-service-settings.ts';
import * as careHomesOutreach from './20261206-1600-create-care-homes-outreach.ts';
import * as planJobResumesAndPlanReads from './20261206-1800-plan-job-resumes-and-plan-reads.ts';
import * as feedStamps from './20261207-1801_feed_stamps.ts';
import * as feedStampNotify from './20261207-1802-feed-stamp-notify.ts';
import * as feedStampNotifyEveryWriter from './20261207-1803-feed-stamp-notify-every-writer.ts';

const migrations: Record<string, Knex.Migration> = {
  '20261122-1100-create-centres-staff-rooms-catalogue': centresStaffRoomsCatalogue,
  '20261122-1101-create-patients-referrals-pre-visits': patientsReferralsPreVisits,
  '20261122-1102-create-vehicles-plans-feed-tokens-audit-log': vehiclesPlansFeedTokensAuditLog,
  '20261122-1200-create-plan-jobs': planJobs,
  '20261122-1300-create-pathway-bookings-follow-ups': pathwayBookingsFollowUps,
  '20261122-1400-create-feed-events': feedEvents,
  '20261122-1500-create-api-tokens': apiTokens,
  '20261122-1600-add-plan-job-provisional-plan': planJobProvisionalPlan,
  '20261122-1700-add-plan-job-lease': planJobLease,
  '20261206-1300-add-access-notes-and-centre-contact': accessNotesCentreContact,
  '20261206-1400-create-referral-identifiers': referralIdentifiers,
  '20261206-1401-create-webhooks': webhooks,
  '20261206-1500-create-service-settings': serviceSettings,
  '20261206-1600-create-care-homes-outreach': careHomesOutreach,
  '20261206-1800-plan-job-resumes-and-plan-reads': planJobResumesAndPlanReads,
  '20261207-1801_feed_stamps': feedStamps,
  '20261207-1802-feed-stamp-notify': feedStampNotify,
  '20261207-1803-feed-stamp-notify-every-writer': feedStampNotifyEveryWriter,
};

/** A knex migration source over the list above. */
export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`Unknown migration ${name}`);
    return migration;
  },
};
