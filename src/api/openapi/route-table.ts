// Every operation of the API besides the generic centre-resource CRUD (generated from
// component-schemas' `resources`): method, Express path, summary, request and replies. The
// OpenAPI test fails when the app serves a route that is neither here nor generated, and
// holds real replies to the schemas named here.
import type { ErrorStatus } from '../../errors/error-body.ts';
import type { ComponentName, JsonSchema } from './component-schemas.ts';
import { auditLogPageLimits, type PageLimits } from '../pagination.ts';

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express style, e.g. /api/centres/:centreId/plan-jobs/:id */
  path: string;
  summary: string;
  tag: string;
  /**
   * A list read a page at a time (src/api/pagination.ts): documents ?limit and ?cursor and the
   * Link / X-Next-Cursor headers of the reply. `true` for the usual page sizes.
   */
  paged?: true | PageLimits;
  /** No token needed (its error statuses are then only those listed in `errors`). */
  public?: true;
  query?: string[];
  /** A component name, or an inline JSON Schema. */
  body?: ComponentName | JsonSchema;
  /** The media types the body may come as (default application/json), e.g. text/csv. */
  bodyTypes?: string[];
  /** A second success reply with the same body (e.g. 200 for a repeated idempotent create). */
  alsoOk?: { status: number; description: string; headers?: Record<string, string> };
  /** The body may be left out (every field has a default). */
  bodyOptional?: true;
  ok: {
    status: number;
    description: string;
    /** The JSON reply (a component name or inline), or the text of `contentType`. */
    schema?: ComponentName | JsonSchema;
    /** Default application/json. */
    contentType?: string;
    /** Text renderings of the same reply, chosen by the path (e.g. <id>.csv). */
    alternatives?: string[];
    /** Response headers: name → what it carries (always sent unless marked not required). */
    headers?: Record<string, string | { description: string; required: false }>;
  };
  /** Error statuses besides the usual ones (see openapi-document), with what they mean here. */
  errors?: Partial<Record<ErrorStatus, string>>;
  /** A conditional GET: 304 with this description. */
  notModified?: string;
}

const text = { type: 'string' };
const auditEntrySchema = {
  type: 'object', additionalProperties: false, required: ['id', 'actor', 'action', 'entity', 'entityId', 'details', 'at'],
  properties: {
    id: { type: 'string', format: 'uuid' }, actor: { type: 'string' }, action: { type: 'string' }, entity: { type: 'string' },
    entityId: { type: 'string' }, details: { anyOf: [{ type: 'object' }, { type: 'null' }] }, at: { type: 'string' },
  },
};
const listOf = (name: ComponentName) => ({ type: 'array', items: { $ref: `#/components/schemas/${name}` } });
const C = '/api/centres/:centreId';
const D = `${C}/days/:date`;
const etag = { ETag: 'The plan version, quoted ("3"): send it back as If-Match to edit' };
/** A record's ETag (src/api/record-etag.ts) and the 412 of a write whose If-Match is stale: every record's reads and writes. */
export const recordEtagHeader = { ETag: "The record's content tag: send it back as If-Match with a change (PATCH, PUT, DELETE or cancel) so a change made since is not overwritten" };
export const staleRecord = { 412: 'If-Match does not name the current ETag: someone changed the record since it was read (details.currentEtag)' } as const;
const planEdit = {
  409: 'The version is already published',
  412: 'If-Match names a version that is no longer the newest (details.currentVersion)',
  422: 'The edit breaks a hard constraint (details.violations)',
  428: 'If-Match is required',
};
/** ICC day edits that can give a staff member work: not one who is out on that date's outreach team. */
const dayPlanEdit = { ...planEdit, 409: "The version is already published, or the edit (or the version published) would give or pin work on a staff member who is on that date's outreach team (details name the field)" };
const planReply = { status: 200, description: 'The new plan version', schema: 'Plan', headers: etag } as const;
const noCoordinates = { 409: 'The centre has no coordinates (lat, lon) to route from' };
const csvFile = { 'Content-Disposition': 'attachment; filename="<list>-<date>.csv"' };
const formats = (base: string, what: string, tag: string, schema: ComponentName, errors: RouteDoc['errors'] = {}): RouteDoc[] => [
  { method: 'get', path: base, summary: `${what} (JSON)`, tag, errors, ok: { status: 200, description: what, schema } },
  { method: 'get', path: `${base}.json`, summary: `${what} (JSON)`, tag, errors, ok: { status: 200, description: what, schema } },
  { method: 'get', path: `${base}.csv`, summary: `${what} (CSV, RFC 4180)`, tag, errors, ok: { status: 200, description: what, schema: text, contentType: 'text/csv', headers: csvFile } },
  { method: 'get', path: `${base}.html`, summary: `${what} (printable HTML)`, tag, errors, ok: { status: 200, description: what, schema: text, contentType: 'text/html' } },
];

