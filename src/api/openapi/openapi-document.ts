// The OpenAPI 3.1 document served at GET /openapi.json: component schemas from the zod
// schemas, the centre resources' CRUD generated from one list, every other operation from the
// route table, and the bearer-token security scheme (public operations say security: []).
import type { ErrorStatus } from '../../errors/error-body.ts';
import { JSON_BODY_LIMIT } from '../json-body.ts';
import { componentSchemas, errorComponentByStatus, resources, type ComponentName, type JsonSchema } from './component-schemas.ts';
import { recordEtagHeader, routeTable, staleRecord, type RouteDoc } from './route-table.ts';
import { fhirRouteDocs, operationOutcomeSchema } from '../../fhir/fhir-openapi.ts';
import { FHIR_JSON } from '../../fhir/uk-core.ts';
import { NEXT_CURSOR_HEADER, standardLimits, type PageLimits } from '../pagination.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const schemaOf = (schema: ComponentName | JsonSchema) => (typeof schema === 'string' ? ref(schema) : schema);
const json = (schema: unknown, contentType = 'application/json') => ({ content: { [contentType]: { schema } } });

/** /api/centres/:centreId/x/:id → /api/centres/{centreId}/x/{id} */
export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

const errorDescriptions: Record<ErrorStatus, string> = {
  400: 'Invalid input; details name each field',
  401: 'No API token, or an unknown or revoked one',
  403: "The token's role or centre does not allow this",
  404: 'Unknown centre or id',
  409: 'Conflict: duplicate, or still referenced',
  412: 'Precondition failed',
  413: `The request body is larger than the JSON body limit (${JSON_BODY_LIMIT}; details.limitBytes)`,
  422: 'Unprocessable',
  428: 'Precondition required',
  500: 'An unexpected failure, logged by the service; the reply says only "Internal error"',
  503: 'The service is shutting down or its database is unreachable: try again after Retry-After seconds',
};

/**
 * The error statuses of a route: a token-checked one may answer 400, 401, 403 and 404; one that
 * writes also 409, and 413 when it takes a body; any route 500 and 503; plus the route's own.
 */
function errorStatuses(route: RouteDoc): Partial<Record<ErrorStatus, string>> {
  const usual: ErrorStatus[] = route.public ? [] : [400, 401, 403, 404];
  if (!route.public && route.method !== 'get') usual.push(409);
  if (route.body !== undefined) usual.push(413);
  usual.push(500, 503);
  return { ...Object.fromEntries(usual.map((status) => [status, errorDescriptions[status]])), ...route.errors };
}

function pathParameters(expressPath: string) {
  return [...expressPath.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: name === 'date' ? { type: 'string', format: 'date' }
      : name === 'file' || name === 'activityId' || name === 'visitId' ? { type: 'string' }
      : name === 'id' && expressPath.startsWith('/fhir/') ? { type: 'string', pattern: '^[A-Za-z0-9\\-\\.]{1,64}$', description: 'A FHIR id' }
      : { type: 'string', format: 'uuid' },
  }));
}

/** Every 201 names what it created (src/api/created.ts); a route may say more precisely what. */
const createdLocation = 'Where to GET what was created: the new record, or for an array the collection';

function successResponse(ok: RouteDoc['ok']): object {
  if (ok.status === 201 && ok.headers?.Location === undefined) ok = { ...ok, headers: { ...ok.headers, Location: createdLocation } };
  const content = ok.schema === undefined ? {} : {
    content: {
      [ok.contentType ?? 'application/json']: { schema: schemaOf(ok.schema) },
      ...Object.fromEntries((ok.alternatives ?? []).map((type) => [type, { schema: { type: 'string' } }])),
    },
  };
  const headers = ok.headers === undefined ? {} : {
    headers: Object.fromEntries(Object.entries(ok.headers).map(([name, header]) => [
      name,
      typeof header === 'string' ? { description: header, required: true, schema: { type: 'string' } } : { ...header, schema: { type: 'string' } },
    ])),
  };
  return { description: ok.description, ...content, ...headers };
}

