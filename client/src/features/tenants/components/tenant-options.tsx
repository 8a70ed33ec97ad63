import type { Tenant } from '@vigie/shared';

/** The `<option>`s of a tenant picker, each named with its code so two similar names stay apart. */
export function TenantOptions({ tenants }: { tenants: readonly Pick<Tenant, 'id' | 'name' | 'code'>[] }) {
  return tenants.map((tenant) => (
    <option key={tenant.id} value={String(tenant.id)}>
      {tenant.name} ({tenant.code})
    </option>
  ));
}
