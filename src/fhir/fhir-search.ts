// FHIR search parameters this API understands, and the searchset Bundle with paging links.
// An unknown parameter is refused (400 naming it) rather than silently ignored, so a client
// never mistakes an unfiltered list for a filtered one.
import { z } from 'zod';
import { appError } from '../errors/app-error.ts';
import { parseOrThrow } from '../errors/from-zod-error.ts';
import type { FhirResource } from './resources/fhir-resource.ts';

const DEFAULT_COUNT = 50;
const MAX_COUNT = 500;

const countSchema = z.coerce.number({ message: 'must be a whole number' }).int({ message: 'must be a whole number' })
  .min(1, { message: `must be from 1 to ${MAX_COUNT}` }).max(MAX_COUNT, { message: `must be from 1 to ${MAX_COUNT}` });
const offsetSchema = z.coerce.number({ message: 'must be a whole number' }).int({ message: 'must be a whole number' }).min(0, { message: 'must be 0 or more' });
const single = z.string({ message: 'may be given once' });

export const pagingParams = { _count: countSchema.optional(), _offset: offsetSchema.optional() };

/** A token/reference value "Patient/<id>" or "<id>" → the id. */
export function referencedId(value: string, type: string): string {
  return value.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;
}

/** A date search value with its prefix: eq (default), ge, gt, le, lt; "YYYY-MM-DD" only. */
export interface DateBound { prefix: 'eq' | 'ge' | 'gt' | 'le' | 'lt'; date: string }
const dateValue = z.string().regex(/^(eq|ge|gt|le|lt)?\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD, optionally after eq, ge, gt, le or lt' });
export const dateParam = z.union([dateValue, z.array(dateValue).max(2, { message: 'may be given at most twice (a range)' })])
  .transform((v) => (Array.isArray(v) ? v : [v]).map((s): DateBound => {
    const prefix = /^[a-z]{2}/.test(s) ? (s.slice(0, 2) as DateBound['prefix']) : 'eq';
    return { prefix, date: prefix === 'eq' && !s.startsWith('eq') ? s : s.slice(2) };
  }));

/** The inclusive date range of date bounds (a plain date is that day). */
export function dateRange(bounds: DateBound[] | undefined): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  for (const { prefix, date } of bounds ?? []) {
    if (prefix === 'eq' || prefix === 'ge') range.from = !range.from || date > range.from ? date : range.from;
    if (prefix === 'eq' || prefix === 'le') range.to = !range.to || date < range.to ? date : range.to;
    if (prefix === 'gt') range.from = shift(date, 1);
    if (prefix === 'lt') range.to = shift(date, -1);
  }
  return range;
}

export const inRange = (date: string, range: { from?: string; to?: string }) => (!range.from || date >= range.from) && (!range.to || date <= range.to);

/** Parses the query with the type's parameters (plus _count/_offset) or throws a 400 naming each bad parameter. */
export function parseSearch<S extends z.ZodRawShape>(type: string, params: S, query: Record<string, unknown>) {
  const optional = Object.fromEntries(Object.entries(params).map(([name, schema]) => [name, (schema as z.ZodType).optional()]));
  return parseOrThrow(z.strictObject({ ...optional, ...pagingParams }), query, `${type} search`);
}

export { single as singleParam };

export interface SearchContext {
  /** Absolute base of this centre's FHIR API, e.g. http://host/fhir/r4/<centreId>. */
  base: string;
  type: string;
  query: Record<string, unknown>;
}

/** A searchset Bundle of one page of `matches`, with self, first and next links. */
export function searchsetBundle(context: SearchContext, matches: FhirResource[], paging: { _count?: number; _offset?: number }): FhirResource {
  const count = paging._count ?? DEFAULT_COUNT;
  const offset = paging._offset ?? 0;
  const page = matches.slice(offset, offset + count);
  const link = (relation: string, at: number) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(context.query)) {
      if (name === '_offset' || name === '_count') continue;
      for (const v of Array.isArray(value) ? value : [value]) params.append(name, String(v));
    }
    params.set('_count', String(count));
    if (at > 0) params.set('_offset', String(at));
    return { relation, url: `${context.base}/${context.type}?${params.toString()}` };
  };
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link: [
      link('self', offset),
      link('first', 0),
      ...(offset > 0 ? [link('previous', Math.max(0, offset - count))] : []),
      ...(offset + count < matches.length ? [link('next', offset + count)] : []),
    ],
    // FHIR JSON has no empty arrays: an empty page has no entry at all.
    ...(page.length > 0 ? { entry: page.map((resource) => ({ fullUrl: `${context.base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })) } : {}),
  };
}

/** 404 for a resource id this centre does not have. */
export const resourceNotFound = (type: string, id: string) => appError.notFound(type, id);