/** A write that answers 412 takes If-Match (required where it answers 428 without one). */
function ifMatchParameter(route: RouteDoc) {
  const statuses = errorStatuses(route);
  if (statuses[412] === undefined) return [];
  const required = statuses[428] !== undefined;
  return [{ name: 'If-Match', in: 'header', required, schema: { type: 'string' }, description: `The ETag of the copy this change was made from${required ? '' : ' (optional: without it the change is applied to whatever is current)'}` }];
}

const pageLimitDescription = (limits: PageLimits) => `How many items a page holds (1 to ${limits.maxLimit}; default ${limits.defaultLimit})`;
const cursorDescription = `Where the page starts: the ${NEXT_CURSOR_HEADER} of the previous page (also in its Link header). Opaque; an altered cursor, or one from another list, is a 400 naming cursor`;

/** Shared by every paged list: ?limit and ?cursor in, the next page's Link and cursor out. */
const pagingComponents = {
  parameters: {
    PageLimit: { name: 'limit', in: 'query', required: false, description: pageLimitDescription(standardLimits), schema: { type: 'integer', minimum: 1, maximum: standardLimits.maxLimit, default: standardLimits.defaultLimit } },
    PageCursor: { name: 'cursor', in: 'query', required: false, description: cursorDescription, schema: { type: 'string', maxLength: 4000 } },
  },
  headers: {
    NextPageLink: { description: 'The next page: <absolute URL>; rel="next" (RFC 8288). Absent on the last page', required: false, schema: { type: 'string' } },
    NextPageCursor: { description: "The next page's cursor (send it as ?cursor=). Absent on the last page", required: false, schema: { type: 'string' } },
  },
};

function pagingParameters(paged: RouteDoc['paged']): object[] {
  if (paged === undefined) return [];
  const cursor = { $ref: '#/components/parameters/PageCursor' };
  if (paged === true) return [{ $ref: '#/components/parameters/PageLimit' }, cursor];
  return [{ ...pagingComponents.parameters.PageLimit, description: pageLimitDescription(paged), schema: { type: 'integer', minimum: 1, maximum: paged.maxLimit, default: paged.defaultLimit } }, cursor];
}

const pagingHeaders = { Link: { $ref: '#/components/headers/NextPageLink' }, [NEXT_CURSOR_HEADER]: { $ref: '#/components/headers/NextPageCursor' } };

const withPagingHeaders = (response: object) => ({ ...response, headers: { ...(response as { headers?: object }).headers, ...pagingHeaders } });

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A unique operationId from the method and path: get /api/centres/:centreId/patients/:id → getCentresByCentreIdPatientsById. */
export function operationIdOf(method: string, expressPath: string): string {
  const words = expressPath.split('/').filter((seg) => seg !== '' && seg !== 'api')
    .map((seg) => (seg.startsWith(':') ? `By${capitalised(seg.slice(1))}` : seg.split(/[^A-Za-z0-9]+/).filter(Boolean).map(capitalised).join('')));
  return `${method}${words.join('')}`;
}

