// POST …/referrals/import (text/csv): referrals with their patients from a spreadsheet, all or
// nothing. Every row is checked before anything is written, and every bad cell is reported by
// its row (the spreadsheet's row number: the header is row 1) and column. A patient whose NHS
// number the centre already holds is reused, not duplicated.
import { parse } from 'csv-parse/sync';
import type { Knex } from 'knex';
import { z } from 'zod';
import { auditLog } from '../../db/repositories/audit-log.ts';
import { patients } from '../../db/repositories/patients.ts';
import { referrals } from '../../db/repositories/referrals.ts';
import { patientCreateSchema, type Patient, type PatientCreate } from '../../domain/patient.ts';
import { referralCreateSchema, type Referral } from '../../domain/referral.ts';
import { appError, isAppError, type ErrorDetail } from '../../errors/app-error.ts';
import { requireCentre, type Actor } from './centre-scoped-service.ts';

/** The columns a file may have; `required` ones must be in the header. */
export const importColumns = {
  nhsNumber: { required: true }, givenName: { required: true }, familyName: { required: true }, dateOfBirth: { required: false },
  addressLine1: { required: true }, addressLine2: { required: false }, addressLine3: { required: false }, postcode: { required: true },
  phone: { required: false }, mobility: { required: false }, efiCategory: { required: true }, gpPractice: { required: true }, localRef: { required: true },
  referrerKind: { required: false }, referrerName: { required: true }, referrerOrganisation: { required: false }, referredDate: { required: true },
  urgent: { required: false }, notes: { required: false },
} as const;
type Column = keyof typeof importColumns;

export const referralImportResultSchema = z.strictObject({
  imported: z.int().describe('Referrals created'),
  patientsCreated: z.int(),
  patientsReused: z.int().describe('Rows whose NHS number the centre already held: the referral goes to that patient'),
  referralIds: z.array(z.string()),
});
export type ReferralImportResult = z.infer<typeof referralImportResultSchema>;

const rowPath = (row: number, column: string) => `rows.${row}.${column}`;
const detail = (row: number, column: string, message: string): ErrorDetail => ({ path: rowPath(row, column), message: `row ${row}, column ${column}: ${message}` });

/** A patient field's zod path → its column. */
function patientColumn(path: PropertyKey[]): string {
  const [field, index] = path.map(String);
  if (field === 'addressLines') return index === undefined ? 'addressLine1' : `addressLine${Number(index) + 1}`;
  return field ?? '(row)';
}
const referralColumn = (path: PropertyKey[]) => (path[0] === 'referrer' ? `referrer${String(path[1] ?? 'name').replace(/^./, (c) => c.toUpperCase())}` : String(path[0] ?? '(row)'));

const yes = new Set(['yes', 'y', 'true', '1']);
const no = new Set(['no', 'n', 'false', '0', '']);

interface Row {
  row: number;
  patient: PatientCreate;
  referral: (patientId: string) => z.infer<typeof referralCreateSchema>;
}

