import { useMe } from '../../auth/api/get-me';

/** Whether the signed-in role may change the inventory (DESIGN.md §4: admins and coordinators). */
export function useCanWriteInventory(): boolean {
  return useMe().data?.permissions.includes('inventory.write') ?? false;
}
