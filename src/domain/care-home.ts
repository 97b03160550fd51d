// A care home whose residents the ICC assesses where they live (care-home outreach):
// its address and coordinates (the team drives there), the shared rooms that can host an
// assessment (a lounge or quiet room; a resident's own room is always available) and its
// visiting hours.
import { z } from 'zod';
import { latitudeSchema, localWindowSchema, longitudeSchema, nonEmptyText, postcodeSchema, slugSchema, type Stored } from './primitives.ts';

export const sharedRoomSchema = z.strictObject({
  /** Stable within the home, e.g. "lounge" (plans refer to `<homeId>:<key>`). */
  key: slugSchema,
  name: nonEmptyText,
  /** Sessions at once (a group session counts once). */
  capacity: z.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be at least 1' }),
});

const careHomeFields = {
  name: nonEmptyText,
  addressLines: z.array(nonEmptyText).min(1, { message: 'must have at least one address line' }).max(5),
  postcode: postcodeSchema,
  lat: latitudeSchema.nullable(),
  lon: longitudeSchema.nullable(),
  phone: z.string().trim().max(40).nullable(),
  sharedRooms: z.array(sharedRoomSchema).max(20),
  /** Local "HH:MM": assessments lie wholly inside. */
  visitingHours: localWindowSchema,
};

type CareHomeFields = z.infer<z.ZodObject<typeof careHomeFields>>;

function checkCareHome(h: Partial<CareHomeFields>, ctx: z.RefinementCtx): void {
  if (h.lat !== undefined && h.lon !== undefined && (h.lat === null) !== (h.lon === null)) {
    ctx.addIssue({ code: 'custom', path: [h.lat === null ? 'lat' : 'lon'], message: 'lat and lon must be given together' });
  }
  const seen = new Set<string>();
  (h.sharedRooms ?? []).forEach((room, i) => {
    if (seen.has(room.key)) ctx.addIssue({ code: 'custom', path: ['sharedRooms', i, 'key'], message: `"${room.key}" appears twice` });
    seen.add(room.key);
  });
}

const careHomeDocument = z.strictObject(careHomeFields);
export const careHomeDocumentSchema = careHomeDocument.superRefine(checkCareHome);
export const careHomeCreateSchema = z
  .strictObject({
    ...careHomeFields,
    lat: careHomeFields.lat.default(null),
    lon: careHomeFields.lon.default(null),
    phone: careHomeFields.phone.default(null),
    sharedRooms: careHomeFields.sharedRooms.default([]),
  })
  .superRefine(checkCareHome);
export const careHomeUpdateSchema = careHomeDocument.partial().superRefine(checkCareHome);

export type CareHomeInput = z.input<typeof careHomeCreateSchema>;
export type CareHomeCreate = z.infer<typeof careHomeCreateSchema>;
export type CareHomeUpdate = z.infer<typeof careHomeUpdateSchema>;
export type CareHome = CareHomeCreate & Stored & { centreId: string };
