import { isTenantScoped } from '@vigie/shared';
import { requestContext } from './request-context.js';

/**
 * The tenant the signed-in client viewer is limited to (-1 when they have none), or null for staff
 * and background work. Plain-SQL reads apply it themselves, as the ORM filter below does.
 */
export function scopedTenantId(): number | null {
  const actor = requestContext.current()?.actor;
  if (!actor || !isTenantScoped(actor.role)) return null;
  return actor.tenantId ?? -1;
}

/**
 * A MikroORM filter that limits every query on a tenant-owned entity to the signed-in client
 * viewer's tenant. It sits in the data layer, so no screen or route can forget it. Staff and
 * background work (no tenant-scoped actor) see everything.
 */
export function tenantScopeFilter(tenantPath: string) {
  return {
    tenantScope: {
      name: 'tenantScope',
      default: true,
      args: false,
      cond: () => {
        const tenantId = scopedTenantId();
        return tenantId === null ? {} : { [tenantPath]: tenantId };
      },
    },
  };
}
