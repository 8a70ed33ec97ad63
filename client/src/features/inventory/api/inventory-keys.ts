/** Every inventory query key starts here, so a live event can make a whole resource stale at once. */
export const inventoryKeys = {
  all: ['inventory'] as const,
  rooms: ['inventory', 'rooms'] as const,
  racks: ['inventory', 'racks'] as const,
  devices: ['inventory', 'devices'] as const,
  deviceTypes: ['inventory', 'device-types'] as const,
};