function parseRows(text: string): Row[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, { columns: true, bom: true, trim: true, skip_empty_lines: true, info: true }) as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw appError.badRequest(`The file is not CSV this import can read${line ? ` (at row ${line})` : ''}: ${(error as Error).message}`, [
      { path: line ? `rows.${line}` : '(body)', message: (error as Error).message },
    ]);
  }
  if (records.length === 0) throw appError.validation('The file has no rows after its header', [{ path: '(body)', message: 'needs a header row and at least one row' }]);
  const header = Object.keys(records[0]!.record);
  const unknown = header.filter((c) => !(c in importColumns));
  const missing = (Object.keys(importColumns) as Column[]).filter((c) => importColumns[c].required && !header.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    const details = [
      ...unknown.map((c) => ({ path: `columns.${c}`, message: `${c} is not a column this import knows (${Object.keys(importColumns).join(', ')})` })),
      ...missing.map((c) => ({ path: `columns.${c}`, message: `${c} is a required column` })),
    ];
    throw appError.validation(`The header is wrong: ${details.map((d) => d.message).join('; ')}`, details);
  }

  const problems: ErrorDetail[] = [];
  const rows: Row[] = [];
  for (const { record, info } of records) {
    const row = info.lines;
    const cell = (c: Column) => (record[c] === undefined || record[c] === '' ? undefined : record[c]);
    const patient = patientCreateSchema.safeParse({
      nhsNumber: record.nhsNumber ?? '', givenName: record.givenName ?? '', familyName: record.familyName ?? '',
      ...(cell('dateOfBirth') ? { dateOfBirth: cell('dateOfBirth') } : {}),
      addressLines: [cell('addressLine1'), cell('addressLine2'), cell('addressLine3')].filter((l): l is string => l !== undefined),
      postcode: record.postcode ?? '', ...(cell('phone') ? { phone: cell('phone') } : {}), ...(cell('mobility') ? { mobility: cell('mobility') } : {}),
      efiCategory: record.efiCategory ?? '', gpPractice: record.gpPractice ?? '', localRef: record.localRef ?? '',
    });
    if (!patient.success) for (const issue of patient.error.issues) problems.push(detail(row, patientColumn(issue.path), issue.message));
    const urgentText = (record.urgent ?? '').toLowerCase();
    if (!yes.has(urgentText) && !no.has(urgentText)) problems.push(detail(row, 'urgent', 'must be yes or no'));
    const referralInput = (patientId: string) => ({
      patientId,
      referrer: { kind: cell('referrerKind') ?? 'gp', name: record.referrerName ?? '', ...(cell('referrerOrganisation') ? { organisation: cell('referrerOrganisation') } : {}) },
      referredDate: record.referredDate ?? '',
      urgent: yes.has(urgentText),
      notes: cell('notes') ?? null,
    });
    // Checked now with a stand-in id: the patient's id is only known once it is written.
    const referral = referralCreateSchema.safeParse(referralInput('00000000-0000-4000-8000-000000000000'));
    if (!referral.success) for (const issue of referral.error.issues) problems.push(detail(row, referralColumn(issue.path), issue.message));
    if (patient.success && referral.success) rows.push({ row, patient: patient.data, referral: (patientId) => referralCreateSchema.parse(referralInput(patientId)) });
  }
  if (problems.length > 0) {
    throw appError.validation(`${problems.length} problem(s) in the file; nothing was imported: ${problems.slice(0, 5).map((p) => p.message).join('; ')}${problems.length > 5 ? '; …' : ''}`, problems);
  }
  return rows;
}

export const referralImport = {
  import(db: Knex, centreId: string, text: unknown, actor: Actor): Promise<ReferralImportResult> {
    if (typeof text !== 'string') throw appError.badRequest('Send the file as text/csv', [{ path: '(body)', message: 'must be a text/csv body' }]);
    const rows = parseRows(text);
    return db.transaction(async (trx) => {
      await requireCentre(trx, centreId);
      const created: Referral[] = [];
      let patientsCreated = 0;
      let patientsReused = 0;
      for (const { row, patient, referral } of rows) {
        try {
          let stored: Patient | undefined = (await patients.list(trx, centreId, { nhsNumber: patient.nhsNumber }))[0];
          if (stored) patientsReused++;
          else {
            stored = await patients.insert(trx, centreId, patient);
            patientsCreated++;
          }
          created.push(await referrals.insert(trx, centreId, referral(stored.id), actor.name));
        } catch (error) {
          // A row the database refuses (a localRef another patient has): name its row, roll back everything.
          if (isAppError(error) && Array.isArray(error.details)) {
            for (const d of error.details as ErrorDetail[]) Object.assign(d, detail(row, patientColumn([d.path]), d.message));
            error.message = `row ${row}: ${error.message}; nothing was imported`;
          }
          throw error;
        }
      }
      await auditLog.append(trx, { actor: actor.name, action: 'create', entity: 'referral', entityId: '(import)', details: { ids: created.map((r) => r.id), rows: rows.length } });
      return { imported: created.length, patientsCreated, patientsReused, referralIds: created.map((r) => r.id) };
    });
  },
};
