// The one error type the service raises on purpose. Each has a stable code, an HTTP status
// and details a client can act on (for validation: one { path, message } per problem).

export interface ErrorDetail {
  /** Dotted field path, e.g. "nhsNumber" or "breaks.0". */
  path: string;
  message: string;
}

export const errorCodes = [
  'validation_failed',
  'not_found',
  'conflict',
  'reference_not_found',
  'still_referenced',
  'bad_request',
  /** 413: the request body is larger than the JSON body limit (details.limitBytes). */
  'payload_too_large',
  'internal_error',
  'service_unavailable',
  /** 412: an edit's If-Match names a version that is no longer the newest. */
  'precondition_failed',
  /** 428: an edit came without If-Match. */
  'precondition_required',
  /** 422: a hand edit would break a hard constraint (details: the violations). */
  'plan_rejected',
  /** 401: no API token, or an unknown or revoked one. */
  'unauthorized',
  /** 403: the token's role or centre does not allow this request. */
  'forbidden',
  /** 431: the request headers are over Node's 16 KB limit (answered by src/api/client-errors.ts). */
  'headers_too_large',
  /** 408: the request did not arrive in time (Node's request timeout). */
  'request_timeout',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | Record<string, unknown> | null;

  constructor(spec: { code: ErrorCode; message: string; status: number; details?: AppError['details']; cause?: unknown }) {
    super(spec.message, spec.cause === undefined ? undefined : { cause: spec.cause });
    this.name = 'AppError';
    this.code = spec.code;
    this.status = spec.status;
    this.details = spec.details ?? null;
  }
}

/** The error factory: every error the API returns on purpose is made here. */
export const appError = {
  validation: (message: string, details: ErrorDetail[]) => new AppError({ code: 'validation_failed', status: 400, message, details }),
  notFound: (entity: string, id: string) =>
    new AppError({ code: 'not_found', status: 404, message: `No ${entity} with id ${id}`, details: { entity, id } }),
  conflict: (message: string, details: ErrorDetail[] = []) => new AppError({ code: 'conflict', status: 409, message, details }),
  referenceNotFound: (message: string, details: ErrorDetail[]) => new AppError({ code: 'reference_not_found', status: 400, message, details }),
  stillReferenced: (message: string, details: Record<string, unknown>) => new AppError({ code: 'still_referenced', status: 409, message, details }),
  badRequest: (message: string, details: ErrorDetail[] = []) => new AppError({ code: 'bad_request', status: 400, message, details }),
  payloadTooLarge: (message: string, limitBytes: number) => new AppError({ code: 'payload_too_large', status: 413, message, details: { limitBytes } }),
  unavailable: (message: string) => new AppError({ code: 'service_unavailable', status: 503, message }),
  unauthorized: (message: string) => new AppError({ code: 'unauthorized', status: 401, message }),
  forbidden: (message: string, details: Record<string, unknown> | null = null) => new AppError({ code: 'forbidden', status: 403, message, details }),
  internal: (cause: unknown) => new AppError({ code: 'internal_error', status: 500, message: 'Internal error', cause }),
};

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
