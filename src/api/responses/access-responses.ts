// What the access routes return: API tokens (never their secret, except once when issued), the
// principal a token acts as, and subscribable feed URLs (the URL only once, when issued).
import { z } from 'zod';
import { roles, type IssuedApiToken, type Principal } from '../../auth/api-token-service.ts';
import type { ApiToken } from '../../db/repositories/api-tokens.ts';
import type { Exact } from '../../domain/exact-type.ts';
import { feedOwnerKinds } from '../../domain/feed-token.ts';
import { idSchema } from '../../domain/primitives.ts';
import type { FeedTokenView, IssuedFeedToken } from '../services/feed-token-service.ts';

const timestamp = z.string().describe('ISO 8601 instant');

export const apiTokenSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  role: z.enum(roles),
  centreId: idSchema.nullable(),
  staffId: idSchema.nullable(),
  createdBy: z.string(),
  revokedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const issuedApiTokenSchema = apiTokenSchema.extend({
  token: z.string().describe('The secret, shown only in this reply; send it as Authorization: Bearer <token>'),
});

export const principalSchema = z.strictObject({
  tokenId: idSchema,
  name: z.string(),
  role: z.enum(roles),
  centreId: idSchema.nullable(),
  staffId: idSchema.nullable(),
});

export const feedTokenViewSchema = z.strictObject({
  id: idSchema,
  centreId: idSchema,
  kind: z.enum(feedOwnerKinds),
  ownerId: idSchema,
  revoked: z.boolean(),
  createdAt: timestamp,
});

const issuedFeedTokenSchema = feedTokenViewSchema.extend({
  token: z.string().describe('The credential; shown only in this reply'),
  url: z.string().describe('/feeds/<token>.ics, relative to the service'),
});

/** The 201 reply: the token, and the URLs to paste into a calendar app. */
export const issuedFeedTokenReplySchema = issuedFeedTokenSchema.extend({
  subscribeUrl: z.url().describe('Absolute URL of the feed: PUBLIC_BASE_URL when set (https behind the NHS proxy), else the host the request came to (X-Forwarded-Proto/Host only with TRUST_PROXY)'),
  webcalUrl: z.string().regex(/^webcal:\/\//).describe('The same as webcal://, which Apple Calendar and Outlook open as a subscription'),
});

// Compile-time guard: each schema describes what the code returns.
type Infer<S extends z.ZodType> = z.infer<S>;
const schemasMatchCode: [
  Exact<Infer<typeof apiTokenSchema>, ApiToken>,
  Exact<Infer<typeof issuedApiTokenSchema>, IssuedApiToken>,
  Exact<Infer<typeof principalSchema>, Principal>,
  Exact<Infer<typeof feedTokenViewSchema>, FeedTokenView>,
  Exact<Infer<typeof issuedFeedTokenSchema>, IssuedFeedToken>,
] = [true, true, true, true, true];
void schemasMatchCode;
