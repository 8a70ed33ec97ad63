import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { idFilterSchema } from './id-filter.js';

export const deviceStatuses = ['planned', 'active', 'failed', 'offline', 'decommissioning'] as const;
export const deviceStatusSchema = z.enum(deviceStatuses);
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export const rackFaces = ['front', 'rear'] as const;
export const rackFaceSchema = z.enum(rackFaces);
export type RackFace = z.infer<typeof rackFaceSchema>;

export const deviceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  deviceTypeId: z.number().int(),
  /** Null while the device is not racked (in stock, awaiting installation). */
  rackId: z.number().int().nullable(),
  /** Lowest rack unit occupied (1 = bottom, halves allowed); null for zero-U and unracked devices. */
  position: z.number().positive().multipleOf(0.5).nullable(),
  face: rackFaceSchema.nullable(),
  status: deviceStatusSchema,
  tenantId: z.number().int().nullable(),
  serial: z.string().nullable(),
  assetTag: z.string().nullable(),
  version: z.number().int(),
});
export type Device = z.infer<typeof deviceSchema>;

export const deviceListQuerySchema = pageQuerySchema.extend({
  siteId: idFilterSchema,
  roomId: idFilterSchema,
  rackId: idFilterSchema,
  tenantId: idFilterSchema,
  deviceTypeId: idFilterSchema,
  status: deviceStatusSchema.optional(),
});
export type DeviceListQuery = z.infer<typeof deviceListQuerySchema>;
