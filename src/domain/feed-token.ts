// A subscribable iCal feed URL's token: only its hash is stored; revoking ends the feed (SPEC §4).
import { z } from 'zod';
import { idSchema, type Stored } from './primitives.ts';

export const feedOwnerKinds = ['staff', 'room', 'support-worker', 'vehicle', 'patient'] as const;

export const feedTokenCreateSchema = z.strictObject({
  ownerKind: z.enum(feedOwnerKinds),
  ownerId: idSchema,
  /** Hex SHA-256 of the token; the token itself is shown once and never stored. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a hex SHA-256 digest' }),
  revoked: z.boolean().default(false),
});
export const feedTokenUpdateSchema = z.strictObject({ revoked: z.boolean() }).partial();

export type FeedTokenCreate = z.infer<typeof feedTokenCreateSchema>;
export type FeedTokenUpdate = z.infer<typeof feedTokenUpdateSchema>;
export type FeedToken = FeedTokenCreate & Stored & { centreId: string };
