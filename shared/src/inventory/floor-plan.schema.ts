import { z } from 'zod';
import { rackStatusSchema } from './rack.schema.js';
import { roomSchema } from './room.schema.js';

/** The measures a floor plan can be coloured by. */
export const floorPlanMeasures = ['u_used', 'power', 'tenant', 'incidents'] as const;
export const floorPlanMeasureSchema = z.enum(floorPlanMeasures);
export type FloorPlanMeasure = z.infer<typeof floorPlanMeasureSchema>;

/** One rack tile on the room's grid, with every measure so the client can switch without refetching. */
export const floorPlanRackSchema = z.object({
  rackId: z.number().int(),
  name: z.string(),
  rowLabel: z.string(),
  /** 0-based column and row of the tile. */
  gridX: z.number().int().nonnegative(),
  gridY: z.number().int().nonnegative(),
  status: rackStatusSchema,
  tenantId: z.number().int().nullable(),
  uTotal: z.number().nonnegative(),
  uUsed: z.number().nonnegative(),
  /** 0–100 (may exceed 100 for power when over-allocated); null when the rack has no budget. */
  uUsedPercent: z.number().nonnegative().nullable(),
  powerBudgetW: z.number().nonnegative(),
  powerAllocatedW: z.number().nonnegative(),
  powerPercent: z.number().nonnegative().nullable(),
  /** Open incidents (not resolved, closed or cancelled) naming this rack or a device in it; a client viewer counts only their tenant's. */
  openIncidents: z.number().int().nonnegative(),
});
export type FloorPlanRack = z.infer<typeof floorPlanRackSchema>;

/** `GET /api/rooms/:id/floor-plan`: the grid, its racks, and the tenants to build a legend from. */
export const floorPlanSchema = z.object({
  room: roomSchema,
  racks: z.array(floorPlanRackSchema),
  tenants: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
});
export type FloorPlan = z.infer<typeof floorPlanSchema>;
