// The JSON Schemas of the OpenAPI document, every one generated from a zod schema: request
// bodies from the schemas that validate them (io 'input'), replies from the schemas in
// src/api/responses and the stored documents (io 'output'), errors from src/errors/error-body.
// So the description cannot drift from what the code accepts and returns.
import { z } from 'zod';
import { apiTokenCreateSchema } from '../../auth/api-token-service.ts';
import * as domain from '../../domain/index.ts';
import { followUpTypesBodySchema, mdtOutcomeSchema, referralTransitionSchema } from '../../domain/referral-pathway.ts';
import { errorBodiesByStatus, errorBodySchema, type ErrorStatus } from '../../errors/error-body.ts';
import { apiTokenSchema, feedTokenViewSchema, issuedApiTokenSchema, issuedFeedTokenReplySchema, principalSchema } from '../responses/access-responses.ts';
import { bookingConfirmResultSchema, bookingPlanResultSchema } from '../responses/booking-responses.ts';
import { roundsListSchema, transportListSchema, vehicleTransportListSchema, workerRoundsListSchema } from '../responses/list-responses.ts';
import {
  followUpPlanResultSchema, followUpSchema, followUpTypesViewSchema, mdtOutcomeViewSchema, pathwayViewSchema, preVisitRecordSchema, preVisitRoundsViewSchema,
} from '../responses/pathway-responses.ts';
import { planByPatientSchema, planByRoomSchema, planByStaffSchema, planJobViewSchema, planViewSchema } from '../responses/plan-responses.ts';
import { healthSchema, openApiDocumentSchema } from '../responses/service-responses.ts';
import { storedRecordSchema } from '../responses/stored-record.ts';
import { bookingConfirmRequestSchema, bookingPlanRequestSchema } from '../services/booking-service.ts';
import { feedTokenRequestSchema } from '../services/feed-token-service.ts';
import { followUpPlanRequestSchema } from '../services/follow-up-service.ts';
import { planJobRequestSchema } from '../../solving/jobs/plan-job-service.ts';
import { moveBodySchema, pinBodySchema, replanBodySchema } from '../../solving/plans/plan-service.ts';
import { referralImportResultSchema } from '../services/referral-import.ts';
import { outreachBookingConfirmationSchema, outreachBookingPlanSchema, outreachPlanViewSchema } from '../responses/outreach-responses.ts';
import { outreachMoveBodySchema, outreachPinBodySchema, outreachPlanRequestSchema, outreachReplanBodySchema } from '../../solving/plans/outreach-plan-service.ts';
import { outreachBookingConfirmRequestSchema, outreachBookingPlanRequestSchema } from '../services/outreach-booking-service.ts';
import { issuedWebhookSchema, webhookCreateSchema, webhookDeliveryViewSchema, webhookViewSchema } from '../../webhooks/webhook-service.ts';

export type JsonSchema = Record<string, unknown>;

/** Formats every client and validator knows: zod's spelled-out regex beside them only adds bulk. */
const knownFormats = new Set(['uuid', 'date']);

function toJson(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      if (typeof jsonSchema.format === 'string' && knownFormats.has(jsonSchema.format)) delete jsonSchema.pattern;
    },
  }) as JsonSchema;
  return json;
}

/** Centre-owned resources served by the generic resource router: path segment, schema names, zod schemas, list filters. */
export const resources = [
  { path: 'staff', name: 'StaffMember', document: domain.staffMemberDocumentSchema, create: domain.staffMemberCreateSchema, update: domain.staffMemberUpdateSchema, filters: ['discipline', 'active'] },
  { path: 'shifts', name: 'Shift', document: domain.shiftDocumentSchema, create: domain.shiftCreateSchema, update: domain.shiftUpdateSchema, filters: ['date', 'staffId'] },
  { path: 'rooms', name: 'Room', document: domain.roomDocumentSchema, create: domain.roomCreateSchema, update: domain.roomUpdateSchema, filters: ['type'] },
  { path: 'assessment-types', name: 'AssessmentType', document: domain.assessmentTypeDocumentSchema, create: domain.assessmentTypeCreateSchema, update: domain.assessmentTypeUpdateSchema, filters: ['discipline', 'code'] },
  { path: 'precedence-rules', name: 'PrecedenceRule', document: domain.precedenceRuleDocumentSchema, create: domain.precedenceRuleCreateSchema, update: domain.precedenceRuleUpdateSchema, filters: [] },
  { path: 'patients', name: 'Patient', document: domain.patientDocumentSchema, create: domain.patientCreateSchema, update: domain.patientUpdateSchema, filters: ['efiCategory', 'localRef', 'careHomeId', 'q', 'name', 'nhsNumber', 'postcode'],
    listSummary: "List or search the centre's patients (coordinator; every read, search terms included, is in the audit log): ?q= a name, NHS number or postcode; or ?name= (every word in the given or family name, any case), ?nhsNumber= (10 digits, spaces allowed), ?postcode= (whole, or the outward code 'HU3'); together they must all match" },
  { path: 'referrals', name: 'Referral', document: domain.referralDocumentSchema, create: domain.referralCreateSchema, update: domain.referralUpdateSchema, filters: ['status', 'patientId'] },
  { path: 'vehicles', name: 'Vehicle', document: domain.vehicleDocumentSchema, create: domain.vehicleCreateSchema, update: domain.vehicleUpdateSchema, filters: [] },
  { path: 'care-homes', name: 'CareHome', document: domain.careHomeDocumentSchema, create: domain.careHomeCreateSchema, update: domain.careHomeUpdateSchema, filters: ['postcode'] },
  { path: 'outreach-days', name: 'OutreachDay', document: domain.outreachDayDocumentSchema, create: domain.outreachDayCreateSchema, update: domain.outreachDayUpdateSchema, filters: ['date'] },
] as const;

