// SQL for staff members.
import type { StaffMember, StaffMemberCreate, StaffMemberUpdate } from '../../domain/staff-member.ts';
import { createRowCodec } from '../row-codec.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

export const staffMembers = centreScopedRepository<StaffMember, StaffMemberCreate, StaffMemberUpdate>({
  table: 'staff_members',
  codec: createRowCodec({ json: ['qualifications', 'organisation'] }),
  orderBy: ['discipline', 'name', 'id'],
});
