// A vehicle of the transport team: seats, wheelchair spaces, depot and the driver's shift (SPEC §3D).
import { z } from 'zod';
import { idSchema, latitudeSchema, localWindowSchema, longitudeSchema, nonEmptyText, postcodeSchema, type Stored } from './primitives.ts';

const count = z.number().int({ message: 'must be a whole number' }).min(0, { message: 'must be 0 or more' });

const vehicleFields = {
  name: nonEmptyText,
  /** Seated passengers, carers included. */
  seats: count,
  wheelchairSpaces: count,
  depot: z.strictObject({ postcode: postcodeSchema, lat: latitudeSchema.nullable(), lon: longitudeSchema.nullable() }),
  /** The driver's working hours, local "HH:MM". */
  driverShift: localWindowSchema,
  driverStaffId: idSchema.nullable(),
};

type VehicleFields = z.infer<z.ZodObject<typeof vehicleFields>>;

function checkVehicle(v: VehicleFields, ctx: z.RefinementCtx): void {
  if (v.seats + v.wheelchairSpaces < 1) ctx.addIssue({ code: 'custom', path: ['seats'], message: 'seats plus wheelchairSpaces must be at least 1' });
  if ((v.depot.lat === null) !== (v.depot.lon === null)) {
    ctx.addIssue({ code: 'custom', path: ['depot', v.depot.lat === null ? 'lat' : 'lon'], message: 'depot lat and lon must be given together' });
  }
}

const vehicleDocument = z.strictObject(vehicleFields);
export const vehicleDocumentSchema = vehicleDocument.superRefine(checkVehicle);
export const vehicleCreateSchema = z
  .strictObject({ ...vehicleFields, wheelchairSpaces: vehicleFields.wheelchairSpaces.default(0), driverStaffId: vehicleFields.driverStaffId.default(null) })
  .superRefine(checkVehicle);
export const vehicleUpdateSchema = vehicleDocument.partial();

export type VehicleInput = z.input<typeof vehicleCreateSchema>;
export type VehicleCreate = z.infer<typeof vehicleCreateSchema>;
export type VehicleUpdate = z.infer<typeof vehicleUpdateSchema>;
export type Vehicle = VehicleCreate & Stored & { centreId: string };
