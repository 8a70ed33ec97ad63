import { z } from 'zod';
import { rackFaceSchema } from './device.schema.js';
import { idFilterSchema } from './id-filter.js';

const queryBoolean = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

/**
 * `GET /api/placement?units=2&watts=600&tenantId=3`: where can N units drawing W watts go for a
 * tenant. Racks considered: active or reserved, shared (no tenant) or the tenant's own.
 */
export const placementQuerySchema = z.strictObject({
  units: z.coerce
    .number({ error: 'units must be a number' })
    .positive('units must be more than 0')
    .multipleOf(0.5, 'units must be a multiple of 0.5')
    .max(60),
  watts: z.coerce.number({ error: 'watts must be a number' }).int().nonnegative().max(100_000),
  tenantId: idFilterSchema,
  siteId: idFilterSchema,
  roomId: idFilterSchema,
  /** The face to mount on; default front. */
  face: rackFaceSchema.default('front'),
  /** Whether the equipment is full depth (takes both faces); default true. */
  fullDepth: queryBoolean.default(true),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PlacementQuery = z.infer<typeof placementQuerySchema>;
export type PlacementQueryInput = z.input<typeof placementQuerySchema>;

export const placementCandidateSchema = z.object({
  rackId: z.number().int(),
  rackName: z.string(),
  roomId: z.number().int(),
  roomName: z.string(),
  rowLabel: z.string(),
  /** The rack's tenant, null for a shared rack. */
  tenantId: z.number().int().nullable(),
  /** Lowest unit where the equipment fits (best-fit block). */
  position: z.number().positive(),
  face: rackFaceSchema,
  /** Size of the free block chosen, in units (equal to the request when it fits exactly). */
  blockUnits: z.number().positive(),
  freeUnits: z.number().nonnegative(),
  powerBudgetW: z.number().nonnegative(),
  powerAllocatedW: z.number().nonnegative(),
  /** Budget left after placing the equipment. */
  powerHeadroomW: z.number(),
});
export type PlacementCandidate = z.infer<typeof placementCandidateSchema>;

/**
 * Best first: the tenant's own racks before shared ones, then the tightest free block (less
 * fragmentation), then the most power headroom.
 */
export const placementResultSchema = z.object({
  items: z.array(placementCandidateSchema),
});
export type PlacementResult = z.infer<typeof placementResultSchema>;
