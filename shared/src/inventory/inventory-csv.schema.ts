import { z } from 'zod';
import { fieldErrorSchema } from '../common/errors.js';

/**
 * CSV columns of rack imports and exports, in order. Names resolve to existing objects: `site` is
 * a site code, `room` a room name in that site, `tenant` a tenant code (empty for none). A rack
 * whose site, room and name already exist is updated; any other row creates one.
 */
export const rackCsvColumns = [
  'site',
  'room',
  'name',
  'row',
  'grid_x',
  'grid_y',
  'u_height',
  'power_budget_kw',
  'max_weight_kg',
  'status',
  'tenant',
] as const;

/**
 * CSV columns of device imports and exports, in order. `device_type` is a type slug; `site`,
 * `room` and `rack` locate the rack (all three empty for an unracked device); `position` is the
 * lowest unit, empty for zero-U. A row whose `asset_tag` matches a device updates it; any other
 * row creates one.
 */
export const deviceCsvColumns = [
  'name',
  'device_type',
  'site',
  'room',
  'rack',
  'position',
  'face',
  'status',
  'tenant',
  'serial',
  'asset_tag',
] as const;

export const csvImportKinds = ['racks', 'devices'] as const;
export type CsvImportKind = (typeof csvImportKinds)[number];

/** `?dryRun=true` checks every row and reports what would change, writing nothing. */
export const csvImportQuerySchema = z.strictObject({
  dryRun: z
    .enum(['true', 'false'], { error: 'true or false' })
    .transform((value) => value === 'true')
    .default(false),
});
export type CsvImportQuery = z.infer<typeof csvImportQuerySchema>;

export const csvRowResultSchema = z.object({
  /** Line in the file (the header is line 1). */
  line: z.number().int().positive(),
  /** What the row does, or would do; null when it cannot be read well enough to tell. */
  action: z.enum(['create', 'update']).nullable(),
  /** The row's object, e.g. `PAR1/Salle A/A01` or an asset tag. */
  key: z.string(),
  /** Empty when the row is valid. Paths are CSV column names. */
  errors: z.array(fieldErrorSchema),
  /** Per changed field, its value before (null on create) and after. */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
export type CsvRowResult = z.infer<typeof csvRowResultSchema>;

/** A bulk import is one transaction: `committed` only when not a dry run and no row has an error. */
export const csvImportResultSchema = z.object({
  kind: z.enum(csvImportKinds),
  dryRun: z.boolean(),
  committed: z.boolean(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  rows: z.array(csvRowResultSchema),
});
export type CsvImportResult = z.infer<typeof csvImportResultSchema>;
