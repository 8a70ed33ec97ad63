import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';

/** Airflow directions, as in NetBox and the community device-type library. */
export const airflows = [
  'front-to-rear',
  'rear-to-front',
  'left-to-right',
  'right-to-left',
  'side-to-rear',
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

export const deviceTypeListQuerySchema = pageQuerySchema.extend({
  manufacturer: z.string().trim().min(1).max(100).optional(),
});
export type DeviceTypeListQuery = z.infer<typeof deviceTypeListQuerySchema>;
