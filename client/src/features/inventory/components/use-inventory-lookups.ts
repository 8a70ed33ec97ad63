import { useSites } from '../../sites/api/get-sites';
import { useTenants } from '../../tenants/api/get-tenants';
import { useDeviceTypes } from '../api/get-device-types';
import { useAllRooms } from '../api/get-rooms';

/** The small catalogues lists show names from and filter by: sites, rooms, tenants, device types. */
export function useInventoryLookups() {
  const sites = useSites();
  const rooms = useAllRooms();
  const tenants = useTenants();
  const deviceTypes = useDeviceTypes();
  const siteItems = sites.data?.items ?? [];
  const roomItems = rooms.data?.items ?? [];
  const tenantItems = tenants.data?.items ?? [];
  const typeItems = deviceTypes.data?.items ?? [];
  return {
    sites: siteItems,
    rooms: roomItems,
    tenants: tenantItems,
    deviceTypes: typeItems,
    siteName: (id: number) => siteItems.find((site) => site.id === id)?.code ?? `#${id}`,
    roomName: (id: number) => roomItems.find((room) => room.id === id)?.name ?? `#${id}`,
    room: (id: number) => roomItems.find((room) => room.id === id),
    /** Null for no tenant (a shared rack, an unassigned device). */
    tenantName: (id: number | null) =>
      id === null ? null : (tenantItems.find((tenant) => tenant.id === id)?.name ?? `#${id}`),
    typeLabel: (id: number) => {
      const type = typeItems.find((candidate) => candidate.id === id);
      return type ? `${type.manufacturer} ${type.model}` : `#${id}`;
    },
    deviceType: (id: number) => typeItems.find((candidate) => candidate.id === id),
  };
}
