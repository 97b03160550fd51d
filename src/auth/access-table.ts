// THE access table: every route of the API, by method and path pattern, with the roles that
// may call it and how each role's scope is checked. The first matching rule wins, so specific
// rules come before the broader ones under the same prefix. Admin tokens may do everything;
// a request no rule matches is admin-only, and a test fails when an app route has no rule.
import { match, type MatchFunction } from 'path-to-regexp';
import type { Role } from '../db/repositories/api-tokens.ts';

/**
 * How a role's token is held to its scope:
 * - 'any': any token of the role (no centre or staff check)
 * - 'centre': the path's :centreId must be the token's centre
 * - 'own-staff': 'centre', and the ?staffId query must be the token's staff member
 * - 'own-feed': 'centre', and the JSON body must ask for the token's own staff feed
 *   ({ kind: 'staff', ownerId: <the token's staff id> })
 */
export type Scope = 'any' | 'centre' | 'own-staff' | 'own-feed';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AccessRule {
  /** Methods the rule covers; '*' = all. HEAD is treated as GET. */
  methods: Method[] | '*';
  /** An Express (path-to-regexp v8) pattern over the full path, e.g. /api/centres/:centreId/patients{/*rest}. */
  path: string;
  /** No token needed (the route is its own credential or holds nothing private). */
  public?: true;
  /** Non-admin roles allowed, each with its scope; admin is always allowed. */
  allow?: Partial<Record<Exclude<Role, 'admin'>, Scope>>;
  /**
   * Responses here carry patient-identifiable data: audit each as a read of this entity — a
   * GET before the route runs, a write (POST/PUT/PATCH/DELETE) when its successful response
   * has a body (a 204 discloses nothing). The id is the path's `idParam`, else the body's `id`.
   */
  audit?: { entity: string; idParam?: string };
}

const C = '/api/centres/:centreId';
const GET: Method[] = ['GET'];
const WRITE: Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
const centreStaff = { coordinator: 'centre' } as const;

