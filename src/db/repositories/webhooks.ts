// SQL for webhooks: the endpoints a centre registers and the queue of deliveries. Events are
// queued (one delivery per subscribed endpoint) in the caller's transaction, so an event is
// stored exactly when the change it reports is; the dispatcher sends the head of each
// endpoint's queue, so each endpoint sees its events in order.
import { keysetPage, mapPage, type PageRequest } from '../keyset-page.ts';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { centreScopedRepository, isUuid } from './centre-scoped-repository.ts';

export const webhookEventTypes = ['plan.published', 'plan.changed', 'referral.status-changed', 'job.finished'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export interface WebhookEndpoint {
  id: string;
  centreId: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  secret: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDelivery {
  id: string;
  seq: string;
  centreId: string;
  endpointId: string;
  eventId: string;
  event: WebhookEventType;
  payload: Record<string, unknown>;
  status: 'pending' | 'delivered';
  attempts: number;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const endpointCodec = createRowCodec({ json: ['events'] });
const deliveryCodec = createRowCodec({ json: ['payload'] });
const endpointFromRow = (row: Record<string, unknown>) => endpointCodec.fromRow(row) as unknown as WebhookEndpoint;
const deliveryFromRow = (row: Record<string, unknown>) => {
  const d = deliveryCodec.fromRow(row) as unknown as WebhookDelivery;
  return { ...d, seq: String(d.seq) };
};

type NewWebhookEndpoint = { url: string; events: WebhookEventType[]; description: string | null; secret: string };

/** Endpoints are centre-owned rows like any other (no update: an endpoint is replaced, not edited). */
const endpointRows = centreScopedRepository<WebhookEndpoint, NewWebhookEndpoint, never>({ table: 'webhook_endpoints', codec: endpointCodec, orderBy: ['created_at', 'id'] });

export const webhookEndpoints = {
  insert: endpointRows.insert,
  page: (db: Knex, centreId: string, page: PageRequest) => endpointRows.page(db, centreId, {}, page),
  findById: endpointRows.findById,
  lock: endpointRows.lock,
  remove: endpointRows.remove,
};

export const webhookDeliveries = {
  /**
   * Queues an event for every active endpoint of the centre subscribed to it. Call inside the
   * transaction of the change it reports. Returns the event id.
   */
  enqueue: (db: Knex, centreId: string, event: WebhookEventType, data: Record<string, unknown>) =>
    translatingDbErrors(async () => {
      const endpoints = (await endpointRows.list(db, centreId, { active: true })).filter((e) => e.events.includes(event));
      const eventId = randomUUID();
      if (endpoints.length === 0) return eventId;
      const payload = { id: eventId, type: event, centreId, createdAt: new Date().toISOString(), data };
      await db('webhook_deliveries').insert(endpoints.map((e) => ({ centre_id: centreId, endpoint_id: e.id, event_id: eventId, event, payload: JSON.stringify(payload) })));
      return eventId;
    }),
  /** A copy of a delivery queued again now (the same event id: receivers can tell a re-send). */
  requeueCopy: (db: Knex, delivery: WebhookDelivery) =>
    translatingDbErrors(async () => {
      const [row] = await db('webhook_deliveries').insert({
        centre_id: delivery.centreId, endpoint_id: delivery.endpointId, event_id: delivery.eventId, event: delivery.event, payload: JSON.stringify(delivery.payload),
      }).returning('*');
      return deliveryFromRow(row);
    }),
  pageForEndpoint: (db: Knex, endpointId: string, page: PageRequest) =>
    translatingDbErrors(async () => mapPage(await keysetPage(db('webhook_deliveries').where({ endpoint_id: endpointId }), { list: 'webhook-deliveries', columns: ['seq'] }, page), deliveryFromRow)),
  findById: (db: Knex, endpointId: string, id: string) =>
    translatingDbErrors(async () => {
      if (!isUuid(id)) return undefined;
      const row = await db('webhook_deliveries').where({ id, endpoint_id: endpointId }).first();
      return row ? deliveryFromRow(row) : undefined;
    }),
  /**
   * Claims up to `limit` deliveries that are due and at the head of their endpoint's queue (no
   * earlier pending delivery), locking each for `lockMs` so no other dispatcher sends it too.
   */
  claimDue: (db: Knex, limit: number, lockMs: number) =>
    translatingDbErrors(async () => {
      const heads = await db('webhook_deliveries as d')
        .where('d.status', 'pending')
        .whereRaw('d.seq = (select min(e.seq) from webhook_deliveries e where e.endpoint_id = d.endpoint_id and e.status = ?)', ['pending'])
        .andWhere('d.next_attempt_at', '<=', db.fn.now())
        .andWhere((q) => q.whereNull('d.locked_until').orWhere('d.locked_until', '<', db.fn.now()))
        .orderBy('d.seq')
        .limit(limit)
        .select('d.id');
      const claimed: Array<WebhookDelivery & { endpoint: WebhookEndpoint }> = [];
      for (const { id } of heads as Array<{ id: string }>) {
        const [row] = await db('webhook_deliveries')
          .where({ id, status: 'pending' })
          .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<', db.fn.now()))
          .update({ locked_until: db.raw('now() + make_interval(secs => ?)', [lockMs / 1000]) })
          .returning('*');
        if (!row) continue;
        const endpoint = await db('webhook_endpoints').where({ id: row.endpoint_id }).first();
        if (endpoint) claimed.push({ ...deliveryFromRow(row), endpoint: endpointFromRow(endpoint) });
      }
      return claimed;
    }),
  markDelivered: (db: Knex, id: string, statusCode: number) =>
    translatingDbErrors(async () => {
      await db('webhook_deliveries').where({ id }).update({
        status: 'delivered', attempts: db.raw('attempts + 1'), last_status_code: statusCode, last_error: null, locked_until: null, delivered_at: db.fn.now(), updated_at: db.fn.now(),
      });
    }),
  /** A failed attempt: the next one after `retryInMs` (database time). */
  markFailed: (db: Knex, id: string, failure: { statusCode: number | null; error: string; retryInMs: number }) =>
    translatingDbErrors(async () => {
      await db('webhook_deliveries').where({ id }).update({
        attempts: db.raw('attempts + 1'), last_status_code: failure.statusCode, last_error: failure.error.slice(0, 500), locked_until: null,
        next_attempt_at: db.raw('now() + make_interval(secs => ?)', [failure.retryInMs / 1000]), updated_at: db.fn.now(),
      });
    }),
};
