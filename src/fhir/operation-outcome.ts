// FHIR R4 errors: under /fhir/r4 the one error handler (src/api/error-handler.ts) answers with
// an OperationOutcome instead of the API's { error } body — one issue per field problem, its
// severity, an issue-type code (http://hl7.org/fhir/issue-type), the service's own words as
// diagnostics, and the field as a FHIRPath expression.
import type { Request } from 'express';
import type { AppError, ErrorCode, ErrorDetail } from '../errors/app-error.ts';

export const FHIR_BASE_PATH = '/fhir/r4';

/** Whether the request is the FHIR API's (its errors are OperationOutcomes). */
export const isFhirRequest = (req: Request) => req.originalUrl === FHIR_BASE_PATH || req.originalUrl.startsWith(`${FHIR_BASE_PATH}/`)
  || req.originalUrl.startsWith(`${FHIR_BASE_PATH}?`);

/** Our error codes as FHIR issue types (http://hl7.org/fhir/R4/valueset-issue-type.html). */
const issueTypes: Record<ErrorCode, string> = {
  validation_failed: 'invalid',
  bad_request: 'structure',
  not_found: 'not-found',
  reference_not_found: 'not-found',
  conflict: 'conflict',
  still_referenced: 'conflict',
  payload_too_large: 'too-long',
  headers_too_large: 'too-long',
  internal_error: 'exception',
  service_unavailable: 'transient',
  precondition_failed: 'conflict',
  precondition_required: 'required',
  plan_rejected: 'business-rule',
  unauthorized: 'login',
  forbidden: 'forbidden',
  request_timeout: 'timeout',
};

export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error';
  code: string;
  diagnostics: string;
  expression?: string[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

/**
 * A field path as FHIRPath: 'contained.0.identifier.0.value' in a posted ServiceRequest is
 * ServiceRequest.contained[0].identifier[0].value; a search parameter is named as sent ('date').
 */
export function fhirPathOf(path: string, resourceType: string | undefined): string | undefined {
  if (path === '' || path === '(body)') return resourceType;
  const fhirPath = path.split('.').reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out === '' ? part : `${out}.${part}`), '');
  return resourceType ? `${resourceType}.${fhirPath}` : fhirPath;
}

/** The resource type a FHIR request's body is ("/fhir/r4/<centre>/ServiceRequest" → ServiceRequest), for writes only. */
function bodyResourceType(req: Request): string | undefined {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const segment = req.originalUrl.split('?')[0]!.split('/')[4];
  return segment && /^[A-Z][A-Za-z]+$/.test(segment) ? segment : undefined;
}

export function operationOutcomeOf(error: AppError, req: Request): OperationOutcome {
  const severity = error.status >= 500 ? 'fatal' : 'error';
  const code = issueTypes[error.code];
  const fieldProblems = Array.isArray(error.details) ? (error.details as ErrorDetail[]) : [];
  if (fieldProblems.length === 0) return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics: error.message }] };
  const resourceType = bodyResourceType(req);
  return {
    resourceType: 'OperationOutcome',
    issue: fieldProblems.map((detail) => {
      const expression = fhirPathOf(detail.path, resourceType);
      return { severity, code, diagnostics: `${detail.path}: ${detail.message}`, ...(expression ? { expression: [expression] } : {}) };
    }),
  };
}
