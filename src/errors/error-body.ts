// What an error reply's JSON looks like: { error: { code, message, details } }. One envelope
// for every error, and per HTTP status the codes and the details that status carries, so the
// OpenAPI document can say exactly what a client gets (and a test can hold the replies to it).
import { z } from 'zod';
import { errorCodes, type ErrorDetail } from './app-error.ts';
import type { Exact } from '../domain/exact-type.ts';

export const errorDetailSchema = z.strictObject({
  path: z.string().describe('Dotted field path, e.g. "nhsNumber" or "breaks.0"'),
  message: z.string(),
});
const schemaMatchesErrorDetail: Exact<z.infer<typeof errorDetailSchema>, ErrorDetail> = true;
void schemaMatchesErrorDetail;

const fieldDetails = z.array(errorDetailSchema).describe('One { path, message } per problem, naming the field');

function envelope<C extends z.ZodType, D extends z.ZodType>(code: C, details: D) {
  return z.strictObject({ error: z.strictObject({ code, message: z.string(), details }) });
}

/** Any error reply. */
export const errorBodySchema = envelope(z.enum(errorCodes), z.union([fieldDetails, z.record(z.string(), z.unknown()), z.null()]));
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The error replies by status: which codes each carries and the shape of its details. */
export const errorBodiesByStatus = {
  400: envelope(z.enum(['validation_failed', 'bad_request', 'reference_not_found']), fieldDetails),
  401: envelope(z.literal('unauthorized'), z.null()),
  403: envelope(z.literal('forbidden'), z.strictObject({ role: z.string(), method: z.string(), path: z.string() }).nullable()),
  404: envelope(z.literal('not_found'), z.strictObject({ entity: z.string(), id: z.string() }).nullable().describe('null for an unknown route')),
  409: envelope(z.enum(['conflict', 'still_referenced']), z.union([
    fieldDetails,
    z.strictObject({ path: z.literal('to'), from: z.string(), to: z.string(), allowed: z.array(z.string()) }).describe('A pathway move that is not allowed: the statuses that may follow'),
    z.strictObject({ referencedBy: z.string() }).describe('Deleting a record others still refer to'),
  ])),
  412: envelope(z.literal('precondition_failed'), z.union([
    z.strictObject({ currentVersion: z.int().min(1) }).describe('A plan: the newest version'),
    z.strictObject({ currentEtag: z.string() }).describe('Any other record: its current ETag'),
  ])),
  413: envelope(z.literal('payload_too_large'), z.strictObject({ limitBytes: z.int().min(1).describe('The largest body accepted, in bytes') })),
  422: envelope(z.literal('plan_rejected'), z.strictObject({ violations: z.array(z.strictObject({ constraint: z.string(), message: z.string() })) })),
  428: envelope(z.literal('precondition_required'), fieldDetails),
  500: envelope(z.literal('internal_error'), z.null()).describe('Always the same generic message: the failure itself is only in the log'),
  503: envelope(z.literal('service_unavailable'), z.null()),
} as const;
export type ErrorStatus = keyof typeof errorBodiesByStatus;
