// Holds real HTTP replies to the OpenAPI document: the status must be documented for the
// operation, the media type one the operation lists, a JSON body valid against the documented
// schema (ajv, draft 2020-12, formats checked), the required headers present, and a reply
// documented without content empty. Remembers what it checked, so a suite can prove that every
// documented operation was answered for real.
import type request from 'supertest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { openApiDocument, openApiPath } from '../../src/api/openapi/openapi-document.ts';

interface MediaType { schema: object }
interface Response { content?: Record<string, MediaType>; headers?: Record<string, { required?: boolean }> }
export interface Operation { tags: string[]; security?: unknown[]; responses: Record<string, Response> }
export interface Doc { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object>; securitySchemes: Record<string, unknown> }; security: unknown[] }

export const doc = openApiDocument() as unknown as Doc;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const compiled = new Map<string, ValidateFunction>();

/** The validator of a documented schema (its $refs resolve against the document's components). */
export function validatorFor(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile({ ...schema, components: doc.components });
    compiled.set(key, validate);
  }
  return validate;
}

/** A checked reply: "get /api/centres/{centreId} 200". */
export const replyKey = (method: string, expressPath: string, status: number) => `${method} ${openApiPath(expressPath)} ${status}`;

export function createReplyChecker() {
  const checked = new Set<string>();

  /** Fails unless `res` is a documented reply of `method expressPath`; returns the JSON schema it was held to, if any. */
  function expectDocumented(method: string, expressPath: string, res: request.Response): object | undefined {
    const where = `${method} ${expressPath} → ${res.status}`;
    const operation = doc.paths[openApiPath(expressPath)]?.[method];
    expect(operation, `${method} ${expressPath} is documented`).toBeDefined();
    const documented = operation!.responses[String(res.status)];
    expect(documented, `${method} ${expressPath} documents status ${res.status}`).toBeDefined();
    for (const [name, header] of Object.entries(documented!.headers ?? {})) {
      if (header.required) expect(res.headers[name.toLowerCase()], `${where}: header ${name}`).toBeDefined();
    }
    checked.add(replyKey(method, expressPath, res.status));
    if (!documented!.content) {
      expect(res.text ?? '', `${where}: documented without content`).toBe('');
      return undefined;
    }
    const mediaType = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
    expect(Object.keys(documented!.content), `${where}: media type`).toContain(mediaType);
    if (mediaType !== 'application/json') {
      expect(res.text, `${where}: a ${mediaType} body`).not.toBe('');
      return undefined;
    }
    const schema = documented!.content[mediaType]!.schema;
    const validate = validatorFor(schema);
    expect(validate(res.body) ? [] : validate.errors, where).toEqual([]);
    return schema;
  }

  return { expectDocumented, checked };
}
