// The delivery loop: sends queued webhook deliveries in the background (never inside a
// request), each endpoint's in order, signed; a failure (no answer, a timeout, a non-2xx
// status) is retried with exponential backoff, without end, so a receiver that is down loses
// nothing. Deliveries live in the database, so a restart or another process carries on.
import type { Knex } from 'knex';
import { webhookDeliveries } from '../db/repositories/webhooks.ts';
import type { Logger } from '../logger.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './webhook-signature.ts';

export interface WebhookDispatcherOptions {
  /** How often to look for due deliveries. Default 1 s. */
  pollMs?: number;
  /** Backoff: the first retry after baseMs, doubling per attempt, at most maxMs. Defaults 10 s and 1 h. */
  backoff?: { baseMs: number; maxMs: number };
  /** A receiver's time to answer. Default 10 s. */
  timeoutMs?: number;
  logger?: Logger;
}

export interface WebhookDispatcher {
  /** Runs one round now: sends what is due. Resolves when it is done. */
  tick(): Promise<void>;
  close(): Promise<void>;
}

/** The delay before the attempt after `attempts` failed ones. */
export function retryDelayMs(attempts: number, backoff: { baseMs: number; maxMs: number }): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
}

export function startWebhookDispatcher(db: Knex, options: WebhookDispatcherOptions = {}): WebhookDispatcher {
  const pollMs = options.pollMs ?? 1000;
  const backoff = options.backoff ?? { baseMs: 10_000, maxMs: 3_600_000 };
  const timeoutMs = options.timeoutMs ?? 10_000;
  let running: Promise<void> | undefined;
  let closed = false;

  async function send(delivery: Awaited<ReturnType<typeof webhookDeliveries.claimDue>>[number]): Promise<void> {
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(delivery.endpoint.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'icc-scheduler-webhooks/1',
          'ICC-Webhook-Id': delivery.eventId,
          'ICC-Webhook-Event': delivery.event,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: webhookSignature(delivery.endpoint.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) {
        await webhookDeliveries.markDelivered(db, delivery.id, response.status);
        return;
      }
      await webhookDeliveries.markFailed(db, delivery.id, { statusCode: response.status, error: `HTTP ${response.status}`, retryInMs: retryDelayMs(delivery.attempts + 1, backoff) });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${(error.cause as Error | undefined)?.message ?? error.message}` : String(error);
      await webhookDeliveries.markFailed(db, delivery.id, { statusCode: null, error: message, retryInMs: retryDelayMs(delivery.attempts + 1, backoff) });
    }
  }

  async function round(): Promise<void> {
    // Heads of different endpoints go out together; one endpoint's next waits for its head.
    for (;;) {
      const due = await webhookDeliveries.claimDue(db, 20, timeoutMs + 30_000);
      if (due.length === 0 || closed) return;
      await Promise.all(due.map(send));
    }
  }

  const tick = () => {
    running ??= round()
      .catch((error: unknown) => options.logger?.warn({ err: error }, 'webhook delivery round failed; trying again next round'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), pollMs);
  timer.unref();
  return {
    tick,
    async close() {
      closed = true;
      clearInterval(timer);
      await running;
    },
  };
}
