// The one place text that PostgreSQL cannot store is refused, before any route sees it: a NUL
// character (U+0000; text and jsonb both refuse it) or a lone UTF-16 surrogate (not Unicode, so
// not valid UTF-8) anywhere in the path, the query string or a JSON body (keys included) is a 400
// naming the field. Without this, each such value reached a query and came back as a 500.
import type { RequestHandler } from 'express';
import { appError, type ErrorDetail } from '../errors/app-error.ts';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, or undefined when it can. */
export function unstorableText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain a NUL character (U+0000)';
  if (loneSurrogate.test(text)) return 'must be well-formed Unicode (it contains a lone surrogate)';
  return undefined;
}

/** Every unstorable string in a parsed value, with its dotted path (keys are checked too). */
export function unstorableFields(value: unknown, path: string, out: ErrorDetail[] = []): ErrorDetail[] {
  if (out.length >= 20) return out; // enough to act on; a hostile body need not be walked to the end
  if (typeof value === 'string') {
    const problem = unstorableText(value);
    if (problem) out.push({ path: path || '(body)', message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unstorableFields(item, path ? `${path}.${index}` : String(index), out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = unstorableText(key);
      const keyPath = path ? `${path}.${key}` : key;
      if (keyProblem) out.push({ path: printable(keyPath), message: `field name ${keyProblem}` });
      else unstorableFields(item, keyPath, out);
    }
  }
  return out;
}

/** A path safe to put in a reply: NULs and lone surrogates shown as escapes. */
function printable(text: string): string {
  return text.replaceAll('\u0000', '\\u0000').replace(new RegExp(loneSurrogate.source, 'g'), '\uFFFD');
}

/** One path template per documented route, split into segments ('{id}' marks a parameter). */
export type PathTemplates = readonly string[][];

export function pathTemplates(openApiPaths: readonly string[]): PathTemplates {
  return openApiPaths.map((path) => path.split('/'));
}

/** The name of the path parameter at segment `index` of `segments`, from the first template that fits. */
function parameterName(templates: PathTemplates, segments: string[], index: number): string {
  const fits = templates.find((template) => template.length === segments.length
    && template.every((part, i) => part.startsWith('{') || i === index || part === segments[i]));
  const part = fits?.[index];
  return part?.startsWith('{') ? part.slice(1, -1) : `(path segment ${index})`;
}

/** The documented template a path fits ('/api/centres/{centreId}/rooms/{id}'), or undefined: a metrics label without ids. */
export function routePattern(templates: PathTemplates, path: string): string | undefined {
  const segments = path.split('/');
  const fits = templates.find((template) => template.length === segments.length
    && template.every((part, i) => part.startsWith('{') || part === segments[i]));
  return fits?.join('/');
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape: Express itself refuses it with 400 where it matters
  }
}

/** Refuses unstorable text in the path and the query string (before access checks: no query runs first). */
export function refuseUnstorablePathAndQuery(templates: PathTemplates): RequestHandler {
  return (req, _res, next) => {
    const segments = req.path.split('/').map(decoded);
    const details: ErrorDetail[] = [];
    segments.forEach((segment, index) => {
      const problem = unstorableText(segment);
      if (problem) details.push({ path: parameterName(templates, segments, index), message: `${problem} (in the path)` });
    });
    unstorableFields(req.query, '', details);
    if (details.length > 0) return next(appError.validation(summary(details), details));
    next();
  };
}

/** Refuses unstorable text in a parsed JSON body. */
export const refuseUnstorableBody: RequestHandler = (req, _res, next) => {
  const details = req.body === undefined ? [] : unstorableFields(req.body, '');
  if (details.length > 0) return next(appError.validation(summary(details), details));
  next();
};

function summary(details: ErrorDetail[]): string {
  return `Invalid input: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`;
}
