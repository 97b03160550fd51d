// Care-home outreach: the centre's settings (who goes out, how many homes a team visits, the
// MDT) and outreach days (the team that goes out on a date and how many residents it sees).
import { z } from 'zod';
import { idSchema, localDateSchema, slugSchema, type Stored } from './primitives.ts';
import { defaultOutreachSettings as defaultSettings } from './outreach-defaults.ts';

export const outreachSettingsSchema = z.strictObject({
  /** Disciplines that go out to care homes (staff of others stay at the centre). */
  disciplines: z.array(slugSchema).min(1, { message: 'must list at least one discipline' }),
  /** Most homes one outreach team visits in a day. */
  homesPerTeamPerDay: z.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be at least 1' }).max(20),
  /** 'return': the team is back at the centre for the MDT; 'remote': it joins from the field. */
  mdtMode: z.enum(['return', 'remote']),
  /** Homes within this many km of each other count as nearby when booking residents together. */
  nearbyKm: z.number().min(0).max(50),
});
export type OutreachSettings = z.infer<typeof outreachSettingsSchema>;

/** What a centre gets until it sets its own (documented in the README). */
export const defaultOutreachSettings: OutreachSettings = defaultSettings;

const outreachDayFields = {
  date: localDateSchema,
  /** The staff who go out that day (their shifts that date are their hours). */
  staffIds: z.array(idSchema).min(1, { message: 'must name at least one staff member' }).max(40),
  maxResidents: z.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be at least 1' }).max(60),
};

const outreachDayDocument = z.strictObject(outreachDayFields);
export const outreachDayDocumentSchema = outreachDayDocument;
/** Residents an outreach day takes unless it says otherwise. */
export const DEFAULT_OUTREACH_DAY_RESIDENTS = 6;
export const outreachDayCreateSchema = z.strictObject({ ...outreachDayFields, maxResidents: outreachDayFields.maxResidents.default(DEFAULT_OUTREACH_DAY_RESIDENTS) });
export const outreachDayUpdateSchema = outreachDayDocument.partial();

export type OutreachDayInput = z.input<typeof outreachDayCreateSchema>;
export type OutreachDayCreate = z.infer<typeof outreachDayCreateSchema>;
export type OutreachDayUpdate = z.infer<typeof outreachDayUpdateSchema>;
export type OutreachDay = OutreachDayCreate & Stored & { centreId: string };