/** Request bodies besides the CRUD ones. */
const requestBodies = {
  CentreCreate: domain.centreCreateSchema,
  CentreUpdate: domain.centreUpdateSchema,
  ApiTokenCreate: apiTokenCreateSchema,
  PreVisitCreate: domain.preVisitCreateSchema,
  ReferralTransition: referralTransitionSchema,
  MdtOutcomeCreate: mdtOutcomeSchema,
  BookingPlanRequest: bookingPlanRequestSchema,
  BookingConfirmRequest: bookingConfirmRequestSchema,
  FollowUpTypesUpdate: followUpTypesBodySchema,
  FollowUpPlanRequest: followUpPlanRequestSchema,
  PlanJobRequest: planJobRequestSchema,
  PinRequest: pinBodySchema,
  MoveRequest: moveBodySchema,
  ReplanRequest: replanBodySchema,
  FeedTokenRequest: feedTokenRequestSchema,
  OutreachPlanRequest: outreachPlanRequestSchema,
  OutreachPinRequest: outreachPinBodySchema,
  OutreachMoveRequest: outreachMoveBodySchema,
  OutreachReplanRequest: outreachReplanBodySchema,
  OutreachBookingPlanRequest: outreachBookingPlanRequestSchema,
  OutreachBookingConfirmRequest: outreachBookingConfirmRequestSchema,
  WebhookCreate: webhookCreateSchema,
};

/** Replies besides the stored CRUD records. */
const replies = {
  Health: healthSchema,
  OpenApiDocument: openApiDocumentSchema,
  ApiToken: apiTokenSchema,
  IssuedApiToken: issuedApiTokenSchema,
  Principal: principalSchema,
  Centre: storedRecordSchema(domain.centreDocumentSchema, {}),
  PreVisit: preVisitRecordSchema,
  Pathway: pathwayViewSchema,
  MdtOutcome: mdtOutcomeViewSchema,
  FollowUp: followUpSchema,
  FollowUpTypes: followUpTypesViewSchema,
  FollowUpPlanResult: followUpPlanResultSchema,
  BookingPlan: bookingPlanResultSchema,
  BookingConfirmation: bookingConfirmResultSchema,
  PreVisitRounds: preVisitRoundsViewSchema,
  PlanJob: planJobViewSchema,
  Plan: planViewSchema,
  PlanByPatient: planByPatientSchema,
  PlanByStaff: planByStaffSchema,
  PlanByRoom: planByRoomSchema,
  TransportList: transportListSchema,
  VehicleTransportList: vehicleTransportListSchema,
  RoundsList: roundsListSchema,
  WorkerRoundsList: workerRoundsListSchema,
  FeedToken: feedTokenViewSchema,
  IssuedFeedToken: issuedFeedTokenReplySchema,
  ReferralImportResult: referralImportResultSchema,
  OutreachPlan: outreachPlanViewSchema,
  OutreachBookingPlan: outreachBookingPlanSchema,
  OutreachBookingConfirmation: outreachBookingConfirmationSchema,
  Webhook: webhookViewSchema,
  IssuedWebhook: issuedWebhookSchema,
  WebhookDelivery: webhookDeliveryViewSchema,
};

/** The error reply documented for each status. */
export const errorComponentByStatus: Record<ErrorStatus, string> = {
  400: 'ValidationError',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'PayloadTooLarge',
  422: 'PlanRejected',
  428: 'PreconditionRequired',
  500: 'InternalError',
  503: 'ServiceUnavailable',
};

type ResourceName = (typeof resources)[number]['name'];
/** Every component a route may name (a typo is a compile error). */
export type ComponentName = keyof typeof requestBodies | keyof typeof replies | ResourceName | `${ResourceName}Create` | `${ResourceName}Update`;

/** A stored centre-owned record: the document plus id, timestamps and centreId (a referral also its history). */
function storedResource(r: (typeof resources)[number]): z.ZodType {
  const history: Record<string, z.ZodType> = r.name === 'Referral' ? { statusHistory: z.array(domain.referralStatusChangeSchema) } : {};
  return storedRecordSchema(r.document as z.ZodObject<z.ZodRawShape>, { centreId: domain.idSchema, ...history });
}

export function componentSchemas(): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = { Error: toJson(errorBodySchema, 'output') };
  for (const [status, name] of Object.entries(errorComponentByStatus)) schemas[name] = toJson(errorBodiesByStatus[Number(status) as ErrorStatus], 'output');
  for (const [name, schema] of Object.entries(requestBodies)) schemas[name] = toJson(schema, 'input');
  for (const [name, schema] of Object.entries(replies)) schemas[name] = toJson(schema, 'output');
  for (const r of resources) {
    schemas[r.name] = toJson(storedResource(r), 'output');
    schemas[`${r.name}Create`] = toJson(r.create, 'input');
    schemas[`${r.name}Update`] = toJson(r.update, 'input');
  }
  return schemas;
}
