import { expect, type APIRequestContext } from '@playwright/test';
import {
  deviceSchema,
  deviceTypeSchema,
  floorPlanSchema,
  pageSchema,
  rackSchema,
  roomSchema,
  tenantSchema,
  type CreateDevice,
  type CreateRack,
  type Device,
  type DeviceType,
  type Rack,
  type Room,
  type Tenant,
} from '@vigie/shared';

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();
}

export async function deviceTypeBySlug(api: APIRequestContext, slug: string): Promise<DeviceType> {
  const response = await api.get('/api/device-types', { params: { search: slug, limit: 200 } });
  expect(response.status()).toBe(200);
  const type = pageSchema(deviceTypeSchema)
    .parse(await response.json())
    .items.find((candidate) => candidate.slug === slug);
  if (!type) throw new Error(`No device type ${slug} in the demo data`);
  return type;
}

export async function tenantByCode(api: APIRequestContext, code: string): Promise<Tenant> {
  const response = await api.get('/api/tenants', { params: { search: code } });
  expect(response.status()).toBe(200);
  const tenant = pageSchema(tenantSchema)
    .parse(await response.json())
    .items.find((candidate) => candidate.code === code);
  if (!tenant) throw new Error(`No tenant ${code} in the demo data`);
  return tenant;
}

/** A tile of the room's grid where no rack stands yet (read from the floor plan). */
export async function freeTile(
  api: APIRequestContext,
  roomId: number,
): Promise<{ gridX: number; gridY: number }> {
  const response = await api.get(`/api/rooms/${roomId}/floor-plan`);
  expect(response.status()).toBe(200);
  const plan = floorPlanSchema.parse(await response.json());
  const taken = new Set(plan.racks.map((rack) => `${rack.gridX},${rack.gridY}`));
  // From the far corner backwards, away from the demo rows; a random start keeps parallel tests apart.
  const tiles: { gridX: number; gridY: number }[] = [];
  for (let gridY = plan.room.gridRows - 1; gridY >= 0; gridY -= 1) {
    for (let gridX = plan.room.gridColumns - 1; gridX >= 0; gridX -= 1) {
      if (!taken.has(`${gridX},${gridY}`)) tiles.push({ gridX, gridY });
    }
  }
  const tile = tiles[Math.floor(Math.random() * Math.min(tiles.length, 20))];
  if (!tile) throw new Error(`Room ${roomId} has no free tile`);
  return tile;
}

export async function createRack(
  api: APIRequestContext,
  body: Omit<CreateRack, 'gridX' | 'gridY' | 'uHeight' | 'status'> & Partial<CreateRack>,
): Promise<Rack> {
  const tile = await freeTile(api, body.roomId);
  const response = await api.post('/api/racks', { data: { ...tile, ...body } });
  expect(response.status(), await response.text()).toBe(201);
  return rackSchema.parse(await response.json());
}

export async function createDevice(
  api: APIRequestContext,
  body: Pick<CreateDevice, 'name' | 'deviceTypeId'> & Partial<CreateDevice>,
): Promise<Device> {
  const response = await api.post('/api/devices', { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return deviceSchema.parse(await response.json());
}

export async function roomNamed(api: APIRequestContext, name: string): Promise<Room> {
  const response = await api.get('/api/rooms', { params: { search: name } });
  expect(response.status()).toBe(200);
  const room = pageSchema(roomSchema)
    .parse(await response.json())
    .items.find((candidate) => candidate.name === name);
  if (!room) throw new Error(`No room ${name} in the demo data`);
  return room;
}

/** A room of the test's own beside the demo's Salle A (same site), so its totals are known. */
export async function createRoomBesideSalleA(
  api: APIRequestContext,
  prefix: string,
  grid: { gridColumns: number; gridRows: number },
): Promise<Room> {
  const salleA = await roomNamed(api, 'Salle A');
  const created = await api.post('/api/rooms', {
    data: { siteId: salleA.siteId, name: uniqueName(prefix), ...grid },
  });
  expect(created.status()).toBe(201);
  return roomSchema.parse(await created.json());
}
