// How a delivery is signed: HMAC-SHA256, keyed with the endpoint's secret, over
// "<timestamp>.<body>" (the Unix time in seconds, a dot, the exact bytes of the body), sent as
// ICC-Webhook-Signature: v1=<hex>. A receiver recomputes it and compares in constant time, and
// refuses old timestamps so a captured delivery cannot be replayed later.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'ICC-Webhook-Signature';
export const TIMESTAMP_HEADER = 'ICC-Webhook-Timestamp';

/** A new signing secret (256 random bits), shown to the client once. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** True when `signature` is the one `secret` makes for this timestamp and body. */
export function verifyWebhookSignature(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
