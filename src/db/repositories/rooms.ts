// SQL for rooms.
import type { Room, RoomCreate, RoomUpdate } from '../../domain/room.ts';
import { createRowCodec } from '../row-codec.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

export const rooms = centreScopedRepository<Room, RoomCreate, RoomUpdate>({
  table: 'rooms',
  codec: createRowCodec(),
  orderBy: ['type', 'name', 'id'],
});
