// A room of a type (consult, gym, ot-kitchen, phlebotomy, x-ray, dining, mdt) and a capacity (SPEC §3C rule 4).
import { z } from 'zod';
import { nonEmptyText, slugSchema, type Stored } from './primitives.ts';

const roomFields = {
  name: nonEmptyText,
  type: slugSchema,
  /** Activities at once: 1 for a consult room, seats for the dining room. */
  capacity: z.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be at least 1' }),
};

const roomDocument = z.strictObject(roomFields);
export const roomDocumentSchema = roomDocument;
export const roomCreateSchema = z.strictObject({ ...roomFields, capacity: roomFields.capacity.default(1) });
export const roomUpdateSchema = roomDocument.partial();

export type RoomInput = z.input<typeof roomCreateSchema>;
export type RoomCreate = z.infer<typeof roomCreateSchema>;
export type RoomUpdate = z.infer<typeof roomUpdateSchema>;
export type Room = RoomCreate & Stored & { centreId: string };
