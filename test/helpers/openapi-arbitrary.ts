// fast-check arbitraries for requests to every operation of an OpenAPI document: bodies from
// the request schemas (the JSON Schemas the zod schemas generate), mostly valid with a nasty
// value swapped in here and there, path parameters from real ids, random ids and hostile text,
// and the documented query parameters. The fuzz test (test/src/api/fuzz-api.test.ts) sends them.
import fc from 'fast-check';

export type JsonSchema = Record<string, unknown>;

export interface FuzzRequest {
  method: string;
  /** The OpenAPI path template, e.g. /api/centres/{centreId}/rooms/{id}. */
  template: string;
  /** The path as sent (percent-encoded). */
  path: string;
  query: string;
  headers: Record<string, string>;
  /** Raw text sent as the body (JSON unless a garbage body was drawn). */
  body?: string;
}

/** Text that has broken services before: control characters, NUL, lone surrogates, SQL, paths, huge. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u202e', '\ufeff', '💉🏥', "'; drop table patients; --", '../../etc/passwd',
    '%00', '%', '{{7*7}}', '<script>alert(1)</script>', 'null', 'undefined', 'NaN', '-1', '1e309', '0x10', 'true',
    '2026-02-30', '-2026-01-01', '0000-00-00', '+275760-09-13', '9999-12-31', '24:00', '23:60', '7:5', '25:99', 'T', '\r\n', '\t',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ maxLength: 3 }).map((s) => s.repeat(400)),
);

/** Any JSON value, kept small. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 3, arbitrary: fc.constantFrom(0, -1, 1.5, -0.0001, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324, null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

interface Context {
  components: Record<string, JsonSchema>;
  /** Values a field of this name should often take (real ids, dates the data uses). */
  known: Record<string, readonly unknown[]>;
}

function resolveRef(schema: JsonSchema, ctx: Context): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = ctx.components[name];
  if (!target) throw new Error(`openapi-arbitrary: unknown $ref ${ref}`);
  return target;
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const format = schema.format;
  if (format === 'date') return fc.date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (format === 'uuid') return fc.uuid();
  if (format === 'email') return fc.emailAddress();
  if (format === 'uri') return fc.webUrl();
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      // a pattern fast-check cannot invert: fall through to plain text
    }
  }
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = Math.max(minLength, Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 30, 30));
  return fc.string({ minLength, maxLength });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (integer ? 1 : 1e-6) : -1000;
  const max = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - (integer ? 1 : 1e-6) : Math.max(min, 0) + 1000;
  if (integer) return fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** A value for `schema`: usually valid, sometimes (at any depth) a nasty one instead. */
export function valueFor(schema: JsonSchema, ctx: Context, depth = 0, field?: string): fc.Arbitrary<unknown> {
  const valid = validFor(resolveRef(schema, ctx), ctx, depth, field);
  return fc.oneof({ weight: 14, arbitrary: valid }, { weight: 1, arbitrary: anyJson });
}

function validFor(schema: JsonSchema, ctx: Context, depth: number, field?: string): fc.Arbitrary<unknown> {
  const known = field === undefined ? undefined : ctx.known[field];
  const plain = plainValidFor(schema, ctx, depth);
  return known && known.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: plain }) : plain;
}

function plainValidFor(schema: JsonSchema, ctx: Context, depth: number): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((alt) => valueFor(alt, ctx, depth)));
  if (Array.isArray(schema.allOf)) return valueFor((schema.allOf as JsonSchema[])[0]!, ctx, depth);
  const type = Array.isArray(schema.type) ? (schema.type as string[])[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const maxLength = Math.max(minLength, Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 3, 3));
      return fc.array(valueFor((schema.items as JsonSchema | undefined) ?? {}, ctx, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      if (depth > 5) return fc.constant({});
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required ?? []) as string[]);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) record[name] = valueFor(property, ctx, depth + 1, name);
      const base = fc.record(record, { requiredKeys: Object.keys(properties).filter((name) => required.has(name)) });
      if (Object.keys(properties).length > 0) return base;
      // A map (additionalProperties): a few keys.
      const values = typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as JsonSchema) : {};
      return fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), nastyString), valueFor(values, ctx, depth + 1), { maxKeys: 3 });
    }
    default:
      return anyJson;
  }
}

export interface OperationSpec {
  method: string;
  template: string;
  pathParams: string[];
  queryParams: string[];
  body?: JsonSchema;
}

