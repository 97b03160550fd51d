// POST /fhir/r4/:centreId/ServiceRequest: a GP system files a referral as a FHIR ServiceRequest
// with its Patient contained (or referenced by id or by NHS number). Idempotent by identifier:
// a request whose identifier the centre already holds returns that referral (200), never a
// second one. Everything is written in one transaction with its audit entry.
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import { auditLog } from '../db/repositories/audit-log.ts';
import { patients } from '../db/repositories/patients.ts';
import { referralIdentifiers, type ReferralIdentifier } from '../db/repositories/referral-identifiers.ts';
import { referrals } from '../db/repositories/referrals.ts';
import { efiCategories, patientCreateSchema, type Patient } from '../domain/patient.ts';
import { referralCreateSchema } from '../domain/referral.ts';
import { appError, isAppError, type ErrorDetail } from '../errors/app-error.ts';
import { fromZodError, parseOrThrow } from '../errors/from-zod-error.ts';
import { requireCentre, type Actor } from '../api/services/centre-scoped-service.ts';
import { NHS_NUMBER_SYSTEM, ukCoreDetails } from './uk-core.ts';

export const EFI_CATEGORY_EXTENSION = 'urn:icc-scheduler:extension:efi-category';

const identifier = z.looseObject({ system: z.string().min(1, { message: 'is required' }), value: z.string().min(1, { message: 'is required' }) });
const reference = z.looseObject({ reference: z.string().optional(), display: z.string().optional(), identifier: identifier.optional() });
const extension = z.looseObject({ url: z.string(), valueCode: z.string().optional() });

const containedPatient = z.looseObject({
  resourceType: z.literal('Patient'),
  id: z.string().optional(),
  identifier: z.array(identifier).optional(),
  name: z.array(z.looseObject({ family: z.string().optional(), given: z.array(z.string()).optional(), text: z.string().optional() })).optional(),
  birthDate: z.string().optional(),
  address: z.array(z.looseObject({ line: z.array(z.string()).optional(), postalCode: z.string().optional() })).optional(),
  telecom: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional() })).optional(),
  generalPractitioner: z.array(reference).optional(),
});

/** The parts of a ServiceRequest intake reads; other elements are allowed and ignored. */
const intakeSchema = z.looseObject({
  resourceType: z.literal('ServiceRequest', { message: 'must be "ServiceRequest"' }),
  identifier: z.array(identifier).min(1, { message: 'needs at least one identifier (system and value): it makes a repeated request idempotent' }),
  status: z.string(),
  intent: z.string(),
  priority: z.string().optional(),
  subject: reference,
  authoredOn: z.string().optional(),
  requester: reference.optional(),
  note: z.array(z.looseObject({ text: z.string() })).optional(),
  contained: z.array(z.looseObject({ resourceType: z.string() })).optional(),
  extension: z.array(extension).optional(),
});
type Intake = z.infer<typeof intakeSchema>;

export interface IntakeResult {
  referralId: string;
  created: boolean;
}

/** Today in London: the referral date when the request has no authoredOn. */
const todayInLondon = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

async function findExisting(db: Knex, centreId: string, ids: ReferralIdentifier[]): Promise<string | undefined> {
  for (const id of ids) {
    const found = await referralIdentifiers.findReferralId(db, centreId, id);
    if (found) return found;
  }
  return undefined;
}

