import { isTenantScoped } from '@vigie/shared';
import { requestContext } from './request-context.js';

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
        const actor = requestContext.current()?.actor;
        if (!actor || !isTenantScoped(actor.role)) return {};
        return { [tenantPath]: actor.tenantId ?? -1 };
      },
    },
  };
}