export const accessTable: readonly AccessRule[] = [
  // Public: the health check, the API description, and iCal feeds (the URL token is the credential).
  { methods: GET, path: '/health', public: true },
  { methods: GET, path: '/openapi.json', public: true },
  { methods: GET, path: '/api/openapi.json', public: true },
  { methods: GET, path: '/feeds/:file', public: true },
  // The web app's page and bundle hold no data; signing in happens in the browser with a token.
  { methods: GET, path: '/', public: true },
  { methods: GET, path: '/app/*rest', public: true },

  // Tokens: admins manage them; any token may ask who it is.
  { methods: GET, path: '/api/tokens/me', allow: { coordinator: 'any', clinician: 'any', transport: 'any' } },
  { methods: '*', path: '/api/tokens{/*rest}' },
  // Operations: metrics and the audit log are admin-only; reading the audit log is itself audited.
  { methods: GET, path: '/metrics' },
  { methods: GET, path: '/api/audit-log', audit: { entity: 'audit-log' } },

  // Centres: the list and creation are admin-only; each centre's own tokens may read it.
  { methods: GET, path: '/api/centres' },
  { methods: ['POST'], path: '/api/centres' },
  { methods: GET, path: C, allow: { coordinator: 'centre', clinician: 'centre', transport: 'centre' } },
  { methods: ['PATCH'], path: C, allow: centreStaff },
  { methods: ['DELETE'], path: C },

  // Patient-identifiable records: the coordinator only. Their write responses (the record
  // created or updated, a referral's pathway, booking proposals, a job) are audited too.
  { methods: '*', path: `${C}/patients{/:id}`, allow: centreStaff, audit: { entity: 'patient', idParam: 'id' } },
  { methods: '*', path: `${C}/referrals{/:id}{/*rest}`, allow: centreStaff, audit: { entity: 'referral', idParam: 'id' } },
  // The centre's follow-up types name no patient.
  { methods: ['GET', 'PUT'], path: `${C}/follow-ups/types`, allow: centreStaff },
  { methods: '*', path: `${C}/follow-ups{/*rest}`, allow: centreStaff, audit: { entity: 'follow-up' } },
  { methods: '*', path: `${C}/bookings{/*rest}`, allow: centreStaff, audit: { entity: 'booking' } },
  { methods: '*', path: `${C}/outreach-bookings{/*rest}`, allow: centreStaff, audit: { entity: 'outreach-booking' } },
  { methods: '*', path: `${C}/days/:date/outreach-plan{/*rest}`, allow: centreStaff, audit: { entity: 'outreach-plan', idParam: 'date' } },
  { methods: GET, path: `${C}/days/:date/outreach-round.html`, allow: centreStaff, audit: { entity: 'outreach-round', idParam: 'date' } },
  { methods: '*', path: `${C}/plan-jobs{/:id}{/*rest}`, allow: centreStaff, audit: { entity: 'plan-job', idParam: 'id' } },
  // A clinician may issue the subscribable feed of their own timetable.
  { methods: ['POST'], path: `${C}/feed-tokens`, allow: { coordinator: 'centre', clinician: 'own-feed' } },
  { methods: '*', path: `${C}/feed-tokens{/*rest}`, allow: centreStaff },
  // Webhook endpoints and their deliveries (payloads carry record ids, never names or NHS numbers).
  { methods: '*', path: `${C}/webhooks{/*rest}`, allow: centreStaff },

  // The centre's set-up (no patient data); transport may read its vehicles.
  { methods: '*', path: `${C}/staff{/*rest}`, allow: centreStaff },
  { methods: '*', path: `${C}/shifts{/*rest}`, allow: centreStaff },
  { methods: '*', path: `${C}/rooms{/*rest}`, allow: centreStaff },
  { methods: '*', path: `${C}/assessment-types{/*rest}`, allow: centreStaff },
  { methods: '*', path: `${C}/precedence-rules{/*rest}`, allow: centreStaff },
  { methods: GET, path: `${C}/vehicles{/*rest}`, allow: { coordinator: 'centre', transport: 'centre' } },
  { methods: WRITE, path: `${C}/vehicles{/*rest}`, allow: centreStaff },
  // Care-home outreach set-up: homes (no patient data) and the team that goes out on a date.
  { methods: '*', path: `${C}/care-homes{/*rest}`, allow: centreStaff },
  { methods: '*', path: `${C}/outreach-days{/*rest}`, allow: centreStaff },

  // FHIR R4 (src/fhir): the CapabilityStatement names no patient; everything else is the
  // coordinator's and audited as a read, by the path's resource (e.g. "Appointment/<id>").
  { methods: GET, path: '/fhir/r4/:centreId/metadata', allow: { coordinator: 'centre', clinician: 'centre', transport: 'centre' } },
  { methods: '*', path: '/fhir/r4/:centreId{/*rest}', allow: centreStaff, audit: { entity: 'fhir', idParam: 'rest' } },

  // A day's plan: a clinician may read their own timetable (by-staff with ?staffId=<theirs>).
  { methods: GET, path: `${C}/days/:date/plan/by-staff`, allow: { coordinator: 'centre', clinician: 'own-staff' }, audit: { entity: 'day-plan', idParam: 'date' } },
  { methods: '*', path: `${C}/days/:date/plan{/*rest}`, allow: centreStaff, audit: { entity: 'day-plan', idParam: 'date' } },
  // Transport lists and the support workers' rounds: transport reads its centre's.
  // (…/transport, …/transport.csv|.html|.json, …/transport/vehicles/<id>.csv; likewise rounds.)
  ...(['transport', 'rounds'] as const).flatMap((list): AccessRule[] => [`${C}/days/:date/${list}{.:format}`, `${C}/days/:date/${list}/*rest`].map((path) => ({
    methods: GET, path, allow: { coordinator: 'centre', transport: 'centre' }, audit: { entity: list === 'transport' ? 'transport-list' : 'rounds', idParam: 'date' },
  }))),
  // The router's raw rounds carry home coordinates: a coordinator's planning view; transport reads …/rounds.
  { methods: GET, path: `${C}/days/:date/pre-visit-rounds{/*rest}`, allow: { coordinator: 'centre' }, audit: { entity: 'pre-visit-rounds', idParam: 'date' } },
  // The patient's letter (name, times, who they see): the coordinator's, each read on record.
  { methods: GET, path: `${C}/days/:date/patients/:patientId/:file`, allow: { coordinator: 'centre' }, audit: { entity: 'patient-letter', idParam: 'patientId' } },
  // Anything else about a day (printable timetables, future views) is the coordinator's.
  { methods: GET, path: `${C}/days{/*rest}`, allow: centreStaff, audit: { entity: 'day' } },
  { methods: WRITE, path: `${C}/days{/*rest}`, allow: centreStaff },
];

export interface RuleMatch {
  rule: AccessRule;
  params: Record<string, string>;
}

const compiled: { rule: AccessRule; matches: MatchFunction<Record<string, string | string[]>> }[] = accessTable.map((rule) => ({
  rule,
  matches: match<Record<string, string | string[]>>(rule.path, { decode: decodeURIComponent, trailing: true }),
}));

const covers = (rule: AccessRule, method: string) => {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return rule.methods === '*' || (rule.methods as string[]).includes(m);
};

/** The first rule covering this method and full path (with its path parameters), if any. */
export function findAccessRule(method: string, path: string): RuleMatch | undefined {
  for (const { rule, matches } of compiled) {
    if (!covers(rule, method)) continue;
    let found: ReturnType<typeof matches>;
    try {
      found = matches(path);
    } catch {
      continue; // a malformed %-escape cannot name a route
    }
    if (!found) continue;
    const params = Object.fromEntries(Object.entries(found.params).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : String(v)]));
    return { rule, params };
  }
  return undefined;
}
