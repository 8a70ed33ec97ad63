import {
  deviceSchema,
  deviceTypeSchema,
  errorBodySchema,
  pageSchema,
  rackSchema,
  roomSchema,
  siteSchema,
  tenantSchema,
  type CreateDevice,
  type CreateDeviceType,
  type CreateRack,
  type Device,
  type DeviceType,
  type Rack,
  type Room,
} from '@vigie/shared';
import { expect } from 'vitest';
import type { ApiClient } from './test-app.js';

let counter = 0;
/** A name no other test uses. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export async function expectError(response: Response, status: number, code: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = errorBodySchema.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  return body.error;
}

export async function created<T>(response: Response, parse: (value: unknown) => T): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return parse(JSON.parse(text));
}

export async function ok<T>(response: Response, parse: (value: unknown) => T): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return parse(JSON.parse(text));
}

/** Demo tenants by code (NOVA, KORE, ATLAS…). */
export async function tenantIdsOf(admin: ApiClient): Promise<Record<string, number>> {
  const tenants = pageSchema(tenantSchema).parse(await (await admin.get('/api/tenants')).json()).items;
  return Object.fromEntries(tenants.map((tenant) => [tenant.code, tenant.id]));
}

/** An empty room of its own on the demo site, so a test's racks meet no demo rack. */
export async function newRoom(admin: ApiClient): Promise<Room> {
  const [site] = pageSchema(siteSchema).parse(await (await admin.get('/api/sites')).json()).items;
  return created(
    await admin.post('/api/rooms', { siteId: site!.id, name: unique('Room'), gridColumns: 10, gridRows: 4 }),
    (value) => roomSchema.parse(value),
  );
}

let tile = 0;
export async function newRack(
  admin: ApiClient,
  roomId: number,
  extra: Partial<CreateRack> = {},
): Promise<Rack> {
  tile++;
  return created(
    await admin.post('/api/racks', {
      roomId,
      name: unique('R'),
      rowLabel: 'A',
      gridX: tile % 10,
      gridY: Math.floor(tile / 10) % 4,
      uHeight: 42,
      powerBudgetKw: 6,
      maxWeightKg: 1000,
      ...extra,
    }),
    (value) => rackSchema.parse(value),
  );
}

export async function newType(admin: ApiClient, extra: Partial<CreateDeviceType> = {}): Promise<DeviceType> {
  const slug = unique('type').toLowerCase();
  return created(
    await admin.post('/api/device-types', {
      manufacturer: 'Acme',
      model: slug,
      slug,
      uHeight: 1,
      isFullDepth: true,
      weightKg: 10,
      powerPorts: [{ name: 'PSU1', maximumDraw: 500, allocatedDraw: 300 }],
      ...extra,
    }),
    (value) => deviceTypeSchema.parse(value),
  );
}

export async function newDevice(
  admin: ApiClient,
  deviceTypeId: number,
  rackId: number | null,
  extra: Partial<CreateDevice> = {},
): Promise<Device> {
  return created(
    await admin.post('/api/devices', {
      name: unique('dev'),
      deviceTypeId,
      rackId,
      ...(rackId === null ? {} : { position: 1, face: 'front' }),
      ...extra,
    }),
    (value) => deviceSchema.parse(value),
  );
}
