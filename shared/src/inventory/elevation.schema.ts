import { z } from 'zod';
import { deviceStatusSchema, rackFaceSchema } from './device.schema.js';
import { rackSchema } from './rack.schema.js';

/** A device as drawn on a rack elevation: enough to label it and colour it by status. */
export const elevationDeviceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  deviceTypeId: z.number().int(),
  /** `manufacturer model`, as labelled on the drawing. */
  typeLabel: z.string(),
  /** Rack units; 0 for zero-U devices. */
  uHeight: z.number().nonnegative(),
  isFullDepth: z.boolean(),
  /** Lowest unit occupied (1 = bottom); null for zero-U devices. */
  position: z.number().positive().nullable(),
  /** The face the device is mounted on (a full-depth device also fills the other face). */
  face: rackFaceSchema.nullable(),
  status: deviceStatusSchema,
  tenantId: z.number().int().nullable(),
  tenantName: z.string().nullable(),
});
export type ElevationDevice = z.infer<typeof elevationDeviceSchema>;

/** A run of `units` consecutive units starting at unit `from` (1 = bottom; halves allowed). */
export const unitRangeSchema = z.object({
  from: z.number().positive(),
  units: z.number().positive(),
});
export type UnitRange = z.infer<typeof unitRangeSchema>;

/**
 * One face of the rack as seen from that side: every device that occupies it (full-depth devices
 * appear on both faces; compare `device.face` with `face` to tell the mounting side), and the free
 * space left (runs free on this face, whatever the other face holds).
 */
export const elevationFaceSchema = z.object({
  face: rackFaceSchema,
  devices: z.array(elevationDeviceSchema),
  freeRanges: z.array(unitRangeSchema),
  freeUnits: z.number().nonnegative(),
});
export type ElevationFace = z.infer<typeof elevationFaceSchema>;

/**
 * `GET /api/racks/:id/elevation`. For a client viewer, devices of other tenants in a shared rack
 * are left out; the space they take is then reported as occupied (`hiddenRanges`), not free.
 */
export const rackElevationSchema = z.object({
  rack: rackSchema,
  front: elevationFaceSchema,
  rear: elevationFaceSchema,
  /** Zero-U devices (vertical PDUs…), drawn beside the rack. */
  zeroU: z.array(elevationDeviceSchema),
  /** Units taken by devices the viewer may not see, per face. */
  hiddenRanges: z.object({ front: z.array(unitRangeSchema), rear: z.array(unitRangeSchema) }),
});
export type RackElevation = z.infer<typeof rackElevationSchema>;
