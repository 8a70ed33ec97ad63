import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { sortParamSchema } from './list-sort.js';

/** Airflow directions: every value of the community device-type library schema (NetBox's device airflows). */
export const airflows = [
  'front-to-rear',
  'rear-to-front',
  'left-to-right',
  'right-to-left',
  'side-to-rear',
  'rear-to-side',
  'bottom-to-top',
  'top-to-bottom',
  'passive',
  'mixed',
] as const;
export const airflowSchema = z.enum(airflows);
export type Airflow = z.infer<typeof airflowSchema>;

/** A power inlet of a device type; draws in watts, as NetBox's power port templates. */
export const powerPortSchema = z.object({
  name: z.string().min(1).max(64),
  /** Connector, in the library's vocabulary (e.g. `iec-60320-c14`). */
  type: z.string().min(1).max(64).optional(),
  maximumDraw: z.number().int().positive().optional(),
  allocatedDraw: z.number().int().positive().optional(),
});
export type PowerPort = z.infer<typeof powerPortSchema>;

export const deviceTypeSchema = z.object({
  id: z.number().int(),
  manufacturer: z.string(),
  model: z.string(),
  slug: z.string(),
  partNumber: z.string(),
  /** Rack units; 0 for zero-U (vertical PDUs), halves allowed. */
  uHeight: z.number().nonnegative().multipleOf(0.5),
  /** A full-depth device occupies both faces of its rack units. */
  isFullDepth: z.boolean(),
  airflow: airflowSchema.nullable(),
  weightKg: z.number().nonnegative().nullable(),
  powerPorts: z.array(powerPortSchema),
  version: z.number().int(),
});
export type DeviceType = z.infer<typeof deviceTypeSchema>;

export const deviceTypeSortKeys = [
  'manufacturer',
  '-manufacturer',
  'model',
  '-model',
  'slug',
  '-slug',
  'uHeight',
  '-uHeight',
] as const;

export const deviceTypeListQuerySchema = pageQuerySchema.extend({
  manufacturer: z.string().trim().min(1).max(100).optional(),
  sort: sortParamSchema(deviceTypeSortKeys),
});
export type DeviceTypeListQuery = z.infer<typeof deviceTypeListQuerySchema>;

export const deviceTypeSlugSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9_-]+$/, 'lowercase letters, digits, dashes and underscores only');

const writablePowerPortSchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  type: z.string().trim().min(1).max(64).optional(),
  maximumDraw: z.number().int().positive().optional(),
  allocatedDraw: z.number().int().positive().optional(),
});

export const createDeviceTypeSchema = z.strictObject({
  manufacturer: z.string().trim().min(1).max(100),
  model: z.string().trim().min(1).max(100),
  slug: deviceTypeSlugSchema,
  partNumber: z.string().trim().max(100).default(''),
  uHeight: z
    .number()
    .nonnegative()
    .max(60)
    .multipleOf(0.5, 'u_height must be a whole or half unit')
    .default(1),
  isFullDepth: z.boolean().default(true),
  airflow: airflowSchema.nullable().default(null),
  weightKg: z.number().nonnegative().nullable().default(null),
  powerPorts: z.array(writablePowerPortSchema).max(64).default([]),
});
export type CreateDeviceType = z.infer<typeof createDeviceTypeSchema>;

export const updateDeviceTypeSchema = z.strictObject({
  version: z.number().int(),
  manufacturer: z.string().trim().min(1).max(100).optional(),
  model: z.string().trim().min(1).max(100).optional(),
  slug: deviceTypeSlugSchema.optional(),
  partNumber: z.string().trim().max(100).optional(),
  uHeight: z.number().nonnegative().max(60).multipleOf(0.5).optional(),
  isFullDepth: z.boolean().optional(),
  airflow: airflowSchema.nullable().optional(),
  weightKg: z.number().nonnegative().nullable().optional(),
  powerPorts: z.array(writablePowerPortSchema).max(64).optional(),
});
export type UpdateDeviceType = z.infer<typeof updateDeviceTypeSchema>;

export const deviceTypeImportOutcomes = ['created', 'updated', 'rejected'] as const;

/** One file of a device-type library import: imported or rejected as a whole. */
export const deviceTypeImportFileResultSchema = z.object({
  file: z.string(),
  outcome: z.enum(deviceTypeImportOutcomes),
  /** The slug read from the file, when it could be read. */
  slug: z.string().nullable(),
  deviceTypeId: z.number().int().nullable(),
  /** Why the file was rejected, with the field at fault (library key names, e.g. `u_height`). */
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type DeviceTypeImportFileResult = z.infer<typeof deviceTypeImportFileResultSchema>;

export const deviceTypeImportResultSchema = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  files: z.array(deviceTypeImportFileResultSchema),
});
export type DeviceTypeImportResult = z.infer<typeof deviceTypeImportResultSchema>;
