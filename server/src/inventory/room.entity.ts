import { defineEntity, p } from '@mikro-orm/core';
import { Site } from './site.entity.js';

const RoomSchema = defineEntity({
  name: 'Room',
  uniques: [{ properties: ['site', 'name'] }],
  properties: {
    id: p.integer().primary(),
    site: () => p.manyToOne(Site),
    name: p.string().length(100),
    /** Floor plan size in tiles. */
    gridColumns: p.integer(),
    gridRows: p.integer(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Room extends RoomSchema.class {}
RoomSchema.setClass(Room);