/** Every operation of the document. */
export function operationsOf(document: { paths: Record<string, Record<string, Record<string, unknown>>> }): OperationSpec[] {
  const out: OperationSpec[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const parameters = (op.parameters ?? []) as { name: string; in: string }[];
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content;
      out.push({
        method: method.toUpperCase(),
        template,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        ...(content?.['application/json'] ? { body: content['application/json'].schema } : {}),
      });
    }
  }
  return out;
}

export interface RequestContext {
  components: Record<string, JsonSchema>;
  /** Real values by field or parameter name (centreId, id, staffId, date, …). */
  known: Record<string, readonly unknown[]>;
  /** Authorization header values to draw from (a valid admin token mostly). */
  authorizations: readonly (string | undefined)[];
}

/** encodeURIComponent, except that a lone surrogate goes as the bytes it would be in CESU-8 (not UTF-8: the server must refuse them). */
export function encodeText(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text].map((ch) => {
      const unit = ch.charCodeAt(0);
      if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
        return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      }
      return encodeURIComponent(ch);
    }).join('');
  }
}

/** A path segment: mostly a real value of the parameter, else a random id or hostile text (sometimes raw, unencoded). */
function segmentFor(name: string, ctx: RequestContext): fc.Arbitrary<string> {
  const known = (ctx.known[name] ?? ctx.known.id ?? []).map(String);
  const encoded = (a: fc.Arbitrary<string>) => a.map(encodeText);
  const real = known.length > 0 ? fc.constantFrom(...known) : fc.uuid();
  const withExtension = name === 'file' ? fc.tuple(real, fc.constantFrom('', '.csv', '.html', '.json', '.ics', '.exe')).map(([a, b]) => a + b) : real;
  return fc.oneof(
    { weight: 10, arbitrary: encoded(withExtension) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: encoded(nastyString.filter((s) => s !== '')) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AE', '%ff', '%2F') },
  // A dot segment is resolved away by the client (DELETE …/vehicles/.. would delete the centre).
  ).filter((segment) => !/^(\.|%2e){1,2}$/i.test(segment));
}

function queryFor(op: OperationSpec, ctx: RequestContext): fc.Arbitrary<string> {
  const names = [...op.queryParams, 'status', 'version', 'staffId', 'patientId', 'localRef', 'date', 'limit', 'cursor', 'unknownFilter'];
  const value = (name: string) => fc.oneof(
    { weight: 3, arbitrary: (ctx.known[name] ?? []).length > 0 ? fc.constantFrom(...(ctx.known[name] ?? []).map(String)) : fc.string({ maxLength: 10 }) },
    { weight: 2, arbitrary: nastyString },
    { weight: 2, arbitrary: fc.integer({ min: -5, max: 200_000 }).map(String) },
  );
  const pair = fc.constantFrom(...names).chain((name) => value(name).map((v) => `${encodeText(name)}=${encodeText(v)}`));
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(pair, { maxLength: 3 }).map((pairs) => pairs.join('&')) },
    { weight: 1, arbitrary: fc.constantFrom('a=%', 'a[b]=1', 'a=1&a=2&a=3', '=', '&&', 'status[]=x', '__proto__=1', 'constructor[prototype][x]=1') },
  );
}

export function requestFor(op: OperationSpec, ctx: RequestContext): fc.Arbitrary<FuzzRequest> {
  const segments = fc.tuple(...op.pathParams.map((name) => segmentFor(name, ctx)));
  const bodyCtx: Context = { components: ctx.components, known: ctx.known };
  const body: fc.Arbitrary<string | undefined> = op.body
    ? fc.oneof(
      { weight: 12, arbitrary: valueFor(op.body, bodyCtx).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.constantFrom(undefined, '', '{', '[]', 'null', '"text"', '{"a":' + '['.repeat(5000)) },
      { weight: 1, arbitrary: fc.array(valueFor(op.body, bodyCtx), { maxLength: 3 }).map((v) => JSON.stringify(v)) },
    )
    : fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v)) });
  const ifMatch = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('"1"', '"999"', '*', 'W/"1"', '"abc"', '', '"\u00e9"', 'garbage') },
  );
  return fc.record({ segments, query: queryFor(op, ctx), body, ifMatch, authorization: fc.constantFrom(...ctx.authorizations) }).map(({ segments: values, query, body: text, ifMatch: match, authorization }) => {
    let i = 0;
    const path = op.template.replace(/\{\w+\}/g, () => values[i++]!);
    const headers: Record<string, string> = {};
    if (authorization !== undefined) headers.authorization = authorization;
    if (match !== undefined) headers['if-match'] = match;
    if (text !== undefined) headers['content-type'] = 'application/json';
    return { method: op.method, template: op.template, path, query, headers, ...(text === undefined ? {} : { body: text }) };
  });
}
