// SQL for patients.
import type { Patient, PatientCreate, PatientUpdate } from '../../domain/patient.ts';
import { createRowCodec } from '../row-codec.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

export const patients = centreScopedRepository<Patient, PatientCreate, PatientUpdate>({
  table: 'patients',
  codec: createRowCodec({ json: ['addressLines', 'carer', 'dietaryNeeds', 'unavailableDates'] }),
  orderBy: ['local_ref', 'id'],
});
