// A staff member's working hours on one date, with breaks (SPEC §3C rule 1).
// Whether the shift lies inside the centre's opening hours needs the centre: see the shift service.
import { z } from 'zod';
import { idSchema, localDateSchema, localTimeSchema, localWindowSchema, timeToMin, windowInside, type Stored } from './primitives.ts';

const shiftFields = {
  staffId: idSchema,
  date: localDateSchema,
  start: localTimeSchema,
  end: localTimeSchema,
  breaks: z.array(localWindowSchema),
};

type ShiftFields = z.infer<z.ZodObject<typeof shiftFields>>;

/** End after start; every break inside the shift; breaks do not overlap. */
function checkShift(s: ShiftFields, ctx: z.RefinementCtx): void {
  const start = timeToMin(s.start);
  const end = timeToMin(s.end);
  if (end <= start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `end (${s.end}) must be after start (${s.start})` });
    return;
  }
  const shiftWindow = { start: s.start, end: s.end };
  s.breaks.forEach((b, i) => {
    if (!windowInside(b, shiftWindow)) {
      ctx.addIssue({ code: 'custom', path: ['breaks', i], message: `breaks[${i}] (${b.start}–${b.end}) must lie inside the shift ${s.start}–${s.end}` });
    }
  });
  const sorted = [...s.breaks].sort((a, b) => timeToMin(a.start) - timeToMin(b.start));
  for (let i = 1; i < sorted.length; i++) {
    if (timeToMin(sorted[i]!.start) < timeToMin(sorted[i - 1]!.end)) {
      ctx.addIssue({ code: 'custom', path: ['breaks'], message: 'breaks must not overlap' });
      break;
    }
  }
}

const shiftDocument = z.strictObject(shiftFields);

export const shiftDocumentSchema = shiftDocument.superRefine(checkShift);
export const shiftCreateSchema = z.strictObject({ ...shiftFields, breaks: shiftFields.breaks.default([]) }).superRefine(checkShift);
/** PATCH body; the merged shift is re-checked with shiftDocumentSchema. */
export const shiftUpdateSchema = shiftDocument.partial();

export type ShiftInput = z.input<typeof shiftCreateSchema>;
export type ShiftCreate = z.infer<typeof shiftCreateSchema>;
export type ShiftUpdate = z.infer<typeof shiftUpdateSchema>;
export type Shift = ShiftCreate & Stored & { centreId: string };
