// The OpenAPI 3.1 document served at GET /openapi.json: component schemas from the zod
// schemas, the centre resources' CRUD generated from one list, every other operation from the
// route table, and the bearer-token security scheme (public operations say security: []).
import { componentSchemas, resources, type JsonSchema } from './component-schemas.ts';
import { routeTable, type RouteDoc } from './route-table.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const schemaOf = (schema: string | JsonSchema) => (typeof schema === 'string' ? ref(schema) : schema);
const json = (schema: unknown, contentType = 'application/json') => ({ content: { [contentType]: { schema } } });
const errorResponse = (description: string) => ({ description, ...json(ref('Error')) });

/** /api/centres/:centreId/x/:id → /api/centres/{centreId}/x/{id} */
export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

const commonErrors = {
  400: errorResponse('Invalid input; details name each field'),
  401: errorResponse('No API token, or an unknown or revoked one'),
  403: errorResponse("The token's role or centre does not allow this"),
  404: errorResponse('Unknown centre or id'),
  409: errorResponse('Conflict: duplicate, or still referenced'),
};
const publicErrors = { 400: commonErrors[400], 404: commonErrors[404] };

function pathParameters(expressPath: string) {
  return [...expressPath.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: name === 'date' ? { type: 'string', format: 'date' } : name === 'file' || name === 'activityId' ? { type: 'string' } : { type: 'string', format: 'uuid' },
  }));
}

function operation(route: RouteDoc): object {
  const { ok } = route;
  const more = Object.fromEntries(Object.entries(route.more ?? {}).map(([status, description]) => [status, Number(status) === 304 ? { description } : errorResponse(description)]));
  return {
    summary: route.summary,
    tags: [route.tag],
    ...(route.public ? { security: [] } : {}),
    parameters: [...pathParameters(route.path), ...(route.query ?? []).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }))],
    ...(route.body === undefined ? {} : { requestBody: { required: true, ...json(schemaOf(route.body)) } }),
    responses: {
      [ok.status]: { description: ok.description, ...(ok.schema === undefined ? {} : json(schemaOf(ok.schema), ok.contentType)) },
      ...(route.public ? publicErrors : commonErrors),
      ...more,
    },
  };
}

/** CRUD of one collection: list and create at base, read, update and delete at base/:idName. */
function crudRoutes(base: string, idName: string, name: string, tag: string, filters: readonly string[], bulk: boolean): RouteDoc[] {
  const item = `${base}/:${idName}`;
  const created = bulk ? { oneOf: [ref(name), { type: 'array', items: ref(name) }] } : ref(name);
  return [
    { method: 'get', path: base, summary: `List ${name}`, tag, query: [...filters], ok: { status: 200, description: 'The list', schema: { type: 'array', items: ref(name) } } },
    { method: 'post', path: base, summary: bulk ? `Create one ${name}, or an array all-or-nothing` : `Create a ${name}`, tag, body: bulk ? { oneOf: [ref(`${name}Create`), { type: 'array', items: ref(`${name}Create`) }] } : `${name}Create`, ok: { status: 201, description: 'Created', schema: created } },
    { method: 'get', path: item, summary: `Read a ${name}`, tag, ok: { status: 200, description: 'Found', schema: name } },
    { method: 'patch', path: item, summary: `Update some fields of a ${name} (the result is re-checked whole)`, tag, body: `${name}Update`, ok: { status: 200, description: 'Updated', schema: name } },
    { method: 'delete', path: item, summary: `Delete a ${name}`, tag, ok: { status: 204, description: 'Deleted' } },
  ];
}

/** Every documented operation, generated CRUD first. */
export function documentedRoutes(): RouteDoc[] {
  return [
    ...crudRoutes('/api/centres', 'centreId', 'Centre', 'centres', [], false),
    ...resources.flatMap((r) => crudRoutes(`/api/centres/:centreId/${r.path}`, 'id', r.name, r.path, r.filters, r.path !== 'referrals')),
    ...routeTable,
  ];
}

/** The OpenAPI document served at GET /openapi.json. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of documentedRoutes()) {
    const path = openApiPath(route.path);
    if (paths[path]?.[route.method]) throw new Error(`openApiDocument: ${route.method} ${path} is documented twice`);
    (paths[path] ??= {})[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ICC scheduler API',
      version: '0.1.0',
      description:
        'Scheduling for one-stop integrated care centres: centres, rota, rooms, catalogue, patients, referrals, booking, planning jobs, plans, transport lists, rounds and iCal feeds. '
        + 'Send an API token as Authorization: Bearer <token>; roles: admin (everything), coordinator (everything at their centre), clinician (their own timetable), transport (transport lists and rounds). '
        + 'Reads of patient-identifiable data are recorded in the audit log.',
    },
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token issued by an admin (POST /api/tokens), or the bootstrap admin token' } },
    },
  };
}
