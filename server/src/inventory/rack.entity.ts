import { defineEntity, p } from '@mikro-orm/core';
import { defaultRackUHeight, rackStatuses } from '@vigie/shared';
import { rackVisibilityFilter } from './rack-visibility.js';
import { Room } from './room.entity.js';
import { Tenant } from './tenant.entity.js';

const RackSchema = defineEntity({
  name: 'Rack',
  // A viewer also sees the shared racks holding their devices (see rack-visibility.ts).
  filters: rackVisibilityFilter(),
  uniques: [{ properties: ['room', 'name'] }, { properties: ['room', 'gridX', 'gridY'] }],
  properties: {
    id: p.integer().primary(),
    room: () => p.manyToOne(Room),
    name: p.string().length(64),
    rowLabel: p.string().length(16),
    /** 0-based tile on the room's floor plan; two racks never share a tile. */
    gridX: p.integer(),
    gridY: p.integer(),
    uHeight: p.integer().default(defaultRackUHeight),
    powerBudgetKw: p.float(),
    maxWeightKg: p.float(),
    status: p.enum(rackStatuses).default('active'),
    tenant: () => p.manyToOne(Tenant).nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Rack extends RackSchema.class {}
RackSchema.setClass(Rack);
