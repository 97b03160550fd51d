/**
 * The day problem document (what `icc plan` and the API accept) as a zod schema, with the
 * referential checks JSON Schema cannot express, and its JSON Schema export
 * (`npm run schema` writes `schemas/day-problem.schema.json`).
 */
import { z } from 'zod';
import { type DayAssessmentType, type DayCentre, type DayPatient, type DayPin, type DayPrecedence, type DayProblem, type DayRoom, type DayStaffMember, type MinuteWindow, type RequiredAssessment, type RestRule, MEAL_TYPE_ID } from '../../solver/index.ts';
import { AppError } from '../errors/app-error.ts';
import type { Exact } from './exact-type.ts';

/** Minutes from local midnight; a plan day may run past midnight only in theory, so allow up to 48 h. */
const minute = z.int().min(0).max(48 * 60);
const positiveMinutes = z.int().min(1);
const id = z.string().min(1);

const minuteWindowSchema = z
  .strictObject({ startMin: minute, endMin: minute })
  .refine((w) => w.endMin > w.startMin, { message: 'endMin must be after startMin', path: ['endMin'] });

const dayCentreSchema = z
  .strictObject({
    id,
    name: z.string().min(1),
    openMin: minute,
    closeMin: minute,
    lunchWindow: minuteWindowSchema,
    mealDurationMin: positiveMinutes,
    mealRoomType: z.string().min(1),
    mdt: z.strictObject({ startMin: minute, durationMin: positiveMinutes, roomId: id.optional() }),
    transferMin: z.int().min(0),
    checkInBufferMin: z.int().min(0),
  })
  .refine((c) => c.closeMin > c.openMin, { message: 'closeMin must be after openMin', path: ['closeMin'] });

const dayAssessmentTypeSchema = z.strictObject({
  id,
  name: z.string().min(1),
  discipline: z.string().min(1),
  kind: z.enum(['assessment', 'diagnostic']),
  durationMin: positiveMinutes,
  roomType: z.string().min(1),
  qualification: z.string().min(1),
  groupCapacity: z.int().min(1),
});

const dayPrecedenceSchema = z
  .strictObject({
    id,
    before: id.describe("An assessment type id, or '*' for every other assessment of the patient"),
    after: id.describe("An assessment type id, or '*' for every other assessment of the patient"),
    minLagMin: z.int(),
    reason: z.string().optional(),
  })
  .refine((p) => !(p.before === '*' && p.after === '*'), { message: "before and after cannot both be '*'", path: ['after'] });

const dayStaffMemberSchema = z.strictObject({
  id,
  name: z.string().min(1),
  discipline: z.string().min(1),
  qualifications: z.array(z.string().min(1)),
  shift: minuteWindowSchema,
  breaks: z.array(minuteWindowSchema),
  mdtMember: z.boolean(),
});

const dayRoomSchema = z.strictObject({
  id,
  name: z.string().min(1),
  type: z.string().min(1),
  capacity: z.int().min(1),
});

const restRuleSchema = z.strictObject({ maxConsecutive: z.int().min(1), minRestMin: z.int().min(0) });

const requiredAssessmentSchema = z.strictObject({
  typeId: id,
  preferredStaffId: id.optional(),
  carerRequired: z.boolean().optional(),
});

const dayPatientSchema = z
  .strictObject({
    id,
    ref: z.string().min(1),
    initials: z.string(),
    priority: z.number().min(1),
    earliestArrivalMin: minute,
    latestDepartureMin: minute,
    maxOnSiteMin: positiveMinutes,
    required: z.array(requiredAssessmentSchema),
    needsMeal: z.boolean().optional(),
    rest: restRuleSchema.optional(),
    carerPresent: minuteWindowSchema.optional(),
    preferredEarliestArrivalMin: minute.optional(),
    preferredLatestDepartureMin: minute.optional(),
  })
  .refine((p) => p.latestDepartureMin > p.earliestArrivalMin, {
    message: 'latestDepartureMin must be after earliestArrivalMin',
    path: ['latestDepartureMin'],
  });

