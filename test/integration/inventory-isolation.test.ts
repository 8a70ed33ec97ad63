import {
  deviceListItemSchema,
  floorPlanSchema,
  inventorySearchResultSchema,
  pageSchema,
  placementResultSchema,
  rackElevationSchema,
  rackSchema,
  roomCapacitySchema,
  siteCapacitySchema,
  tenantSchema,
  type Device,
  type Rack,
  type Room,
} from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InventoryModule } from '../../server/src/inventory/inventory.module.js';
import {
  expectError,
  newDevice,
  newRack,
  newRoom,
  newType,
  tenantIdsOf,
  unique,
} from './support/inventory-fixtures.js';
import { declaredRoutes } from './support/routes.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Tenant isolation proven route by route: every inventory GET route, called as the NOVA client
 * viewer, against a room holding NOVA's own rack, KORE's rack, a shared rack with devices of both,
 * and a shared rack with KORE's device only. A new inventory GET route without a check here fails.
 */
let t: TestApp;
let viewer: ApiClient;
let world: {
  room: Room;
  own: Rack;
  theirs: Rack;
  sharedOurs: Rack;
  sharedTheirs: Rack;
  ourDevices: Device[];
  theirDevices: Device[];
  /** Words a NOVA viewer must never read: KORE's device names, serials and tenant name. */
  secrets: string[];
};

beforeAll(async () => {
  t = await startTestApp();
  const staff = await signedIn(t.url, 'coordinator');
  viewer = await signedIn(t.url, 'viewer');
  const tenantIds = await tenantIdsOf(staff);
  const [nova, kore] = [tenantIds.NOVA!, tenantIds.KORE!];
  const room = await newRoom(staff);
  const type = await newType(staff, { uHeight: 2, isFullDepth: true });
  const own = await newRack(staff, room.id, { tenantId: nova });
  const theirs = await newRack(staff, room.id, { tenantId: kore });
  const sharedOurs = await newRack(staff, room.id);
  const sharedTheirs = await newRack(staff, room.id);
  const device = (rack: Rack, tenantId: number, position: number) =>
    newDevice(staff, type.id, rack.id, {
      tenantId,
      position,
      name: unique(tenantId === kore ? 'kore-secret' : 'nova-box'),
      serial: unique(tenantId === kore ? 'KSN' : 'NSN'),
    });
  const ourDevices = [await device(own, nova, 1), await device(sharedOurs, nova, 1)];
  const theirDevices = [
    await device(theirs, kore, 1),
    await device(sharedOurs, kore, 5),
    await device(sharedTheirs, kore, 1),
  ];
  const koreTenant = tenantSchema.parse(await (await staff.get(`/api/tenants/${kore}`)).json());
  world = {
    room,
    own,
    theirs,
    sharedOurs,
    sharedTheirs,
    ourDevices,
    theirDevices,
    secrets: [...theirDevices.flatMap((d) => [d.name, d.serial!]), koreTenant.name],
  };
});
afterAll(() => t.close());

const read = async (path: string) => {
  const response = await viewer.get(path);
  const text = await response.text();
  expect(response.status, `${path}: ${text}`).toBe(200);
  expect(
    world.secrets.filter((secret) => text.includes(secret)),
    path,
  ).toEqual([]);
  return JSON.parse(text) as unknown;
};
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const visibleRackIds = () => sorted([world.own.id, world.sharedOurs.id]);
const hiddenRacks = () => [world.theirs, world.sharedTheirs];

/** For a route taking a rack id: 200 for the racks the viewer may see, 404 for the others. */
async function byRack(suffix: string, parse: (value: unknown) => unknown) {
  for (const rack of [world.own, world.sharedOurs]) parse(await read(`/api/racks/${rack.id}${suffix}`));
  for (const rack of hiddenRacks())
    await expectError(await viewer.get(`/api/racks/${rack.id}${suffix}`), 404, 'not_found');
}