export const routeTable: readonly RouteDoc[] = [
  { method: 'get', path: '/health', summary: 'Service and database health', tag: 'service', public: true, ok: { status: 200, description: 'Up', schema: 'Health' }, errors: { 503: 'The database is unreachable, or the service is shutting down (Retry-After)' } },
  { method: 'get', path: '/openapi.json', summary: 'This OpenAPI document', tag: 'service', public: true, ok: { status: 200, description: 'OpenAPI 3.1', schema: 'OpenApiDocument' } },
  { method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI document (former address)', tag: 'service', public: true, ok: { status: 200, description: 'OpenAPI 3.1', schema: 'OpenApiDocument' } },

  { method: 'get', path: '/api/tokens', summary: 'List API tokens (admin; never the secrets), oldest first', tag: 'tokens', paged: true, ok: { status: 200, description: 'The tokens', schema: listOf('ApiToken') } },
  { method: 'post', path: '/api/tokens', summary: 'Issue an API token (admin); the secret is in this reply only', tag: 'tokens', body: 'ApiTokenCreate', ok: { status: 201, description: 'Issued', schema: 'IssuedApiToken' } },
  { method: 'get', path: '/api/tokens/me', summary: 'Who this token is (any role)', tag: 'tokens', ok: { status: 200, description: 'The principal', schema: 'Principal' } },
  {
    method: 'get', path: '/api/audit-log', summary: 'The audit log by patient, actor and time, newest first (admin; for subject-access and information-governance requests)', tag: 'operations', query: ['patientId', 'actor', 'from', 'to'], paged: auditLogPageLimits,
    ok: { status: 200, description: 'Entries: who (actor), what (action, entity, entityId, details), when (at)', schema: { type: 'array', items: auditEntrySchema } },
  },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics (admin): request latency by route, planning queue depth, solve time and gap, feed hits', tag: 'operations', ok: { status: 200, description: 'Prometheus text exposition format', schema: text, contentType: 'text/plain' } },
  { method: 'get', path: '/api/tokens/:id', summary: 'An API token (admin; never the secret)', tag: 'tokens', ok: { status: 200, description: 'The token', schema: 'ApiToken', headers: recordEtagHeader } },
  { method: 'delete', path: '/api/tokens/:id', summary: 'Revoke an API token (admin; If-Match optional)', tag: 'tokens', ok: { status: 200, description: 'Revoked', schema: 'ApiToken', headers: recordEtagHeader }, errors: staleRecord },

  {
    method: 'post', path: `${C}/referrals/import`, tag: 'referrals', bodyTypes: ['text/csv'], body: { type: 'string', description: 'CSV with a header row; columns: nhsNumber, givenName, familyName, dateOfBirth?, addressLine1, addressLine2?, addressLine3?, postcode, phone?, mobility?, efiCategory, gpPractice, localRef, referrerKind?, referrerName, referrerOrganisation?, referredDate, urgent? (yes/no), notes?' },
    summary: 'Import referrals with their patients from CSV, all or nothing (400 naming every bad row and column as rows.<row>.<column>; the header is row 1)',
    ok: { status: 201, description: 'Imported', schema: 'ReferralImportResult', headers: { Location: 'The referrals list' } },
  },
  { method: 'get', path: `${C}/referrals/:id/pre-visit`, summary: "Read the referral's pre-visit outcome", tag: 'pathway', ok: { status: 200, description: 'Found', schema: 'PreVisit', headers: recordEtagHeader } },
  { method: 'put', path: `${C}/referrals/:id/pre-visit`, summary: 'Record or replace the pre-visit outcome (a received or pre-visit-booked referral moves to pre-visit-done; If-Match optional)', tag: 'pathway', body: 'PreVisitCreate', ok: { status: 200, description: 'Saved', schema: 'PreVisit', headers: recordEtagHeader }, errors: staleRecord },
  { method: 'get', path: `${C}/referrals/:id/transitions`, summary: "The referral's pathway status, what may follow, held dates and history", tag: 'pathway', ok: { status: 200, description: 'The pathway', schema: 'Pathway' } },
  { method: 'post', path: `${C}/referrals/:id/transitions`, summary: 'Move the referral along its pathway', tag: 'pathway', body: 'ReferralTransition', ok: { status: 201, description: 'Moved', schema: 'Pathway', headers: { Location: "The referral's pathway (this route's GET)" } }, errors: { 409: 'The move is not allowed from the current status (details.allowed), or a precondition is missing' } },
  { method: 'get', path: `${C}/referrals/:id/mdt-outcome`, summary: 'The MDT outcome of the ICC day and its follow-ups', tag: 'pathway', ok: { status: 200, description: 'Found', schema: 'MdtOutcome' } },
  { method: 'post', path: `${C}/referrals/:id/mdt-outcome`, summary: 'Record the MDT outcome: care plan and follow-up requests', tag: 'pathway', body: 'MdtOutcomeCreate', ok: { status: 201, description: 'Recorded', schema: 'MdtOutcome', headers: { Location: "The referral's MDT outcome (this route's GET)" } } },
  { method: 'post', path: `${C}/bookings/plan`, summary: 'Propose ICC-day and pre-visit dates for waiting referrals', tag: 'booking', body: 'BookingPlanRequest', ok: { status: 200, description: 'The proposal', schema: 'BookingPlan' } },
  { method: 'post', path: `${C}/bookings/confirm`, summary: 'Confirm proposed bookings (all or nothing)', tag: 'booking', body: 'BookingConfirmRequest', ok: { status: 200, description: 'Booked', schema: 'BookingConfirmation' } },
  { method: 'get', path: `${D}/pre-visit-rounds`, summary: "The support workers' pre-visit rounds for a date, with the router's problem and plan", tag: 'rounds', query: ['visitDurationMin', 'supportWorkerDiscipline', 'timeLimitMs', 'seed'], ok: { status: 200, description: 'The rounds', schema: 'PreVisitRounds' }, errors: noCoordinates },
  { method: 'get', path: `${C}/follow-ups`, summary: 'Follow-ups by latest date (filters: status, referralId)', tag: 'follow-ups', query: ['status', 'referralId'], paged: true, ok: { status: 200, description: 'The follow-ups', schema: listOf('FollowUp') } },
  { method: 'get', path: `${C}/follow-ups/types`, summary: "The centre's follow-up types (the defaults until it sets its own)", tag: 'follow-ups', ok: { status: 200, description: 'The types', schema: 'FollowUpTypes', headers: recordEtagHeader } },
  { method: 'put', path: `${C}/follow-ups/types`, summary: "Replace the centre's follow-up types (If-Match optional)", tag: 'follow-ups', body: 'FollowUpTypesUpdate', ok: { status: 200, description: 'Saved', schema: 'FollowUpTypes', headers: recordEtagHeader }, errors: staleRecord },
  { method: 'post', path: `${C}/follow-ups/plan`, summary: 'Book the requested follow-ups', tag: 'follow-ups', body: 'FollowUpPlanRequest', bodyOptional: true, ok: { status: 200, description: 'Booked, and unbooked with reasons', schema: 'FollowUpPlanResult' } },

  { method: 'post', path: `${C}/plan-jobs`, summary: 'Plan a day as a job (202; Location: the job)', tag: 'planning', body: 'PlanJobRequest', ok: { status: 202, description: 'Queued', schema: 'PlanJob', headers: { Location: 'The job: GET it to follow its progress' } } },
  { method: 'get', path: `${C}/plan-jobs/:id`, summary: 'A planning job: status, progress, the plan it produced (its ETag changes with its progress)', tag: 'planning', ok: { status: 200, description: 'The job', schema: 'PlanJob', headers: recordEtagHeader } },
  { method: 'post', path: `${C}/plan-jobs/:id/cancel`, summary: 'Cancel a planning job (If-Match optional)', tag: 'planning', ok: { status: 200, description: 'Cancelled', schema: 'PlanJob', headers: recordEtagHeader }, errors: { 409: 'The job has already finished', ...staleRecord } },
  { method: 'delete', path: `${C}/plan-jobs/:id`, summary: 'Cancel a planning job (If-Match optional)', tag: 'planning', ok: { status: 200, description: 'Cancelled', schema: 'PlanJob', headers: recordEtagHeader }, errors: { 409: 'The job has already finished', ...staleRecord } },

  { method: 'get', path: `${D}/plan`, summary: "The day's plan (newest, or ?status / ?version)", tag: 'plans', query: ['status', 'version'], ok: { status: 200, description: 'The plan', schema: 'Plan', headers: etag }, notModified: 'The copy named in If-None-Match is current' },
  { method: 'get', path: `${D}/plan/by-patient`, summary: 'The day by patient', tag: 'plans', query: ['status', 'version'], ok: { status: 200, description: 'Itineraries', schema: 'PlanByPatient', headers: etag }, notModified: 'The copy named in If-None-Match is current' },
  { method: 'get', path: `${D}/plan/by-staff`, summary: 'The day by staff member (?staffId: one timetable; a clinician token must name itself)', tag: 'plans', query: ['status', 'version', 'staffId'], ok: { status: 200, description: 'Timetables', schema: 'PlanByStaff', headers: etag }, notModified: 'The copy named in If-None-Match is current' },
  { method: 'get', path: `${D}/plan/by-room`, summary: 'The day by room', tag: 'plans', query: ['status', 'version'], ok: { status: 200, description: 'Timetables', schema: 'PlanByRoom', headers: etag }, notModified: 'The copy named in If-None-Match is current' },
  { method: 'post', path: `${D}/plan/pins`, summary: 'Pin an activity where it is (If-Match)', tag: 'plans', body: 'PinRequest', ok: planReply, errors: dayPlanEdit },
  { method: 'delete', path: `${D}/plan/pins/:activityId`, summary: 'Unpin an activity (If-Match)', tag: 'plans', ok: planReply, errors: planEdit },
  { method: 'post', path: `${D}/plan/moves`, summary: 'Move an activity by hand and pin it there (If-Match; 422 with reasons)', tag: 'plans', body: 'MoveRequest', ok: planReply, errors: dayPlanEdit },
  { method: 'post', path: `${D}/plan/replan`, summary: 'Replan after a change, keeping the rest stable (If-Match)', tag: 'plans', body: 'ReplanRequest', ok: planReply, errors: dayPlanEdit },
  { method: 'post', path: `${D}/plan/publish`, summary: 'Publish the newest version (If-Match)', tag: 'plans', ok: planReply, errors: dayPlanEdit },
  { method: 'post', path: `${D}/outreach-plan`, summary: 'Plan the outreach day (care homes) on a worker thread and save it as the next draft version', tag: 'outreach', body: 'OutreachPlanRequest', bodyOptional: true, ok: { status: 201, description: 'The new outreach plan version', schema: 'OutreachPlan', headers: { ...etag, Location: 'The new version: …/outreach-plan?version=<n>' } } },
  { method: 'get', path: `${D}/outreach-plan`, summary: "The day's outreach plan (newest, or ?status / ?version)", tag: 'outreach', query: ['status', 'version'], ok: { status: 200, description: 'The outreach plan', schema: 'OutreachPlan', headers: etag }, notModified: 'The copy named in If-None-Match is current' },
  { method: 'post', path: `${D}/outreach-plan/pins`, summary: 'Pin a visit where it is (If-Match)', tag: 'outreach', body: 'OutreachPinRequest', ok: { ...planReply, schema: 'OutreachPlan' }, errors: planEdit },
  { method: 'delete', path: `${D}/outreach-plan/pins/:visitId`, summary: 'Unpin a visit (If-Match)', tag: 'outreach', ok: { ...planReply, schema: 'OutreachPlan' }, errors: planEdit },
  { method: 'post', path: `${D}/outreach-plan/moves`, summary: 'Move a visit by hand and pin it there (If-Match; 422 with the checker\'s reasons)', tag: 'outreach', body: 'OutreachMoveRequest', ok: { ...planReply, schema: 'OutreachPlan' }, errors: planEdit },
  { method: 'post', path: `${D}/outreach-plan/replan`, summary: 'Replan the outreach day after a change: a resident unwell, a clinician off sick, an overrun (If-Match)', tag: 'outreach', body: 'OutreachReplanRequest', ok: { ...planReply, schema: 'OutreachPlan' }, errors: planEdit },
  { method: 'post', path: `${D}/outreach-plan/publish`, summary: 'Publish the newest outreach plan version (If-Match; 422 if the checker rejects it)', tag: 'outreach', ok: { ...planReply, schema: 'OutreachPlan' }, errors: planEdit },
  { method: 'get', path: `${D}/outreach-round.html`, summary: "The outreach team's printable round (?staffId: one member)", tag: 'outreach', query: ['staffId'], ok: { status: 200, description: 'HTML', schema: text, contentType: 'text/html' } },
  { method: 'post', path: `${C}/outreach-bookings/plan`, summary: 'Propose outreach days for waiting care-home residents', tag: 'outreach', body: 'OutreachBookingPlanRequest', ok: { status: 200, description: 'The proposal', schema: 'OutreachBookingPlan' } },
  { method: 'post', path: `${C}/outreach-bookings/confirm`, summary: 'Book residents to outreach days (all or nothing)', tag: 'outreach', body: 'OutreachBookingConfirmRequest', ok: { status: 200, description: 'Booked', schema: 'OutreachBookingConfirmation' } },
  { method: 'get', path: `${D}/timetable.html`, summary: "The coordinator's printable day timetable", tag: 'plans', ok: { status: 200, description: 'HTML', schema: text, contentType: 'text/html' } },
  { method: 'get', path: `${D}/patients/:patientId/letter.html`, summary: "The patient's letter for the published day (large print): pickup window, who they will see and why, lunch, home time, what to bring, the centre's phone", tag: 'plans', ok: { status: 200, description: 'HTML', schema: text, contentType: 'text/html' }, errors: { 409: 'The day has no published plan yet' } },
  { method: 'get', path: `${D}/patients/:patientId/letter.txt`, summary: "The patient's letter as an SMS text (GSM-7, at most 612 characters)", tag: 'plans', ok: { status: 200, description: 'Plain text', schema: text, contentType: 'text/plain' }, errors: { 409: 'The day has no published plan yet' } },

  ...formats(`${D}/transport`, "The day's pickup and drop-off lists", 'transport', 'TransportList', noCoordinates),
  { method: 'get', path: `${D}/transport/vehicles/:file`, summary: "One vehicle's runs: <vehicleId>, <vehicleId>.json, .csv or .html", tag: 'transport', errors: noCoordinates, ok: { status: 200, description: 'The runs', schema: 'VehicleTransportList', alternatives: ['text/csv', 'text/html'] } },
  ...formats(`${D}/rounds`, "The support workers' rounds", 'rounds', 'RoundsList', noCoordinates),
  { method: 'get', path: `${D}/rounds/:file`, summary: "One support worker's round: <staffId>, <staffId>.json, .csv or .html", tag: 'rounds', errors: noCoordinates, ok: { status: 200, description: 'The round', schema: 'WorkerRoundsList', alternatives: ['text/csv', 'text/html'] } },

  { method: 'get', path: `${C}/feed-tokens`, summary: 'Feed tokens of the centre (never the secrets), oldest first', tag: 'feeds', paged: true, ok: { status: 200, description: 'The tokens', schema: listOf('FeedToken') } },
  { method: 'post', path: `${C}/feed-tokens`, summary: 'Issue a feed URL for a staff member, room, support worker, vehicle or patient (a clinician token: only its own staff feed)', tag: 'feeds', body: 'FeedTokenRequest', ok: { status: 201, description: 'Issued, with its URL (shown once)', schema: 'IssuedFeedToken' } },
  { method: 'get', path: `${C}/feed-tokens/:id`, summary: 'A feed token (never its secret)', tag: 'feeds', ok: { status: 200, description: 'The token', schema: 'FeedToken', headers: recordEtagHeader } },
  { method: 'delete', path: `${C}/feed-tokens/:id`, summary: 'Revoke a feed URL (If-Match optional)', tag: 'feeds', ok: { status: 204, description: 'Revoked' }, errors: staleRecord },
  { method: 'post', path: `${C}/feed-tokens/:id/reissue`, summary: 'Revoke and issue a new feed URL', tag: 'feeds', ok: { status: 201, description: 'Issued', schema: 'IssuedFeedToken', headers: { Location: 'The new feed token' } }, errors: { 409: 'The token was revoked: a revoked feed cannot be reissued (issue a new one)' } },
  { method: 'get', path: `${C}/webhooks`, summary: 'Webhook endpoints of the centre (never their secrets), oldest first', tag: 'webhooks', paged: true, ok: { status: 200, description: 'The endpoints', schema: listOf('Webhook') } },
  { method: 'post', path: `${C}/webhooks`, summary: 'Register an endpoint for plan.published, plan.changed, referral.status-changed, job.finished; the signing secret is in this reply only', tag: 'webhooks', body: 'WebhookCreate', ok: { status: 201, description: 'Registered, with its secret (shown once)', schema: 'IssuedWebhook', headers: { Location: 'The endpoint' } } },
  { method: 'get', path: `${C}/webhooks/:id`, summary: 'A webhook endpoint', tag: 'webhooks', ok: { status: 200, description: 'The endpoint', schema: 'Webhook', headers: recordEtagHeader } },
  { method: 'delete', path: `${C}/webhooks/:id`, summary: 'Remove a webhook endpoint and its queue (If-Match optional)', tag: 'webhooks', ok: { status: 204, description: 'Removed' }, errors: staleRecord },
  { method: 'get', path: `${C}/webhooks/:id/deliveries`, summary: "The endpoint's deliveries in order: pending (with attempts, next attempt, last error) or delivered", tag: 'webhooks', paged: true, ok: { status: 200, description: 'The deliveries', schema: listOf('WebhookDelivery') } },
  { method: 'get', path: `${C}/webhooks/:id/deliveries/:deliveryId`, summary: 'One delivery: pending (attempts, next attempt, last error) or delivered', tag: 'webhooks', ok: { status: 200, description: 'The delivery', schema: 'WebhookDelivery' } },
  { method: 'post', path: `${C}/webhooks/:id/deliveries/:deliveryId/resend`, summary: 'Send a delivery again (queued as a copy with the same event id)', tag: 'webhooks', ok: { status: 201, description: 'Queued', schema: 'WebhookDelivery', headers: { Location: 'The queued copy' } } },
  {
    method: 'get', path: '/feeds/:file', summary: 'A subscribable iCal feed, /feeds/<token>.ics (the token is the credential)', tag: 'feeds', public: true,
    ok: { status: 200, description: 'iCalendar', schema: text, contentType: 'text/calendar', headers: { ETag: 'Changes when the feed does', 'Last-Modified': { description: 'When the feed last changed (absent for an empty feed)', required: false } } },
    errors: { 404: 'No feed at this address (unknown or revoked token, or its owner was deactivated or deleted)' },
    notModified: 'Not modified (If-None-Match / If-Modified-Since)',
  },
];
