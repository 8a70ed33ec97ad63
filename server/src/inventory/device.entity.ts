import { defineEntity, p } from '@mikro-orm/core';
import { deviceStatuses, rackFaces } from '@vigie/shared';
import { tenantScopeFilter } from '../common/tenant-scope.js';
import { DeviceType } from './device-type.entity.js';
import { Rack } from './rack.entity.js';
import { Tenant } from './tenant.entity.js';

const DeviceSchema = defineEntity({
  name: 'Device',
  filters: tenantScopeFilter('tenant'),
  properties: {
    id: p.integer().primary(),
    // Indexed for the list's name and status orders (keyset pages on (column, id)).
    name: p.string().length(100).index(),
    deviceType: () => p.manyToOne(DeviceType),
    rack: () => p.manyToOne(Rack).nullable(),
    /** Lowest rack unit occupied (1 = bottom, halves allowed); null for zero-U and unracked devices. */
    position: p.float().nullable(),
    face: p.enum(rackFaces).nullable(),
    status: p.enum(deviceStatuses).default('active').index(),
    tenant: () => p.manyToOne(Tenant).nullable(),
    serial: p.string().length(64).nullable().index(),
    assetTag: p.string().length(64).nullable().unique(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Device extends DeviceSchema.class {}
DeviceSchema.setClass(Device);
