import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { idFilterSchema } from './id-filter.js';

export const rackStatuses = ['planned', 'active', 'reserved', 'decommissioned'] as const;
export const rackStatusSchema = z.enum(rackStatuses);
export type RackStatus = z.infer<typeof rackStatusSchema>;

export const defaultRackUHeight = 42;

/** A rack (baie). `gridX`/`gridY` are the 0-based column and row of its tile on the room's floor plan. */
export const rackSchema = z.object({
  id: z.number().int(),
  roomId: z.number().int(),
  name: z.string(),
  rowLabel: z.string(),
  gridX: z.number().int().nonnegative(),
  gridY: z.number().int().nonnegative(),
  uHeight: z.number().int().positive(),
  powerBudgetKw: z.number().nonnegative(),
  maxWeightKg: z.number().nonnegative(),
  status: rackStatusSchema,
  tenantId: z.number().int().nullable(),
  version: z.number().int(),
});
export type Rack = z.infer<typeof rackSchema>;

export const rackSortKeys = [
  'name',
  '-name',
  'rowLabel',
  '-rowLabel',
  'status',
  '-status',
  'powerBudgetKw',
  '-powerBudgetKw',
] as const;

export const rackListQuerySchema = pageQuerySchema.extend({
  siteId: idFilterSchema,
  roomId: idFilterSchema,
  tenantId: idFilterSchema,
  status: rackStatusSchema.optional(),
  rowLabel: z.string().trim().min(1).max(16).optional(),
  /** Order of the list; `-` for descending. Default: creation order (id). */
  sort: z.enum(rackSortKeys, { error: `one of ${rackSortKeys.join(', ')}` }).optional(),
});
export type RackListQuery = z.infer<typeof rackListQuerySchema>;

export const createRackSchema = z.strictObject({
  roomId: z.number().int().positive(),
  name: z.string().trim().min(1).max(64),
  rowLabel: z.string().trim().min(1).max(16),
  gridX: z.number().int().nonnegative(),
  gridY: z.number().int().nonnegative(),
  uHeight: z.number().int().min(1).max(60).default(defaultRackUHeight),
  powerBudgetKw: z.number().nonnegative().max(200),
  maxWeightKg: z.number().nonnegative().max(5000),
  status: rackStatusSchema.default('active'),
  tenantId: z.number().int().positive().nullable().default(null),
});
export type CreateRack = z.infer<typeof createRackSchema>;

export const updateRackSchema = z.strictObject({
  version: z.number().int(),
  roomId: z.number().int().positive().optional(),
  name: z.string().trim().min(1).max(64).optional(),
  rowLabel: z.string().trim().min(1).max(16).optional(),
  gridX: z.number().int().nonnegative().optional(),
  gridY: z.number().int().nonnegative().optional(),
  uHeight: z.number().int().min(1).max(60).optional(),
  powerBudgetKw: z.number().nonnegative().max(200).optional(),
  maxWeightKg: z.number().nonnegative().max(5000).optional(),
  status: rackStatusSchema.optional(),
  tenantId: z.number().int().positive().nullable().optional(),
});
export type UpdateRack = z.infer<typeof updateRackSchema>;
