// What the service routes return: health, and (in outline) the OpenAPI document itself.
import { z } from 'zod';

export const healthSchema = z.strictObject({
  status: z.literal('ok'),
  database: z.strictObject({ engine: z.enum(['pglite', 'postgres']), latencyMs: z.number().min(0) }),
});
export type Health = z.infer<typeof healthSchema>;

export const openApiDocumentSchema = z.object({
  openapi: z.literal('3.1.0'),
  info: z.object({ title: z.string(), version: z.string() }).loose(),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({ schemas: z.record(z.string(), z.unknown()) }).loose(),
}).loose();