const checks: Record<string, () => Promise<void>> = {
  // Shared catalogue: sites, rooms and device types are the operator's, readable by all.
  'GET /api/sites': async () => {
    const page = (await read('/api/sites')) as { items: { id: number }[] };
    expect(page.items.map((site) => site.id)).toContain(world.room.siteId);
  },
  'GET /api/sites/:id': async () => void (await read(`/api/sites/${world.room.siteId}`)),
  'GET /api/sites/:id/capacity': async () => {
    const site = siteCapacitySchema.parse(await read(`/api/sites/${world.room.siteId}/capacity`));
    expect(site.rooms.find((room) => room.roomId === world.room.id)?.figures.rackCount).toBe(2);
  },
  'GET /api/rooms': async () => {
    const page = (await read('/api/rooms?limit=200')) as { items: { id: number }[] };
    expect(page.items.map((room) => room.id)).toContain(world.room.id);
  },
  'GET /api/rooms/:id': async () => void (await read(`/api/rooms/${world.room.id}`)),
  'GET /api/rooms/:id/capacity': async () => {
    const room = roomCapacitySchema.parse(await read(`/api/rooms/${world.room.id}/capacity`));
    expect(sorted(room.racks.map((rack) => rack.rackId))).toEqual(visibleRackIds());
  },
  'GET /api/rooms/:id/floor-plan': async () => {
    const plan = floorPlanSchema.parse(await read(`/api/rooms/${world.room.id}/floor-plan`));
    expect(sorted(plan.racks.map((rack) => rack.rackId))).toEqual(visibleRackIds());
  },
  'GET /api/device-types': async () => {
    const page = (await read('/api/device-types?limit=5')) as { items: unknown[] };
    expect(page.items.length).toBeGreaterThan(0);
  },
  'GET /api/device-types/:id': async () =>
    void (await read(`/api/device-types/${world.ourDevices[0]!.deviceTypeId}`)),

  // Tenant-scoped: racks, devices, tenants, placement, search and exports.
  'GET /api/racks': async () => {
    const page = pageSchema(rackSchema).parse(await read(`/api/racks?roomId=${world.room.id}`));
    expect(sorted(page.items.map((rack) => rack.id))).toEqual(visibleRackIds());
  },
  'GET /api/racks/:id': () => byRack('', (value) => rackSchema.parse(value)),
  'GET /api/racks/:id/elevation': async () => {
    await byRack('/elevation', (value) => rackElevationSchema.parse(value));
    const shared = rackElevationSchema.parse(await read(`/api/racks/${world.sharedOurs.id}/elevation`));
    expect(shared.front.devices.map((device) => device.id)).toEqual([world.ourDevices[1]!.id]);
    expect(shared.hiddenRanges.front).toEqual([{ from: 5, units: 2 }]);
  },
  'GET /api/racks/:id/capacity': () => byRack('/capacity', (value) => value),
  'GET /api/racks/export': async () => {
    const response = await viewer.get(`/api/racks/export?roomId=${world.room.id}`);
    expect(response.status).toBe(200);
    const names = (await response.text())
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[2]);
    expect(names.sort()).toEqual([world.own.name, world.sharedOurs.name].sort());
  },
  'GET /api/devices': async () => {
    const page = pageSchema(deviceListItemSchema).parse(await read(`/api/devices?roomId=${world.room.id}`));
    expect(sorted(page.items.map((device) => device.id))).toEqual(
      sorted(world.ourDevices.map((device) => device.id)),
    );
    for (const device of world.theirDevices) {
      const search = (await read(`/api/devices?search=${device.serial}`)) as { items: unknown[] };
      expect(search.items).toEqual([]);
    }
  },
  'GET /api/devices/:id': async () => {
    for (const device of world.ourDevices) await read(`/api/devices/${device.id}`);
    for (const device of world.theirDevices)
      await expectError(await viewer.get(`/api/devices/${device.id}`), 404, 'not_found');
  },
  'GET /api/devices/export': async () => {
    const response = await viewer.get(`/api/devices/export?roomId=${world.room.id}`);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(world.secrets.filter((secret) => text.includes(secret))).toEqual([]);
    const names = text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(names.sort()).toEqual(world.ourDevices.map((device) => device.name).sort());
  },
  'GET /api/tenants': async () => {
    const page = pageSchema(tenantSchema).parse(await read('/api/tenants'));
    expect(page.items.map((tenant) => tenant.code)).toEqual(['NOVA']);
  },
  'GET /api/tenants/:id': async () => {
    const tenantId = world.theirDevices[0]!.tenantId!;
    await expectError(await viewer.get(`/api/tenants/${tenantId}`), 404, 'not_found');
    await read(`/api/tenants/${world.ourDevices[0]!.tenantId}`);
  },
  'GET /api/placement': async () => {
    const result = placementResultSchema.parse(
      await read(`/api/placement?roomId=${world.room.id}&units=1&watts=0`),
    );
    expect(sorted(result.items.map((item) => item.rackId))).toEqual(visibleRackIds());
    // Asking for another tenant's placement reveals none of their racks.
    const other = placementResultSchema.parse(
      await read(
        `/api/placement?roomId=${world.room.id}&units=1&watts=0&tenantId=${world.theirDevices[0]!.tenantId}`,
      ),
    );
    expect(other.items.map((item) => item.rackId)).not.toContain(world.theirs.id);
    expect(other.items.map((item) => item.rackId)).not.toContain(world.sharedTheirs.id);
  },
  'GET /api/inventory/search': async () => {
    for (const rack of [world.own, world.sharedOurs, world.theirs, world.sharedTheirs]) {
      const found = inventorySearchResultSchema.parse(await read(`/api/inventory/search?q=${rack.name}`));
      const visible = visibleRackIds().includes(rack.id);
      expect(
        found.racks.some((item) => item.id === rack.id),
        rack.name,
      ).toBe(visible);
    }
    for (const device of world.theirDevices) {
      const found = inventorySearchResultSchema.parse(await read(`/api/inventory/search?q=${device.serial}`));
      expect(found.devices).toEqual([]);
    }
    const ours = inventorySearchResultSchema.parse(
      await read(`/api/inventory/search?q=${world.ourDevices[1]!.serial}`),
    );
    expect(ours.devices.map((device) => device.id)).toEqual([world.ourDevices[1]!.id]);
  },
  // Contracts are refused to client viewers by role (and scoped in the data layer too).
  'GET /api/contracts': async () =>
    void (await expectError(await viewer.get('/api/contracts'), 403, 'forbidden')),
  'GET /api/contracts/:id': async () =>
    void (await expectError(await viewer.get('/api/contracts/1'), 403, 'forbidden')),
};

describe('tenant isolation on every inventory read route', () => {
  it('has a check for every GET route of the inventory module, and no check for a route that is gone', () => {
    const controllers = new Set(
      (Reflect.getMetadata('controllers', InventoryModule) as { name: string }[]).map(
        (controller) => controller.name,
      ),
    );
    const routes = declaredRoutes(t.app)
      .filter((route) => route.method === 'GET' && controllers.has(route.handler.split('.')[0]!))
      .map((route) => `${route.method} ${route.path}`);
    expect(routes.sort()).toEqual(Object.keys(checks).sort());
  });

  for (const [route, check] of Object.entries(checks)) {
    it(`${route}: a NOVA client viewer reads only what NOVA may see`, check);
  }
});
