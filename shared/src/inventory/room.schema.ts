import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { idFilterSchema } from './id-filter.js';
import { sortParamSchema } from './list-sort.js';

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

export const roomSortKeys = [
  'name',
  '-name',
  'gridColumns',
  '-gridColumns',
  'gridRows',
  '-gridRows',
] as const;

export const roomListQuerySchema = pageQuerySchema.extend({
  siteId: idFilterSchema,
  sort: sortParamSchema(roomSortKeys),
});
export type RoomListQuery = z.infer<typeof roomListQuerySchema>;

export const createRoomSchema = z.strictObject({
  siteId: z.number().int().positive(),
  name: z.string().trim().min(1).max(100),
  gridColumns: z.number().int().min(1).max(500),
  gridRows: z.number().int().min(1).max(500),
});
export type CreateRoom = z.infer<typeof createRoomSchema>;

/** A room does not move to another site. */
export const updateRoomSchema = createRoomSchema
  .omit({ siteId: true })
  .partial()
  .extend({ version: z.number().int() });
export type UpdateRoom = z.infer<typeof updateRoomSchema>;
