// Every operation of the API besides the generic centre-resource CRUD (generated from
// component-schemas' `resources`): method, Express path, summary, request and reply. The
// OpenAPI test fails when the app serves a route that is neither here nor generated.
import type { JsonSchema } from './component-schemas.ts';

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express style, e.g. /api/centres/:centreId/plan-jobs/:id */
  path: string;
  summary: string;
  tag: string;
  /** No token needed. */
  public?: true;
  query?: string[];
  /** A component name, or an inline JSON Schema. */
  body?: string | JsonSchema;
  ok: { status: number; description: string; schema?: string | JsonSchema; contentType?: string };
  /** Extra documented statuses besides the common errors (e.g. 304, 412, 422). */
  more?: Record<number, string>;
}

const object = { type: 'object' };
const list = { type: 'array', items: object };
const C = '/api/centres/:centreId';
const D = `${C}/days/:date`;
const planEdit = { 409: 'Conflict', 412: 'If-Match names a stale version', 422: 'The edit breaks a hard constraint (details: the violations)', 428: 'If-Match is required' };
const planReply = { status: 200, description: 'The new plan version (ETag: its version)', schema: object };
const formats = (base: string, what: string, tag: string): RouteDoc[] => [
  { method: 'get', path: base, summary: `${what} (JSON)`, tag, ok: { status: 200, description: what, schema: object } },
  { method: 'get', path: `${base}.json`, summary: `${what} (JSON)`, tag, ok: { status: 200, description: what, schema: object } },
  { method: 'get', path: `${base}.csv`, summary: `${what} (CSV, RFC 4180)`, tag, ok: { status: 200, description: what, schema: { type: 'string' }, contentType: 'text/csv' } },
  { method: 'get', path: `${base}.html`, summary: `${what} (printable HTML)`, tag, ok: { status: 200, description: what, schema: { type: 'string' }, contentType: 'text/html' } },
];

