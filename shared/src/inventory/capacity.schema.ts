import { z } from 'zod';

/**
 * Capacity figures of a set of racks. A unit counts as used when something is mounted on either
 * face. Power allocated is, per device, the sum of its type's power-port allocated draws, else of
 * their maximum draws. Percentages are null when the budget or the maximum is 0.
 */
export const capacityFiguresSchema = z.object({
  rackCount: z.number().int().nonnegative(),
  uTotal: z.number().nonnegative(),
  uUsed: z.number().nonnegative(),
  uFree: z.number().nonnegative(),
  uUsedPercent: z.number().nonnegative().nullable(),
  powerBudgetW: z.number().nonnegative(),
  powerAllocatedW: z.number().nonnegative(),
  powerPercent: z.number().nonnegative().nullable(),
  weightMaxKg: z.number().nonnegative(),
  weightKg: z.number().nonnegative(),
  weightPercent: z.number().nonnegative().nullable(),
});
export type CapacityFigures = z.infer<typeof capacityFiguresSchema>;

/** `GET /api/racks/:id/capacity`, and each rack of a room's capacity. */
export const rackCapacitySchema = z.object({
  rackId: z.number().int(),
  rackName: z.string(),
  roomId: z.number().int(),
  rowLabel: z.string(),
  figures: capacityFiguresSchema,
});
export type RackCapacity = z.infer<typeof rackCapacitySchema>;

export const rowCapacitySchema = z.object({
  roomId: z.number().int(),
  rowLabel: z.string(),
  figures: capacityFiguresSchema,
});
export type RowCapacity = z.infer<typeof rowCapacitySchema>;

/** `GET /api/rooms/:id/capacity`: the room, its rows and its racks. */
export const roomCapacitySchema = z.object({
  roomId: z.number().int(),
  roomName: z.string(),
  figures: capacityFiguresSchema,
  rows: z.array(rowCapacitySchema),
  racks: z.array(rackCapacitySchema),
});
export type RoomCapacity = z.infer<typeof roomCapacitySchema>;

/** `GET /api/sites/:id/capacity`: the site and its rooms. */
export const siteCapacitySchema = z.object({
  siteId: z.number().int(),
  siteName: z.string(),
  figures: capacityFiguresSchema,
  rooms: z.array(
    z.object({ roomId: z.number().int(), roomName: z.string(), figures: capacityFiguresSchema }),
  ),
});
export type SiteCapacity = z.infer<typeof siteCapacitySchema>;
