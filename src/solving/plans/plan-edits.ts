// The one way a stored plan of any kind (ICC day, outreach day) is read by version and edited:
// If-Match against the newest version (428 without it, 412 when someone saved first), the edit
// computed against it, saved as version + 1 through the one writer (plan-versions.ts).
import type { Knex } from 'knex';
import { z } from 'zod';
import { plans } from '../../db/repositories/plans.ts';
import type { Plan, PlanCreate, PlanPin } from '../../domain/plan.ts';
import { localDateSchema } from '../../domain/primitives.ts';
import { AppError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { foundInCentre, type Actor } from '../../api/services/centre-scoped-service.ts';
import { writePlanVersion } from './plan-versions.ts';

/** The kinds of plan edited through here, and what their messages call them. */
const nounOf = { day: 'plan', outreach: 'outreach plan' } as const satisfies Partial<Record<PlanCreate['kind'], string>>;
export type EditablePlanKind = keyof typeof nounOf;

const getQuerySchema = z.strictObject({
  status: z.enum(['draft', 'published']).optional(),
  version: z.coerce.number().int().min(1).optional(),
});

/** `"3"`, `W/"3"` or `3` → 3; anything else can never match a version. */
export function parseIfMatch(header: string | undefined): number | undefined | null {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  return match ? Number(match[1]) : null;
}

export function requireDate(date: string): string {
  return parseOrThrow(z.strictObject({ date: localDateSchema }), { date }, 'plan date').date;
}

const preconditionFailed = (message: string, currentVersion: number) =>
  new AppError({ code: 'precondition_failed', status: 412, message, details: { currentVersion } });

/** 422 naming the hard rules an edit or publish would break. */
export function rejected(message: string, violations: Array<{ constraint: string; message: string }>): AppError {
  return new AppError({
    code: 'plan_rejected',
    status: 422,
    message: `${message}: ${violations.map((v) => v.message).join(' ')}`,
    details: { violations: violations.map((v) => ({ constraint: v.constraint, message: v.message })) },
  });
}

export const pinKey = (pin: { patientId: string; typeId: string }) => `${pin.patientId}:${pin.typeId}`;

/** `pins` with `pin` in place of any pin of the same activity or visit. */
export function withPin<P extends { patientId: string; typeId: string }>(pins: readonly P[] | undefined, pin: P): P[] {
  return [...(pins ?? []).filter((p) => pinKey(p) !== pinKey(pin)), pin];
}

/** The newest version of `kind` (or the newest with `status`, or exactly `version`); 404 otherwise. */
export async function getPlanVersion(db: Knex, kind: EditablePlanKind, centreId: string, date: string, query: Record<string, unknown> = {}): Promise<Plan> {
  const { status, version } = parseOrThrow(getQuerySchema, query, 'plan query');
  const day = requireDate(date);
  const found = version !== undefined
    ? (await plans.list(db, centreId, { date: day, kind, version })).find((p) => status === undefined || p.status === status)
    : status
      ? await plans.latestWithStatus(db, centreId, day, status, kind)
      : await plans.latest(db, centreId, day, kind);
  return foundInCentre(db, centreId, found, status ? `${status} ${nounOf[kind]} for date` : `${nounOf[kind]} for date`, version === undefined ? date : `${date} version ${version}`);
}

export interface PlanEdit<D extends { source: Record<string, unknown> }> {
  document: D;
  pins: PlanPin[];
  status?: Plan['status'];
}

/**
 * Check If-Match against the newest version, compute the edit, save it as version + 1 unless
 * another edit got there first.
 */
export async function editPlanVersion<D extends { source: Record<string, unknown> }>(
  db: Knex,
  kind: EditablePlanKind,
  at: { centreId: string; date: string; ifMatch: string | undefined; actor: Actor },
  edit: (current: Plan, doc: D) => Promise<PlanEdit<D>> | PlanEdit<D>,
): Promise<Plan> {
  const { centreId, date, ifMatch, actor } = at;
  const noun = nounOf[kind];
  const expected = parseIfMatch(ifMatch);
  if (expected === undefined) {
    throw new AppError({ code: 'precondition_required', status: 428, message: 'Editing a plan needs an If-Match header with the plan version (its ETag)', details: [{ path: 'If-Match', message: 'is required' }] });
  }
  const current = await foundInCentre(db, centreId, await plans.latest(db, centreId, requireDate(date), kind), `${noun} for date`, date);
  if (expected !== current.version) {
    throw preconditionFailed(`The ${noun} has changed: version ${current.version} is the newest, not ${ifMatch}. Reload it and edit again.`, current.version);
  }
  const next = await edit(current, current.document as unknown as D);
  const saved = await writePlanVersion(db, {
    centreId,
    doc: { date: current.date, kind, status: next.status ?? 'draft', document: next.document as unknown as Record<string, unknown>, pins: next.pins },
    version: current.version + 1,
    audit: { actor: actor.name, action: next.status === 'published' ? 'publish' : 'update', details: { ...next.document.source } },
  });
  if (!saved) throw preconditionFailed(`The ${noun} was changed by someone else while this edit was made (version ${current.version} is no longer the newest). Reload it and edit again.`, current.version + 1);
  return saved;
}
