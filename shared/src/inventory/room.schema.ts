import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { idFilterSchema } from './id-filter.js';

/** A room (salle) of a site; its floor plan is a grid of tiles, columns × rows. */
export const roomSchema = z.object({
  id: z.number().int(),
  siteId: z.number().int(),
  name: z.string(),
  gridColumns: z.number().int().positive(),
  gridRows: z.number().int().positive(),
  version: z.number().int(),
});
export type Room = z.infer<typeof roomSchema>;

export const roomListQuerySchema = pageQuerySchema.extend({
  siteId: idFilterSchema,
});
export type RoomListQuery = z.infer<typeof roomListQuerySchema>;
