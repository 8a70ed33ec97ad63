import { raw } from '@mikro-orm/core';
import { scopedTenantId } from '../common/tenant-scope.js';

/**
 * The one rule for which racks a client viewer sees: their tenant's own racks, and shared racks
 * (no tenant) that hold at least one of their devices. Every rack read for a viewer (ORM filter,
 * floor plan, capacity, placement, elevation) goes through this condition.
 *
 * `rack` is the SQL alias of the rack table and `tenant` the placeholder (or literal) of the
 * viewer's tenant id; it appears twice, so positional callers bind it twice.
 */
export function visibleRackSql(rack: string, tenant: string): string {
  return `(${rack}.tenant_id = ${tenant} or (${rack}.tenant_id is null and exists (
    select 1 from device vd where vd.rack_id = ${rack}.id and vd.tenant_id = ${tenant})))`;
}

/**
 * The Rack entity's tenant filter: the rule above for a client viewer (their tenant id bound as a
 * parameter, under whatever alias the query gives the rack), nothing for staff and background work.
 */
export function rackVisibilityFilter() {
  return {
    tenantScope: {
      name: 'tenantScope',
      default: true,
      args: false,
      cond: () => {
        const tenantId = scopedTenantId();
        if (tenantId === null) return {};
        return { [raw((alias: string) => visibleRackSql(alias, '?'), [tenantId, tenantId])]: [] };
      },
    },
  };
}