function operation(route: RouteDoc): object {
  const fhir = route.path.startsWith('/fhir/');
  const errors = Object.entries(errorStatuses(route)).map(([status, description]) => [status, {
    description,
    // The FHIR API's errors are OperationOutcomes (src/fhir/operation-outcome.ts).
    ...(fhir ? json(ref('OperationOutcome'), FHIR_JSON) : json(ref(errorComponentByStatus[Number(status) as ErrorStatus]))),
    ...(status === '503' ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again', required: true, schema: { type: 'integer', minimum: 1 } } } } : {}),
  }]);
  return {
    operationId: operationIdOf(route.method, route.path),
    summary: route.summary,
    tags: [route.tag],
    ...(route.public ? { security: [] } : {}),
    parameters: [
      ...pathParameters(route.path), ...(route.query ?? []).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
      ...pagingParameters(route.paged), ...ifMatchParameter(route),
    ],
    ...(route.body === undefined ? {} : {
      requestBody: {
        required: !route.bodyOptional,
        content: Object.fromEntries((route.bodyTypes ?? ['application/json']).map((type) => [type, { schema: schemaOf(route.body!) }])),
      },
    }),
    responses: {
      [route.ok.status]: route.paged ? withPagingHeaders(successResponse(route.ok)) : successResponse(route.ok),
      ...(route.alsoOk ? { [route.alsoOk.status]: successResponse({ ...route.ok, ...route.alsoOk }) } : {}),
      ...(route.notModified ? { 304: { description: route.notModified } } : {}),
      ...Object.fromEntries(errors),
    },
  };
}


/** CRUD of one collection: list and create at base, read, update and delete at base/:idName. */
function crudRoutes(base: string, idName: string, name: (typeof resources)[number]['name'] | 'Centre', tag: string, filters: readonly string[], bulk: boolean, listSummary = `List ${name}`): RouteDoc[] {
  const item = `${base}/:${idName}`;
  const created = bulk ? { oneOf: [ref(name), { type: 'array', items: ref(name) }] } : ref(name);
  return [
    { method: 'get', path: base, summary: listSummary, tag, query: [...filters], paged: true, ok: { status: 200, description: 'The list', schema: { type: 'array', items: ref(name) } } },
    { method: 'post', path: base, summary: bulk ? `Create one ${name}, or an array all-or-nothing` : `Create a ${name}`, tag, body: bulk ? { oneOf: [ref(`${name}Create`), { type: 'array', items: ref(`${name}Create`) }] } : `${name}Create`, ok: { status: 201, description: 'Created', schema: created } },
    { method: 'get', path: item, summary: `Read a ${name}`, tag, ok: { status: 200, description: 'Found', schema: name, headers: recordEtagHeader } },
    { method: 'patch', path: item, summary: `Update some fields of a ${name} (the result is re-checked whole; If-Match optional)`, tag, body: `${name}Update`, ok: { status: 200, description: 'Updated', schema: name, headers: recordEtagHeader }, errors: staleRecord },
    { method: 'delete', path: item, summary: `Delete a ${name} (If-Match optional)`, tag, ok: { status: 204, description: 'Deleted' }, errors: staleRecord },
  ];
}

/** Every documented operation, generated CRUD first. */
export function documentedRoutes(): RouteDoc[] {
  return [
    ...crudRoutes('/api/centres', 'centreId', 'Centre', 'centres', [], false),
    ...resources.flatMap((r) => crudRoutes(`/api/centres/:centreId/${r.path}`, 'id', r.name, r.path, r.filters, true, 'listSummary' in r ? r.listSummary : undefined)),
    ...routeTable,
    ...fhirRouteDocs,
  ];
}

/** The OpenAPI document served at GET /openapi.json. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, object>> = {};
  const operationIds = new Set<string>();
  for (const route of documentedRoutes()) {
    const path = openApiPath(route.path);
    if (paths[path]?.[route.method]) throw new Error(`openApiDocument: ${route.method} ${path} is documented twice`);
    const op = operation(route) as { operationId: string };
    // /openapi.json and its former address /api/openapi.json would share one id.
    while (operationIds.has(op.operationId)) op.operationId = `${op.operationId}Alias`;
    operationIds.add(op.operationId);
    (paths[path] ??= {})[route.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ICC scheduler API',
      version: '0.1.0',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Scheduling for one-stop integrated care centres: centres, rota, rooms, catalogue, patients, referrals, booking, planning jobs, plans, transport lists, rounds and iCal feeds. '
        + 'Send an API token as Authorization: Bearer <token>; roles: admin (everything), coordinator (everything at their centre), clinician (their own timetable), transport (transport lists and rounds). '
        + 'Reads of patient-identifiable data are recorded in the audit log. '
        + `Every list is read a page at a time: ?limit (default ${standardLimits.defaultLimit}, at most ${standardLimits.maxLimit}) and ?cursor; the reply is a JSON array, and while more follow it carries the next page's address as Link: <…>; rel="next" and its cursor as ${NEXT_CURSOR_HEADER}.`,
    },
    servers: [{ url: 'http://localhost:3000', description: 'npm start on this machine (PORT, default 3000)' }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      schemas: { ...componentSchemas(), OperationOutcome: operationOutcomeSchema },
      ...pagingComponents,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token issued by an admin (POST /api/tokens), or the bootstrap admin token' } },
    },
  };
}
