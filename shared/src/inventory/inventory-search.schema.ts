import { z } from 'zod';
import { deviceSchema } from './device.schema.js';
import { rackSchema } from './rack.schema.js';
import { siteSchema } from './site.schema.js';

/** `GET /api/inventory/search?q=…`: the one search box (sites, racks, devices by name, serial, asset tag). */
export const inventorySearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'type something to search for').max(200),
  /** Per kind of result. */
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type InventorySearchQuery = z.infer<typeof inventorySearchQuerySchema>;

export const inventorySearchResultSchema = z.object({
  sites: z.array(siteSchema),
  racks: z.array(rackSchema),
  devices: z.array(deviceSchema),
});
export type InventorySearchResult = z.infer<typeof inventorySearchResultSchema>;
