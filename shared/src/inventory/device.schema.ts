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

/** A row of the device list: the device and where it stands, named, so a list needs no lookups. */
export const deviceListItemSchema = deviceSchema.extend({
  rackName: z.string().nullable(),
  roomId: z.number().int().nullable(),
  roomName: z.string().nullable(),
  siteId: z.number().int().nullable(),
  siteCode: z.string().nullable(),
});
export type DeviceListItem = z.infer<typeof deviceListItemSchema>;

export const deviceSortKeys = ['name', '-name', 'status', '-status'] as const;

export const deviceListQuerySchema = pageQuerySchema.extend({
  siteId: idFilterSchema,
  roomId: idFilterSchema,
  rackId: idFilterSchema,
  tenantId: idFilterSchema,
  deviceTypeId: idFilterSchema,
  status: deviceStatusSchema.optional(),
  /** Order of the list; `-` for descending. Default: creation order (id). */
  sort: z.enum(deviceSortKeys, { error: `one of ${deviceSortKeys.join(', ')}` }).optional(),
});
export type DeviceListQuery = z.infer<typeof deviceListQuerySchema>;

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable();

/**
 * A device is racked when `rackId` is set: then `face` is required, and `position` too unless its
 * type is zero-U (checked on the server, which knows the type).
 */
export const createDeviceSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  deviceTypeId: z.number().int().positive(),
  rackId: z.number().int().positive().nullable().default(null),
  position: z
    .number()
    .positive('position is a rack unit, 1 or more')
    .multipleOf(0.5, 'position must be a whole or half unit')
    .nullable()
    .default(null),
  face: rackFaceSchema.nullable().default(null),
  status: deviceStatusSchema.default('active'),
  tenantId: z.number().int().positive().nullable().default(null),
  serial: optionalText(64).default(null),
  assetTag: optionalText(64).default(null),
});
export type CreateDevice = z.infer<typeof createDeviceSchema>;

export const updateDeviceSchema = z.strictObject({
  version: z.number().int(),
  name: z.string().trim().min(1).max(100).optional(),
  deviceTypeId: z.number().int().positive().optional(),
  rackId: z.number().int().positive().nullable().optional(),
  position: z
    .number()
    .positive('position is a rack unit, 1 or more')
    .multipleOf(0.5, 'position must be a whole or half unit')
    .nullable()
    .optional(),
  face: rackFaceSchema.nullable().optional(),
  status: deviceStatusSchema.optional(),
  tenantId: z.number().int().positive().nullable().optional(),
  serial: optionalText(64).optional(),
  assetTag: optionalText(64).optional(),
});
export type UpdateDevice = z.infer<typeof updateDeviceSchema>;