export const routeTable: readonly RouteDoc[] = [
  { method: 'get', path: '/health', summary: 'Service and database health', tag: 'service', public: true, ok: { status: 200, description: 'Up', schema: 'Health' }, more: { 503: 'Database unreachable' } },
  { method: 'get', path: '/openapi.json', summary: 'This OpenAPI document', tag: 'service', public: true, ok: { status: 200, description: 'OpenAPI 3.1', schema: object } },
  { method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI document (former address)', tag: 'service', public: true, ok: { status: 200, description: 'OpenAPI 3.1', schema: object } },

  { method: 'get', path: '/api/tokens', summary: 'List API tokens (admin; never the secrets)', tag: 'tokens', ok: { status: 200, description: 'The tokens', schema: { type: 'array', items: { $ref: '#/components/schemas/ApiToken' } } } },
  { method: 'post', path: '/api/tokens', summary: 'Issue an API token (admin); the secret is in this reply only', tag: 'tokens', body: 'ApiTokenCreate', ok: { status: 201, description: 'Issued', schema: 'IssuedApiToken' } },
  { method: 'get', path: '/api/tokens/me', summary: 'Who this token is (any role)', tag: 'tokens', ok: { status: 200, description: 'The principal', schema: 'Principal' } },
  { method: 'delete', path: '/api/tokens/:id', summary: 'Revoke an API token (admin)', tag: 'tokens', ok: { status: 200, description: 'Revoked', schema: 'ApiToken' } },

  { method: 'get', path: `${C}/referrals/:id/pre-visit`, summary: "Read the referral's pre-visit outcome", tag: 'pathway', ok: { status: 200, description: 'Found', schema: object } },
  { method: 'put', path: `${C}/referrals/:id/pre-visit`, summary: 'Record or replace the pre-visit outcome', tag: 'pathway', body: 'PreVisitCreate', ok: { status: 200, description: 'Saved', schema: object } },
  { method: 'get', path: `${C}/referrals/:id/transitions`, summary: "The referral's pathway status and history", tag: 'pathway', ok: { status: 200, description: 'The pathway', schema: object } },
  { method: 'post', path: `${C}/referrals/:id/transitions`, summary: 'Move the referral along its pathway', tag: 'pathway', body: object, ok: { status: 201, description: 'Moved', schema: object } },
  { method: 'get', path: `${C}/referrals/:id/mdt-outcome`, summary: 'The MDT outcome of the ICC day', tag: 'pathway', ok: { status: 200, description: 'Found', schema: object } },
  { method: 'post', path: `${C}/referrals/:id/mdt-outcome`, summary: 'Record the MDT outcome: care plan and follow-up requests', tag: 'pathway', body: object, ok: { status: 201, description: 'Recorded', schema: object } },
  { method: 'post', path: `${C}/bookings/plan`, summary: 'Propose ICC-day and pre-visit dates for waiting referrals', tag: 'booking', body: object, ok: { status: 200, description: 'The proposal', schema: object } },
  { method: 'post', path: `${C}/bookings/confirm`, summary: 'Confirm proposed bookings', tag: 'booking', body: object, ok: { status: 200, description: 'Booked', schema: object } },
  { method: 'get', path: `${D}/pre-visit-rounds`, summary: "The support workers' pre-visit rounds for a date", tag: 'rounds', ok: { status: 200, description: 'The rounds', schema: object } },
  { method: 'get', path: `${C}/follow-ups`, summary: 'Follow-ups (filters: status, referralId…)', tag: 'follow-ups', ok: { status: 200, description: 'The follow-ups', schema: list } },
  { method: 'get', path: `${C}/follow-ups/types`, summary: "The centre's follow-up types", tag: 'follow-ups', ok: { status: 200, description: 'The types', schema: list } },
  { method: 'put', path: `${C}/follow-ups/types`, summary: "Replace the centre's follow-up types", tag: 'follow-ups', body: object, ok: { status: 200, description: 'Saved', schema: list } },
  { method: 'post', path: `${C}/follow-ups/plan`, summary: 'Book the requested follow-ups', tag: 'follow-ups', body: object, ok: { status: 200, description: 'Booked and unbooked with reasons', schema: object } },

  { method: 'post', path: `${C}/plan-jobs`, summary: 'Plan a day as a job (202; Location: the job)', tag: 'planning', body: object, ok: { status: 202, description: 'Queued', schema: object } },
  { method: 'get', path: `${C}/plan-jobs/:id`, summary: 'A planning job: status, progress, the plan so far', tag: 'planning', ok: { status: 200, description: 'The job', schema: object } },
  { method: 'post', path: `${C}/plan-jobs/:id/cancel`, summary: 'Cancel a planning job', tag: 'planning', ok: { status: 200, description: 'Cancelled', schema: object } },
  { method: 'delete', path: `${C}/plan-jobs/:id`, summary: 'Cancel a planning job', tag: 'planning', ok: { status: 200, description: 'Cancelled', schema: object } },

  { method: 'get', path: `${D}/plan`, summary: "The day's plan (newest, or ?status / ?version); ETag = version", tag: 'plans', query: ['status', 'version'], ok: { status: 200, description: 'The plan', schema: object } },
  { method: 'get', path: `${D}/plan/by-patient`, summary: 'The day by patient', tag: 'plans', query: ['status', 'version'], ok: { status: 200, description: 'Timetables', schema: object } },
  { method: 'get', path: `${D}/plan/by-staff`, summary: "The day by staff member (?staffId: one timetable; a clinician token must name itself)", tag: 'plans', query: ['status', 'version', 'staffId'], ok: { status: 200, description: 'Timetables', schema: object } },
  { method: 'get', path: `${D}/plan/by-room`, summary: 'The day by room', tag: 'plans', query: ['status', 'version'], ok: { status: 200, description: 'Timetables', schema: object } },
  { method: 'post', path: `${D}/plan/pins`, summary: 'Pin an activity (If-Match)', tag: 'plans', body: object, ok: planReply, more: planEdit },
  { method: 'delete', path: `${D}/plan/pins/:activityId`, summary: 'Unpin an activity (If-Match)', tag: 'plans', ok: planReply, more: planEdit },
  { method: 'post', path: `${D}/plan/moves`, summary: 'Move an activity by hand (If-Match; 422 with reasons)', tag: 'plans', body: object, ok: planReply, more: planEdit },
  { method: 'post', path: `${D}/plan/replan`, summary: 'Replan after a change, keeping the rest stable (If-Match)', tag: 'plans', body: object, ok: planReply, more: planEdit },
  { method: 'post', path: `${D}/plan/publish`, summary: 'Publish the newest version (If-Match)', tag: 'plans', ok: planReply, more: planEdit },
  { method: 'get', path: `${D}/timetable.html`, summary: "The coordinator's printable day timetable", tag: 'plans', ok: { status: 200, description: 'HTML', schema: { type: 'string' }, contentType: 'text/html' } },

  ...formats(`${D}/transport`, "The day's pickup and drop-off lists", 'transport'),
  { method: 'get', path: `${D}/transport/vehicles/:file`, summary: "One vehicle's run: <vehicleId>[.json|.csv|.html]", tag: 'transport', ok: { status: 200, description: 'The run', schema: {} } },
  ...formats(`${D}/rounds`, "The support workers' rounds", 'rounds'),
  { method: 'get', path: `${D}/rounds/:file`, summary: "One support worker's round: <staffId>[.json|.csv|.html]", tag: 'rounds', ok: { status: 200, description: 'The round', schema: {} } },

  { method: 'get', path: `${C}/feed-tokens`, summary: 'Feed tokens of the centre (never the secrets)', tag: 'feeds', ok: { status: 200, description: 'The tokens', schema: list } },
  { method: 'post', path: `${C}/feed-tokens`, summary: 'Issue a feed URL for a staff member, room, support worker, vehicle or patient (a clinician token: only its own staff feed)', tag: 'feeds', body: object, ok: { status: 201, description: 'Issued, with its URL (shown once)', schema: object } },
  { method: 'delete', path: `${C}/feed-tokens/:id`, summary: 'Revoke a feed URL', tag: 'feeds', ok: { status: 204, description: 'Revoked' } },
  { method: 'post', path: `${C}/feed-tokens/:id/reissue`, summary: 'Revoke and issue a new feed URL', tag: 'feeds', ok: { status: 201, description: 'Issued', schema: object } },
  { method: 'get', path: '/feeds/:file', summary: 'A subscribable iCal feed, /feeds/<token>.ics (the token is the credential)', tag: 'feeds', public: true, ok: { status: 200, description: 'iCalendar', schema: { type: 'string' }, contentType: 'text/calendar' }, more: { 304: 'Not modified (ETag / Last-Modified)' } },
];
