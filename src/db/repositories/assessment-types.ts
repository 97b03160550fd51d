// SQL for the assessment catalogue.
import type { AssessmentType, AssessmentTypeCreate, AssessmentTypeUpdate } from '../../domain/assessment-type.ts';
import { createRowCodec } from '../row-codec.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

export const assessmentTypes = centreScopedRepository<AssessmentType, AssessmentTypeCreate, AssessmentTypeUpdate>({
  table: 'assessment_types',
  codec: createRowCodec(),
  orderBy: ['code', 'id'],
});
