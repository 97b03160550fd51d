// An integrated care centre: the rules every ICC day there follows (SPEC §1, §3C).
import { z } from 'zod';
import {
  durationMinSchema, latitudeSchema, localDateSchema, localTimeSchema, localWindowSchema, longitudeSchema,
  nonEmptyText, nonNegativeMinSchema, postcodeSchema, slugSchema, timeToMin, timeZoneSchema, windowInside,
  type Stored,
} from './primitives.ts';
import { outreachSettingsSchema } from './outreach.ts';

const weekdaySchema = z.number().int().min(1, { message: 'must be an ISO weekday 1 (Monday) to 7 (Sunday)' }).max(7, { message: 'must be an ISO weekday 1 (Monday) to 7 (Sunday)' });

/** Fields of a centre with no defaults, so a partial update never resets anything. */
const centreFields = {
  name: nonEmptyText,
  /** IANA zone for converting plan minutes to instants; Europe/London by default. */
  timeZone: timeZoneSchema,
  openingHours: localWindowSchema,
  /** ISO weekdays the centre runs ICC days (1 = Monday). */
  openWeekdays: z.array(weekdaySchema).min(1, { message: 'must list at least one weekday' }),
  /** Dates the centre is closed (bank holidays, training days). */
  closedDates: z.array(localDateSchema),
  lunchWindow: localWindowSchema,
  mealDurationMin: durationMinSchema,
  mealRoomType: slugSchema,
  mdt: z.strictObject({ start: localTimeSchema, durationMin: durationMinSchema }),
  transferMin: nonNegativeMinSchema,
  checkInBufferMin: nonNegativeMinSchema,
  maxOnSiteMin: durationMinSchema,
  /** After this many activities back to back, a frail patient rests at least minRestMin. */
  restRule: z.strictObject({ maxConsecutive: z.number().int().min(1), minRestMin: durationMinSchema }).nullable(),
  addressLines: z.array(nonEmptyText).max(5),
  postcode: postcodeSchema.nullable(),
  lat: latitudeSchema.nullable(),
  lon: longitudeSchema.nullable(),
  /** The number a patient rings (printed on their letter). */
  phone: z.string().trim().min(1).max(40).nullable(),
  /** The centre's contact address: the feeds' ORGANIZER (a reserved .invalid address without it). */
  email: z.email({ message: 'must be an email address' }).nullable(),
  /** Information governance: feeds carry initials and local reference unless this is on. */
  fullPatientDetailsInFeeds: z.boolean(),
  /** Care-home outreach settings; null: the defaults (`defaultOutreachSettings`). */
  outreach: outreachSettingsSchema.nullable(),
};

/** Defaults a new centre gets; documented in the README. */
export const centreDefaults = {
  timeZone: 'Europe/London',
  openWeekdays: [1, 2, 3, 4, 5],
  closedDates: [] as string[],
  mealDurationMin: 30,
  mealRoomType: 'dining',
  transferMin: 5,
  checkInBufferMin: 15,
  maxOnSiteMin: 420,
  restRule: null,
  addressLines: [] as string[],
  postcode: null,
  lat: null,
  lon: null,
  phone: null,
  email: null,
  fullPatientDetailsInFeeds: false,
  outreach: null,
};

/** Checks that need several fields: lunch and MDT inside opening hours, meal fits lunch. */
function checkCentre(c: z.infer<z.ZodObject<typeof centreFields>>, ctx: z.RefinementCtx): void {
  const open = timeToMin(c.openingHours.start);
  const close = timeToMin(c.openingHours.end);
  if (!windowInside(c.lunchWindow, c.openingHours)) {
    ctx.addIssue({ code: 'custom', path: ['lunchWindow'], message: `lunchWindow must lie inside openingHours ${c.openingHours.start}–${c.openingHours.end}` });
  }
  if (timeToMin(c.lunchWindow.end) - timeToMin(c.lunchWindow.start) < c.mealDurationMin) {
    ctx.addIssue({ code: 'custom', path: ['mealDurationMin'], message: 'mealDurationMin must fit inside lunchWindow' });
  }
  const mdtStart = timeToMin(c.mdt.start);
  if (mdtStart < open || mdtStart + c.mdt.durationMin > close) {
    ctx.addIssue({ code: 'custom', path: ['mdt', 'start'], message: `mdt must start and end inside openingHours ${c.openingHours.start}–${c.openingHours.end}` });
  }
  if ((c.lat === null) !== (c.lon === null)) {
    ctx.addIssue({ code: 'custom', path: [c.lat === null ? 'lat' : 'lon'], message: 'lat and lon must be given together' });
  }
}

const centreDocument = z.strictObject(centreFields);

/** A complete centre document (after defaults): what the service stores. */
export const centreDocumentSchema = centreDocument.superRefine(checkCentre);

/** POST body: required fields plus defaults for the rest. */
export const centreCreateSchema = z
  .strictObject({
    ...centreFields,
    timeZone: centreFields.timeZone.default(centreDefaults.timeZone),
    openWeekdays: centreFields.openWeekdays.default(centreDefaults.openWeekdays),
    closedDates: centreFields.closedDates.default([]),
    mealDurationMin: centreFields.mealDurationMin.default(centreDefaults.mealDurationMin),
    mealRoomType: centreFields.mealRoomType.default(centreDefaults.mealRoomType),
    transferMin: centreFields.transferMin.default(centreDefaults.transferMin),
    checkInBufferMin: centreFields.checkInBufferMin.default(centreDefaults.checkInBufferMin),
    maxOnSiteMin: centreFields.maxOnSiteMin.default(centreDefaults.maxOnSiteMin),
    restRule: centreFields.restRule.default(null),
    addressLines: centreFields.addressLines.default([]),
    postcode: centreFields.postcode.default(null),
    lat: centreFields.lat.default(null),
    lon: centreFields.lon.default(null),
    phone: centreFields.phone.default(null),
    email: centreFields.email.default(null),
    fullPatientDetailsInFeeds: centreFields.fullPatientDetailsInFeeds.default(false),
    outreach: centreFields.outreach.default(null),
  })
  .superRefine(checkCentre);

/** PATCH body: any subset of fields; the merged result is re-checked with centreDocumentSchema. */
export const centreUpdateSchema = centreDocument.partial();

export type CentreInput = z.input<typeof centreCreateSchema>;
export type CentreCreate = z.infer<typeof centreCreateSchema>;
export type CentreUpdate = z.infer<typeof centreUpdateSchema>;
export type Centre = CentreCreate & Stored;
