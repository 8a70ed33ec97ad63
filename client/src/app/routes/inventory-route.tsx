import { InventoryLayout } from '../../features/inventory/components/inventory-layout';
import { RequireArea } from './require-area';

export function InventoryRoute() {
  return (
    <RequireArea area="inventory">
      <InventoryLayout />
    </RequireArea>
  );
}
