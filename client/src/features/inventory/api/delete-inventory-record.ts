import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequestNoContent } from '../../../lib/api-client';
import { sitesQueryKey } from '../../sites/api/get-sites';
import { tenantsQueryKey } from '../../tenants/api/get-tenants';
import { inventoryKeys } from './inventory-keys';

/** The inventory records deleted from their list: refused (409) while something still uses them. */
export type DeletableInventory = 'sites' | 'rooms' | 'device-types' | 'tenants';

const queryKeys: Record<DeletableInventory, readonly string[]> = {
  sites: sitesQueryKey,
  rooms: inventoryKeys.rooms,
  'device-types': inventoryKeys.deviceTypes,
  tenants: tenantsQueryKey,
};

export function deleteInventoryRecord(kind: DeletableInventory, id: number, version: number) {
  return apiRequestNoContent(`/api/${kind}/${id}`, { method: 'DELETE', query: { version } });
}

export function useDeleteInventoryRecord(kind: DeletableInventory) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      deleteInventoryRecord(kind, id, version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys[kind] }),
  });
}
