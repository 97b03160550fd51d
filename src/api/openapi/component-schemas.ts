// The JSON Schemas of the OpenAPI document, generated from the zod schemas that validate the
// API's input (request bodies: io 'input') and from the document schemas plus the stored
// fields (responses: io 'output'), so the description cannot drift from what the code does.
import { z } from 'zod';
import { apiTokenCreateSchema, roles } from '../../auth/api-token-service.ts';
import * as domain from '../../domain/index.ts';

export type JsonSchema = Record<string, unknown>;

function toJson(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return json;
}

/** A request body: what the service accepts, before defaults. */
export const bodySchema = (schema: z.ZodType) => toJson(schema, 'input');

const uuid = { type: 'string', format: 'uuid' };
const timestamp = { type: 'string', description: 'ISO 8601 date-time' };

/** A stored record: the document after defaults, plus id, timestamps and (centre-owned) centreId. */
function storedSchema(document: z.ZodType, centreOwned: boolean): JsonSchema {
  const json = toJson(document, 'output') as JsonSchema & { properties: Record<string, unknown>; required?: string[] };
  const extra: Record<string, unknown> = { id: uuid, createdAt: timestamp, updatedAt: timestamp, ...(centreOwned ? { centreId: uuid } : {}) };
  return { ...json, properties: { ...json.properties, ...extra }, required: [...(json.required ?? []), ...Object.keys(extra)] };
}

/** Centre-owned resources served by the generic resource router: path segment, schema names, zod schemas, list filters. */
export const resources = [
  { path: 'staff', name: 'StaffMember', document: domain.staffMemberDocumentSchema, create: domain.staffMemberCreateSchema, update: domain.staffMemberUpdateSchema, filters: ['discipline', 'active'] },
  { path: 'shifts', name: 'Shift', document: domain.shiftDocumentSchema, create: domain.shiftCreateSchema, update: domain.shiftUpdateSchema, filters: ['date', 'staffId'] },
  { path: 'rooms', name: 'Room', document: domain.roomDocumentSchema, create: domain.roomCreateSchema, update: domain.roomUpdateSchema, filters: ['type'] },
  { path: 'assessment-types', name: 'AssessmentType', document: domain.assessmentTypeDocumentSchema, create: domain.assessmentTypeCreateSchema, update: domain.assessmentTypeUpdateSchema, filters: ['discipline', 'code'] },
  { path: 'precedence-rules', name: 'PrecedenceRule', document: domain.precedenceRuleDocumentSchema, create: domain.precedenceRuleCreateSchema, update: domain.precedenceRuleUpdateSchema, filters: [] },
  { path: 'patients', name: 'Patient', document: domain.patientDocumentSchema, create: domain.patientCreateSchema, update: domain.patientUpdateSchema, filters: ['efiCategory', 'localRef'] },
  { path: 'referrals', name: 'Referral', document: domain.referralDocumentSchema, create: domain.referralCreateSchema, update: domain.referralUpdateSchema, filters: ['status', 'patientId'] },
  { path: 'vehicles', name: 'Vehicle', document: domain.vehicleDocumentSchema, create: domain.vehicleCreateSchema, update: domain.vehicleUpdateSchema, filters: [] },
] as const;

const apiToken = {
  type: 'object',
  required: ['id', 'name', 'role', 'centreId', 'staffId', 'createdBy', 'revokedAt', 'createdAt', 'updatedAt'],
  additionalProperties: false,
  properties: {
    id: uuid,
    name: { type: 'string' },
    role: { enum: [...roles] },
    centreId: { anyOf: [uuid, { type: 'null' }] },
    staffId: { anyOf: [uuid, { type: 'null' }] },
    createdBy: { type: 'string' },
    revokedAt: { anyOf: [timestamp, { type: 'null' }] },
    createdAt: timestamp,
    updatedAt: timestamp,
  },
};

export function componentSchemas(): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message', 'details'],
          properties: {
            code: { type: 'string', examples: ['validation_failed', 'not_found', 'conflict', 'unauthorized', 'forbidden', 'precondition_failed', 'plan_rejected'] },
            message: { type: 'string' },
            details: { description: 'For validation: [{ path, message }] naming each field', anyOf: [{ type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } }, { type: 'object' }, { type: 'null' }] },
          },
        },
      },
    },
    Health: {
      type: 'object',
      required: ['status', 'database'],
      properties: {
        status: { const: 'ok' },
        database: { type: 'object', required: ['engine', 'latencyMs'], properties: { engine: { enum: ['pglite', 'postgres'] }, latencyMs: { type: 'number', minimum: 0 } } },
      },
    },
    Centre: storedSchema(domain.centreDocumentSchema, false),
    CentreCreate: bodySchema(domain.centreCreateSchema),
    CentreUpdate: bodySchema(domain.centreUpdateSchema),
    PreVisitCreate: bodySchema(domain.preVisitCreateSchema),
    ApiToken: apiToken,
    ApiTokenCreate: bodySchema(apiTokenCreateSchema),
    IssuedApiToken: {
      ...apiToken,
      required: [...apiToken.required, 'token'],
      properties: { ...apiToken.properties, token: { type: 'string', description: 'The secret, shown only in this reply; send it as Authorization: Bearer <token>' } },
    },
    Principal: {
      type: 'object',
      required: ['tokenId', 'name', 'role', 'centreId', 'staffId'],
      additionalProperties: false,
      properties: { tokenId: uuid, name: { type: 'string' }, role: { enum: [...roles] }, centreId: { anyOf: [uuid, { type: 'null' }] }, staffId: { anyOf: [uuid, { type: 'null' }] } },
    },
  };
  for (const r of resources) {
    schemas[r.name] = storedSchema(r.document, true);
    schemas[`${r.name}Create`] = bodySchema(r.create);
    schemas[`${r.name}Update`] = bodySchema(r.update);
  }
  return schemas;
}
