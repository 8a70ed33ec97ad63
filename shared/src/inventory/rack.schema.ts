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

export const rackListQuerySchema = pageQuerySchema.extend({
  siteId: idFilterSchema,
  roomId: idFilterSchema,
  tenantId: idFilterSchema,
  status: rackStatusSchema.optional(),
  rowLabel: z.string().trim().min(1).max(16).optional(),
});
export type RackListQuery = z.infer<typeof rackListQuerySchema>;