/** The contained Patient the subject points to, as a patient document (400s name the FHIR element). */
function patientFromContained(request: Intake, efiCategory: (typeof efiCategories)[number]): { nhsNumber: string; doc?: unknown } | { patientId: string } {
  const ref = request.subject.reference;
  if (ref && /^Patient\/[^/]+$/.test(ref)) return { patientId: ref.slice('Patient/'.length) };
  if (!ref && request.subject.identifier?.system === NHS_NUMBER_SYSTEM) return { nhsNumber: request.subject.identifier.value };
  const index = (request.contained ?? []).findIndex((c) => c.resourceType === 'Patient' && ref === `#${String(c.id)}`);
  if (!ref?.startsWith('#') || index < 0) {
    throw appError.validation('subject must reference a contained Patient ("#id"), a Patient of this centre ("Patient/<id>"), or carry an NHS number identifier', [
      { path: 'subject', message: 'must reference a contained Patient ("#id"), "Patient/<id>", or an identifier with the NHS number system' },
    ]);
  }
  const where = `contained.${index}`;
  const parsed = containedPatient.safeParse(request.contained![index]);
  if (!parsed.success) throw fromZodError(new z.ZodError(parsed.error.issues.map((i) => ({ ...i, path: ['contained', index, ...i.path] }))), 'contained Patient');
  const p = parsed.data;
  const nhsNumber = p.identifier?.find((i) => i.system === NHS_NUMBER_SYSTEM)?.value;
  if (!nhsNumber) throw appError.validation(`${where}.identifier: the Patient needs an NHS number (${NHS_NUMBER_SYSTEM})`, [{ path: `${where}.identifier`, message: `needs an identifier with system ${NHS_NUMBER_SYSTEM}` }]);
  const name = p.name?.[0];
  const address = p.address?.[0];
  const gp = p.generalPractitioner?.[0]?.display ?? request.requester?.display;
  const doc = {
    nhsNumber,
    givenName: name?.given?.join(' ') ?? '',
    familyName: name?.family ?? '',
    dateOfBirth: p.birthDate ?? null,
    addressLines: address?.line ?? [],
    postcode: address?.postalCode ?? '',
    phone: p.telecom?.find((t) => t.system === 'phone')?.value ?? null,
    efiCategory,
    gpPractice: gp ?? '',
    // The centre's own reference, shown on feeds instead of the NHS number: random, never derived from it.
    localRef: `GP-${randomBytes(4).toString('hex').toUpperCase()}`,
  };
  // Field → FHIR element, so a 400 names what the sender wrote.
  const elementOf: Record<string, string> = {
    nhsNumber: 'identifier', givenName: 'name.0.given', familyName: 'name.0.family', dateOfBirth: 'birthDate', addressLines: 'address.0.line',
    postcode: 'address.0.postalCode', phone: 'telecom', gpPractice: 'generalPractitioner.0.display',
  };
  const checked = patientCreateSchema.safeParse(doc);
  if (!checked.success) {
    const details: ErrorDetail[] = checked.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      return { path: `${where}.${elementOf[field] ?? field}`, message: issue.message };
    });
    throw appError.validation(`Invalid contained Patient: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  }
  return { nhsNumber: checked.data.nhsNumber, doc };
}

export const serviceRequestIntake = {
  /** Files the referral, or finds the one filed before under the same identifier. */
  async file(db: Knex, centreId: string, body: unknown, actor: Actor): Promise<IntakeResult> {
    const request = parseOrThrow(intakeSchema, body, 'ServiceRequest');
    const rules = ukCoreDetails(body);
    if (rules.length > 0) throw appError.validation(`Invalid ServiceRequest: ${rules.map((d) => `${d.path}: ${d.message}`).join('; ')}`, rules);
    if (request.intent !== 'order' && request.intent !== 'original-order') {
      throw appError.validation('intent: a referral is an order', [{ path: 'intent', message: 'must be "order" (or "original-order") for a referral' }]);
    }
    if (request.status !== 'active') throw appError.validation('status: only an active request can be filed', [{ path: 'status', message: 'must be "active"' }]);
    const efiCode = request.extension?.find((e) => e.url === EFI_CATEGORY_EXTENSION)?.valueCode;
    if (efiCode !== undefined && !(efiCategories as readonly string[]).includes(efiCode)) {
      throw appError.validation(`extension: eFI category must be one of ${efiCategories.join(', ')}`, [{ path: 'extension', message: `${EFI_CATEGORY_EXTENSION} must be one of ${efiCategories.join(', ')}` }]);
    }
    const ids = request.identifier.map(({ system, value }) => ({ system, value }));
    await requireCentre(db, centreId);
    const before = await findExisting(db, centreId, ids);
    if (before) return { referralId: before, created: false };

    const subject = patientFromContained(request, (efiCode ?? 'moderate') as (typeof efiCategories)[number]);
    const referrerName = request.requester?.display ?? 'GP (not named)';
    const notes = [
      ...(request.note ?? []).map((n) => n.text),
      ...(efiCode === undefined ? ['eFI category not given in the referral: assumed moderate until the pre-visit'] : []),
    ].join('\n') || null;
    const referralDoc = (patientId: string) => parseOrThrow(referralCreateSchema, {
      patientId,
      referrer: { kind: 'gp', name: referrerName.slice(0, 500) },
      referredDate: request.authoredOn?.slice(0, 10) ?? todayInLondon(),
      urgent: ['urgent', 'asap', 'stat'].includes(request.priority ?? 'routine'),
      notes,
    }, 'referral');

    try {
      return await db.transaction(async (trx) => {
        let patient: Patient | undefined;
        if ('patientId' in subject) {
          patient = await patients.findById(trx, centreId, subject.patientId);
          if (!patient) throw appError.referenceNotFound(`subject: no patient ${subject.patientId} in this centre`, [{ path: 'subject.reference', message: 'no such patient in this centre' }]);
        } else {
          patient = (await patients.list(trx, centreId, { nhsNumber: subject.nhsNumber }))[0];
          if (!patient && subject.doc === undefined) {
            throw appError.referenceNotFound('subject: no patient with that NHS number in this centre; send the Patient contained', [{ path: 'subject.identifier', message: 'no patient with this NHS number in this centre' }]);
          }
          patient ??= await patients.insert(trx, centreId, parseOrThrow(patientCreateSchema, subject.doc, 'patient'));
        }
        const referral = await referrals.insert(trx, centreId, referralDoc(patient.id), actor.name);
        await referralIdentifiers.add(trx, centreId, referral.id, ids);
        await auditLog.append(trx, { actor: actor.name, action: 'create', entity: 'referral', entityId: referral.id, details: { via: 'fhir ServiceRequest', identifiers: ids } });
        return { referralId: referral.id, created: true };
      });
    } catch (error) {
      // Two deliveries of one request at once: the loser's identifier insert hits the unique key.
      if (isAppError(error) && error.status === 409) {
        const winner = await findExisting(db, centreId, ids);
        if (winner) return { referralId: winner, created: false };
      }
      throw error;
    }
  },
};
