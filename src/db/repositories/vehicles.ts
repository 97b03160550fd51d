// SQL for vehicles.
import type { Vehicle, VehicleCreate, VehicleUpdate } from '../../domain/vehicle.ts';
import { createRowCodec } from '../row-codec.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

export const vehicles = centreScopedRepository<Vehicle, VehicleCreate, VehicleUpdate>({
  table: 'vehicles',
  codec: createRowCodec({ json: ['depot', 'driverShift'] }),
  orderBy: ['name', 'id'],
});