const dayPinSchema = z.strictObject({
  patientId: id,
  typeId: id,
  startMin: minute,
  staffId: id.optional(),
  roomId: id.optional(),
  durationMin: z.int().min(1).optional(),
});

const dayProblemShape = z.strictObject({
  date: z.iso.date().describe('The plan date, YYYY-MM-DD; every *Min field counts minutes from its local midnight'),
  centre: dayCentreSchema.describe('Opening hours, lunch window and meal, MDT meeting, transfer time and check-in buffer'),
  assessmentTypes: z.array(dayAssessmentTypeSchema).describe('The catalogue: what can be done, by which qualification, in which room type, for how long'),
  precedences: z.array(dayPrecedenceSchema).describe("start(after) >= end(before) + minLagMin for each patient needing both; '*' = every other assessment"),
  staff: z.array(dayStaffMemberSchema).describe("The day's staff: shift, breaks, qualifications, MDT membership"),
  rooms: z.array(dayRoomSchema).describe('Rooms by type; capacity = activities at once (dining room: seats)'),
  patients: z.array(dayPatientSchema).describe('Attending patients: on-site window, required assessments, priority, rest rule, carer'),
  pins: z.array(dayPinSchema).optional().describe("A coordinator's fixed activities; typeId 'meal' pins the meal"),
  replanFromMin: minute.optional().describe('Replanning: unpinned activities start at or after this minute'),
});

type DayProblemShape = z.infer<typeof dayProblemShape>;

/** Adds an issue for every id that appears twice in a list. */
function checkUniqueIds(ctx: z.core.$RefinementCtx, list: Array<{ id: string }>, field: string): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${item.id}"`, path: [field, i, 'id'] });
    seen.add(item.id);
  });
}

/** The references between parts of the document: every id used must be defined. */
function checkReferences(p: DayProblemShape, ctx: z.core.$RefinementCtx): void {
  checkUniqueIds(ctx, p.assessmentTypes, 'assessmentTypes');
  checkUniqueIds(ctx, p.precedences, 'precedences');
  checkUniqueIds(ctx, p.staff, 'staff');
  checkUniqueIds(ctx, p.rooms, 'rooms');
  checkUniqueIds(ctx, p.patients, 'patients');

  const typeIds = new Set(p.assessmentTypes.map((t) => t.id));
  const staffIds = new Set(p.staff.map((s) => s.id));
  const roomIds = new Set(p.rooms.map((r) => r.id));
  const patientIds = new Set(p.patients.map((x) => x.id));
  const issue = (message: string, path: Array<string | number>) => ctx.addIssue({ code: 'custom', message, path });

  if (p.centre.mdt.roomId !== undefined && !roomIds.has(p.centre.mdt.roomId)) {
    issue(`unknown room "${p.centre.mdt.roomId}"`, ['centre', 'mdt', 'roomId']);
  }
  if (!p.rooms.some((r) => r.type === p.centre.mealRoomType)) {
    issue(`no room of type "${p.centre.mealRoomType}" to serve meals in`, ['centre', 'mealRoomType']);
  }
  p.precedences.forEach((prec, i) => {
    for (const side of ['before', 'after'] as const) {
      if (prec[side] !== '*' && !typeIds.has(prec[side])) issue(`unknown assessment type "${prec[side]}"`, ['precedences', i, side]);
    }
  });
  p.patients.forEach((patient, i) => {
    const seenTypes = new Set<string>();
    patient.required.forEach((req, j) => {
      if (!typeIds.has(req.typeId)) issue(`unknown assessment type "${req.typeId}"`, ['patients', i, 'required', j, 'typeId']);
      if (seenTypes.has(req.typeId)) issue(`assessment type "${req.typeId}" required twice`, ['patients', i, 'required', j, 'typeId']);
      seenTypes.add(req.typeId);
      if (req.preferredStaffId !== undefined && !staffIds.has(req.preferredStaffId)) {
        issue(`unknown staff member "${req.preferredStaffId}"`, ['patients', i, 'required', j, 'preferredStaffId']);
      }
    });
  });
  (p.pins ?? []).forEach((pin, i) => {
    if (!patientIds.has(pin.patientId)) issue(`unknown patient "${pin.patientId}"`, ['pins', i, 'patientId']);
    if (pin.typeId !== MEAL_TYPE_ID && !typeIds.has(pin.typeId)) issue(`unknown assessment type "${pin.typeId}"`, ['pins', i, 'typeId']);
    if (pin.staffId !== undefined && !staffIds.has(pin.staffId)) issue(`unknown staff member "${pin.staffId}"`, ['pins', i, 'staffId']);
    if (pin.roomId !== undefined && !roomIds.has(pin.roomId)) issue(`unknown room "${pin.roomId}"`, ['pins', i, 'roomId']);
  });
}

