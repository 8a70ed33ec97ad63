import { NavLink, Outlet } from 'react-router';
import { InventorySearch } from './inventory-search';
import { useCanWriteInventory } from './use-can-write-inventory';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { PlainMessageKey } from '../../../lib/i18n/translate';

const sections: readonly { path: string; label: PlainMessageKey }[] = [
  { path: '/inventory/racks', label: 'inventory.racks' },
  { path: '/inventory/devices', label: 'inventory.devices' },
  { path: '/inventory/rooms', label: 'inventory.rooms' },
  { path: '/inventory/sites', label: 'inventory.sites' },
  { path: '/inventory/device-types', label: 'inventory.deviceTypes' },
  { path: '/inventory/placement', label: 'inventory.placement' },
];
const writerSections: readonly { path: string; label: PlainMessageKey }[] = [
  { path: '/inventory/import', label: 'inventory.csvImport' },
];

/** The inventory's sections; the area's access check is done by the route that mounts it. */
export function InventoryLayout() {
  const t = useT();
  const canWrite = useCanWriteInventory();
  return (
    <div className="admin">
      <nav className="subnav" aria-label={t('inventory.sections')}>
        <p className="subnav__title">{t('nav.inventory')}</p>
        <ul className="subnav__list">
          {[...sections, ...(canWrite ? writerSections : [])].map((section) => (
            <li key={section.path}>
              <NavLink className="subnav__link" to={section.path}>
                {t(section.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <InventorySearch />
      <Outlet />
    </div>
  );
}
