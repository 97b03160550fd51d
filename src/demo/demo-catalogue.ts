// The demo centre's assessment catalogue and precedence rules, as data.
// Fields: code (the solver's type id), name, discipline, kind, durationMin, roomType,
// qualification (what a staff member must hold), groupCapacity (1 = one-to-one).
import type { AssessmentTypeCreate } from '../domain/assessment-type.ts';

export const demoAssessmentTypes: readonly AssessmentTypeCreate[] = [
  { code: 'anp-initial', name: 'ANP initial assessment', discipline: 'anp', kind: 'assessment', durationMin: 45, roomType: 'consult', qualification: 'anp-initial', groupCapacity: 1 },
  { code: 'bloods', name: 'Blood tests', discipline: 'phlebotomy', kind: 'diagnostic', durationMin: 10, roomType: 'phlebotomy', qualification: 'phlebotomy', groupCapacity: 1 },
  { code: 'x-ray', name: 'X-ray', discipline: 'radiography', kind: 'diagnostic', durationMin: 20, roomType: 'x-ray', qualification: 'radiography', groupCapacity: 1 },
  { code: 'medication-review', name: 'Pharmacist medication review', discipline: 'pharmacy', kind: 'assessment', durationMin: 30, roomType: 'consult', qualification: 'medication-review', groupCapacity: 1 },
  { code: 'medicines-reconciliation', name: 'Medicines reconciliation', discipline: 'pharmacy', kind: 'assessment', durationMin: 20, roomType: 'consult', qualification: 'medicines-reconciliation', groupCapacity: 1 },
  { code: 'ot-assessment', name: 'Occupational therapy assessment', discipline: 'ot', kind: 'assessment', durationMin: 45, roomType: 'ot-kitchen', qualification: 'ot-assessment', groupCapacity: 1 },
  { code: 'physio-assessment', name: 'Physiotherapy assessment', discipline: 'physio', kind: 'assessment', durationMin: 45, roomType: 'gym', qualification: 'physio-assessment', groupCapacity: 1 },
  { code: 'falls-group', name: 'Strength and balance group', discipline: 'physio', kind: 'assessment', durationMin: 30, roomType: 'gym', qualification: 'falls-group', groupCapacity: 6 },
  { code: 'social-care', name: 'Social care assessment', discipline: 'social-care', kind: 'assessment', durationMin: 30, roomType: 'consult', qualification: 'social-care-assessment', groupCapacity: 1 },
  { code: 'age-uk', name: 'Age UK wellbeing conversation', discipline: 'voluntary', kind: 'assessment', durationMin: 30, roomType: 'consult', qualification: 'age-uk', groupCapacity: 1 },
  { code: 'alzheimers-support', name: "Alzheimer's UK memory support", discipline: 'voluntary', kind: 'assessment', durationMin: 30, roomType: 'consult', qualification: 'alzheimers-uk', groupCapacity: 1 },
  { code: 'parkinsons-advice', name: "Parkinson's UK advice", discipline: 'voluntary', kind: 'assessment', durationMin: 30, roomType: 'consult', qualification: 'parkinsons-uk', groupCapacity: 1 },
  { code: 'geriatrician-review', name: "Geriatrician's review", discipline: 'geriatrician', kind: 'assessment', durationMin: 45, roomType: 'consult', qualification: 'geriatrician-review', groupCapacity: 1 },
];

/** A precedence rule by type code ('*' = every other assessment of the patient). */
export interface DemoPrecedence {
  before: string;
  after: string;
  minLagMin: number;
  reason: string;
}

/** SPEC §3C rule 6: ANP first; bloods back before the geriatrician; pharmacist before; geriatrician last. */
export const demoPrecedences: readonly DemoPrecedence[] = [
  { before: 'anp-initial', after: '*', minLagMin: 0, reason: "the ANP's initial assessment comes first" },
  { before: 'bloods', after: 'geriatrician-review', minLagMin: 60, reason: "blood results are back before the geriatrician's review" },
  { before: 'medication-review', after: 'geriatrician-review', minLagMin: 0, reason: "the pharmacist reviews medicines before the geriatrician's review" },
  { before: '*', after: 'geriatrician-review', minLagMin: 0, reason: "the geriatrician's review comes last" },
];
