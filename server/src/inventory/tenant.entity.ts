import { defineEntity, p } from '@mikro-orm/core';
import { tenantScopeFilter } from '../common/tenant-scope.js';

const TenantSchema = defineEntity({
  name: 'Tenant',
  filters: tenantScopeFilter('id'),
  properties: {
    id: p.integer().primary(),
    code: p.string().length(32).unique(),
    name: p.string().length(200),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Tenant extends TenantSchema.class {}
TenantSchema.setClass(Tenant);
