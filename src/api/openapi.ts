// The OpenAPI 3.1 description of the REST API, generated from the same zod schemas that
// validate requests, so the document cannot drift from what the service accepts.
import { z } from 'zod';
import * as domain from '../domain/index.ts';

type JsonSchema = Record<string, unknown>;

/** Request-body schemas (the input side: before defaults and normalisation). */
function bodySchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return json;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const errorResponse = (description: string) => ({ description, ...json(ref('Error')) });
const idParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });

/** Centre-owned resources: path segment, schema name, create and update schemas, list filters. */
const resources: { path: string; name: string; create: z.ZodType; update: z.ZodType; filters: string[] }[] = [
  { path: 'staff', name: 'StaffMember', create: domain.staffMemberCreateSchema, update: domain.staffMemberUpdateSchema, filters: ['discipline', 'active'] },
  { path: 'shifts', name: 'Shift', create: domain.shiftCreateSchema, update: domain.shiftUpdateSchema, filters: ['date', 'staffId'] },
  { path: 'rooms', name: 'Room', create: domain.roomCreateSchema, update: domain.roomUpdateSchema, filters: ['type'] },
  { path: 'assessment-types', name: 'AssessmentType', create: domain.assessmentTypeCreateSchema, update: domain.assessmentTypeUpdateSchema, filters: ['discipline', 'code'] },
  { path: 'precedence-rules', name: 'PrecedenceRule', create: domain.precedenceRuleCreateSchema, update: domain.precedenceRuleUpdateSchema, filters: [] },
  { path: 'patients', name: 'Patient', create: domain.patientCreateSchema, update: domain.patientUpdateSchema, filters: ['efiCategory', 'localRef'] },
  { path: 'referrals', name: 'Referral', create: domain.referralCreateSchema, update: domain.referralUpdateSchema, filters: ['status', 'patientId'] },
  { path: 'vehicles', name: 'Vehicle', create: domain.vehicleCreateSchema, update: domain.vehicleUpdateSchema, filters: [] },
];

const commonErrors = {
  400: errorResponse('Invalid input; details name each field'),
  404: errorResponse('Unknown centre or id'),
  409: errorResponse('Conflict: duplicate, or still referenced'),
};

function crudPaths(base: string, name: string, params: object[], filters: string[], bulk: boolean): Record<string, object> {
  const item = bulk ? { oneOf: [ref(`${name}Create`), { type: 'array', items: ref(`${name}Create`) }] } : ref(`${name}Create`);
  return {
    [base]: {
      get: {
        summary: `List ${name}`,
        parameters: [...params, ...filters.map((f) => ({ name: f, in: 'query', required: false, schema: { type: 'string' } }))],
        responses: { 200: { description: 'The list', ...json({ type: 'array', items: { type: 'object' } }) }, ...commonErrors },
      },
      post: {
        summary: bulk ? `Create one ${name}, or an array all-or-nothing` : `Create a ${name}`,
        parameters: params,
        requestBody: { required: true, ...json(item) },
        responses: { 201: { description: 'Created (with id, createdAt, updatedAt)' }, ...commonErrors },
      },
    },
    [`${base}/{id}`]: {
      parameters: [...params, idParam('id')],
      get: { summary: `Read a ${name}`, responses: { 200: { description: 'Found' }, ...commonErrors } },
      patch: { summary: `Update some fields of a ${name} (the result is re-checked whole)`, requestBody: { required: true, ...json(ref(`${name}Update`)) }, responses: { 200: { description: 'Updated' }, ...commonErrors } },
      delete: { summary: `Delete a ${name}`, responses: { 204: { description: 'Deleted' }, ...commonErrors } },
    },
  };
}

/** The OpenAPI document served at GET /api/openapi.json. */
export function openApiDocument(): Record<string, unknown> {
  const schemas: Record<string, JsonSchema> = {
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message', 'details'],
          properties: {
            code: { type: 'string', examples: ['validation_failed', 'not_found', 'conflict', 'reference_not_found', 'still_referenced'] },
            message: { type: 'string' },
            details: { description: 'For validation: [{ path, message }] naming each field', anyOf: [{ type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } }, { type: 'object' }, { type: 'null' }] },
          },
        },
      },
    },
    CentreCreate: bodySchema(domain.centreCreateSchema),
    CentreUpdate: bodySchema(domain.centreUpdateSchema),
    PreVisitCreate: bodySchema(domain.preVisitCreateSchema),
  };
  for (const r of resources) {
    schemas[`${r.name}Create`] = bodySchema(r.create);
    schemas[`${r.name}Update`] = bodySchema(r.update);
  }

  const centreParam = [idParam('centreId')];
  const paths: Record<string, object> = {
    '/health': { get: { summary: 'Service and database health', responses: { 200: { description: 'Up' }, 503: errorResponse('Database unreachable') } } },
  };
  const centrePaths = crudPaths('/api/centres', 'Centre', [], [], false);
  paths['/api/centres'] = centrePaths['/api/centres']!;
  paths['/api/centres/{centreId}'] = JSON.parse(JSON.stringify(centrePaths['/api/centres/{id}']).replaceAll('"name":"id"', '"name":"centreId"'));
  for (const r of resources) Object.assign(paths, crudPaths(`/api/centres/{centreId}/${r.path}`, r.name, centreParam, r.filters, r.path !== 'referrals'));
  paths['/api/centres/{centreId}/referrals/{id}/pre-visit'] = {
    parameters: [...centreParam, idParam('id')],
    get: { summary: "Read the referral's pre-visit outcome", responses: { 200: { description: 'Found' }, ...commonErrors } },
    put: { summary: 'Record or replace the pre-visit outcome', requestBody: { required: true, ...json(ref('PreVisitCreate')) }, responses: { 200: { description: 'Saved' }, ...commonErrors } },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'ICC scheduler API',
      version: '0.1.0',
      description: 'Centres, staff and rota, rooms, assessment catalogue, patients, referrals and vehicles of one-stop integrated care centres. Send x-actor to name yourself in the audit log.',
    },
    paths,
    components: { schemas },
  };
}
