// Registering webhook endpoints (the signing secret is in the reply to the registration only),
// reading their deliveries, and re-sending one.
import { mapPage, type PageRequest } from '../db/keyset-page.ts';
import type { Knex } from 'knex';
import { z } from 'zod';
import { auditLog } from '../db/repositories/audit-log.ts';
import { webhookDeliveries, webhookEndpoints, webhookEventTypes, type WebhookDelivery, type WebhookEndpoint } from '../db/repositories/webhooks.ts';
import { appError } from '../errors/app-error.ts';
import { parseOrThrow } from '../errors/from-zod-error.ts';
import { foundInCentre, requireCentre, type Actor } from '../api/services/centre-scoped-service.ts';
import { newWebhookSecret } from './webhook-signature.ts';
import type { Precondition } from '../api/record-etag.ts';

export const webhookCreateSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
  events: z.array(z.enum(webhookEventTypes)).min(1, { message: `must list at least one of ${webhookEventTypes.join(', ')}` }),
  description: z.string().max(500).nullable().default(null),
});

export const webhookViewSchema = z.strictObject({
  id: z.uuid(),
  centreId: z.uuid(),
  url: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  description: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const issuedWebhookSchema = webhookViewSchema.extend({
  secret: z.string().describe('The HMAC-SHA256 key of ICC-Webhook-Signature: shown in this reply only'),
});
export const webhookDeliveryViewSchema = z.strictObject({
  id: z.uuid(),
  endpointId: z.uuid(),
  eventId: z.uuid().describe('Sent as ICC-Webhook-Id; a re-send keeps it'),
  event: z.enum(webhookEventTypes),
  payload: z.record(z.string(), z.unknown()).describe('The JSON body sent: { id, type, centreId, createdAt, data }'),
  status: z.enum(['pending', 'delivered']),
  attempts: z.int(),
  nextAttemptAt: z.string(),
  lastStatusCode: z.int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});

const view = ({ secret: _secret, ...endpoint }: WebhookEndpoint) => endpoint;
const deliveryView = (d: WebhookDelivery): z.infer<typeof webhookDeliveryViewSchema> => ({
  id: d.id, endpointId: d.endpointId, eventId: d.eventId, event: d.event, payload: d.payload, status: d.status, attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt, lastStatusCode: d.lastStatusCode, lastError: d.lastError, deliveredAt: d.deliveredAt, createdAt: d.createdAt,
});

async function requireEndpoint(db: Knex, centreId: string, id: string): Promise<WebhookEndpoint> {
  return foundInCentre(db, centreId, await webhookEndpoints.findById(db, centreId, id), 'webhook', id);
}

export const webhookService = {
  async page(db: Knex, centreId: string, page: PageRequest) {
    await requireCentre(db, centreId);
    return mapPage(await webhookEndpoints.page(db, centreId, page), view);
  },
  get: async (db: Knex, centreId: string, id: string) => view(await requireEndpoint(db, centreId, id)),
  register(db: Knex, centreId: string, body: unknown, actor: Actor) {
    const doc = parseOrThrow(webhookCreateSchema, body, 'webhook');
    return db.transaction(async (trx) => {
      await requireCentre(trx, centreId);
      const created = await webhookEndpoints.insert(trx, centreId, { ...doc, events: [...new Set(doc.events)], secret: newWebhookSecret() });
      await auditLog.append(trx, { actor: actor.name, action: 'create', entity: 'webhook', entityId: created.id, details: { url: created.url, events: created.events } });
      return { ...view(created), secret: created.secret };
    });
  },
  /** `precondition` (If-Match) is checked on the endpoint as GET shows it, under a lock. */
  remove(db: Knex, centreId: string, id: string, actor: Actor, precondition?: Precondition<ReturnType<typeof view>>) {
    return db.transaction(async (trx) => {
      await webhookEndpoints.lock(trx, centreId, id);
      precondition?.(view(await requireEndpoint(trx, centreId, id)));
      await webhookEndpoints.remove(trx, centreId, id);
      await auditLog.append(trx, { actor: actor.name, action: 'delete', entity: 'webhook', entityId: id, details: null });
    });
  },
  async deliveries(db: Knex, centreId: string, id: string, page: PageRequest) {
    await requireEndpoint(db, centreId, id);
    return mapPage(await webhookDeliveries.pageForEndpoint(db, id, page), deliveryView);
  },
  async delivery(db: Knex, centreId: string, id: string, deliveryId: string) {
    await requireEndpoint(db, centreId, id);
    const found = await webhookDeliveries.findById(db, id, deliveryId);
    if (!found) throw appError.notFound('webhook delivery', deliveryId);
    return deliveryView(found);
  },
  /** Queues the delivery again (a copy at the end of the endpoint's queue). */
  resend(db: Knex, centreId: string, id: string, deliveryId: string, actor: Actor) {
    return db.transaction(async (trx) => {
      await requireEndpoint(trx, centreId, id);
      const delivery = await webhookDeliveries.findById(trx, id, deliveryId);
      if (!delivery) throw appError.notFound('webhook delivery', deliveryId);
      const copy = await webhookDeliveries.requeueCopy(trx, delivery);
      await auditLog.append(trx, { actor: actor.name, action: 'create', entity: 'webhook-delivery', entityId: copy.id, details: { resendOf: deliveryId } });
      return deliveryView(copy);
    });
  },
};