/** The day problem document: shape, ranges and references. */
export const dayProblemSchema = dayProblemShape.superRefine(checkReferences);

// Compile-time guard: the schema and the solver's contract describe the same document.
// Both directions must be assignable and the key sets equal, so a field added to
// solver/model/day-problem.ts without a matching schema field fails `tsc` here.
type Infer<S extends z.ZodType> = z.infer<S>;
const schemaMatchesContract: [
  Exact<Infer<typeof dayProblemSchema>, DayProblem>,
  Exact<Infer<typeof dayCentreSchema>, DayCentre>,
  Exact<Infer<typeof dayAssessmentTypeSchema>, DayAssessmentType>,
  Exact<Infer<typeof dayPrecedenceSchema>, DayPrecedence>,
  Exact<Infer<typeof dayStaffMemberSchema>, DayStaffMember>,
  Exact<Infer<typeof dayRoomSchema>, DayRoom>,
  Exact<Infer<typeof dayPatientSchema>, DayPatient>,
  Exact<Infer<typeof dayPinSchema>, DayPin>,
  Exact<Infer<typeof minuteWindowSchema>, MinuteWindow>,
  Exact<Infer<typeof restRuleSchema>, RestRule>,
  Exact<Infer<typeof requiredAssessmentSchema>, RequiredAssessment>,
] = [true, true, true, true, true, true, true, true, true, true, true];
void schemaMatchesContract;

/** One problem with a document: where (`patients[3].required[0].typeId`) and what. */
export interface DayProblemIssue {
  path: string;
  message: string;
}

/**
 * Thrown by `parseDayProblem`; `issues` names every bad field. An AppError (400,
 * validation_failed, details = issues), so the API's error handler answers it as it is.
 */
export class DayProblemValidationError extends AppError {
  constructor(readonly issues: DayProblemIssue[]) {
    super({
      code: 'validation_failed',
      status: 400,
      message: `Invalid day problem: ${issues.map((i) => `${i.path || '(document)'}: ${i.message}`).join('; ')}`,
      details: issues.map((i) => ({ path: i.path || '(document)', message: i.message })),
    });
    this.name = 'DayProblemValidationError';
  }
}

/** Formats a zod path as `patients[3].required[0].typeId`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}

/** Validates a day problem document; returns the issues (empty when it is valid). */
export function dayProblemIssues(doc: unknown): DayProblemIssue[] {
  const result = dayProblemSchema.safeParse(doc);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message }));
}

/**
 * Parses and checks a day problem document.
 * @throws DayProblemValidationError naming every bad field.
 * @example parseDayProblem(JSON.parse(readFileSync('day.json', 'utf8')))
 */
export function parseDayProblem(doc: unknown): DayProblem {
  const result = dayProblemSchema.safeParse(doc);
  if (!result.success) {
    throw new DayProblemValidationError(result.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message })));
  }
  return result.data;
}

/** The document's JSON Schema (draft 2020-12); the referential checks are described, not encoded. */
export function dayProblemJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(dayProblemShape, { io: 'input' }),
    $id: 'https://icc-scheduler.local/schemas/day-problem.schema.json',
    title: 'ICC day problem',
    description:
      'Everything the day planner needs for one ICC day. Times are integer minutes from local midnight. ' +
      'Beyond this schema: ids are unique per list, and every type, staff, room and patient id referenced must be defined.',
  };
}

/** The JSON Schema file's exact text (stable key order, trailing newline). */
export function renderDayProblemJsonSchema(): string {
  return `${JSON.stringify(dayProblemJsonSchema(), null, 2)}\n`;
}
