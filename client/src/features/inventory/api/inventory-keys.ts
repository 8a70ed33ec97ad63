/** Every inventory query key starts here, so a live event can make a whole resource stale at once. */
export const inventoryKeys = {
  all: ['inventory'] as const,
  rooms: ['inventory', 'rooms'] as const,
  racks: ['inventory', 'racks'] as const,
  /** Under racks: they change with racks and devices, and with open incidents too. */
  floorPlans: ['inventory', 'racks', 'floor-plan'] as const,
  devices: ['inventory', 'devices'] as const,
  deviceTypes: ['inventory', 'device-types'] as const,
};
