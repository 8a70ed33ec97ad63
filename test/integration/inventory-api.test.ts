import { MikroORM } from '@mikro-orm/core';
import {
  contractSchema,
  deviceSchema,
  deviceTypeSchema,
  errorBodySchema,
  type Page,
  pageSchema,
  rackSchema,
  roomSchema,
  tenantSchema,
} from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { requestContext } from '../../server/src/common/request-context.js';
import { Contract } from '../../server/src/inventory/contract.entity.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';
import { withRawDatabase } from './support/sqlite.js';

let t: TestApp;
let admin: ApiClient;
let viewer: ApiClient;
let tenantIds: Record<string, number>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signedIn(t.url, 'admin');
  viewer = await signedIn(t.url, 'viewer');
  const tenants = pageSchema(tenantSchema).parse(await (await admin.get('/api/tenants')).json()).items;
  tenantIds = Object.fromEntries(tenants.map((tenant) => [tenant.code, tenant.id]));
});
afterAll(() => t.close());

const scalar = (sql: string, ...params: unknown[]): number =>
  withRawDatabase(t.config.databaseFile, (db) => (db.prepare(sql).get(...params) as { n: number }).n);

async function getPage<T extends z.ZodType>(
  client: ApiClient,
  url: string,
  item: T,
): Promise<Page<z.infer<T>>> {
  const response = await client.get(url);
  expect(response.status, url).toBe(200);
  return pageSchema(item).parse(await response.json());
}

/** Follows `nextCursor` to the end and returns every item, in order. */
async function walk<T extends z.ZodType>(client: ApiClient, url: string, item: T): Promise<z.infer<T>[]> {
  const items: z.infer<T>[] = [];
  let cursor: string | null = null;
  do {
    const separator = url.includes('?') ? '&' : '?';
    const page: Page<z.infer<T>> = await getPage(
      client,
      cursor ? `${url}${separator}cursor=${cursor}` : url,
      item,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = errorBodySchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body.error;
}

describe('inventory lists', () => {
  it('walks every device exactly once, page by page', async () => {
    const devices = await walk(admin, '/api/devices?limit=200', deviceSchema);
    const ids = devices.map((device) => device.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(scalar('select count(*) as n from device'));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('pages with the default size and caps the limit', async () => {
    const page = await getPage(admin, '/api/racks', rackSchema);
    expect(page.items).toHaveLength(50);
    expect(page.nextCursor).not.toBeNull();
    await expectError(await admin.get('/api/devices?limit=100000'), 400, 'validation_failed');
  });

  it('lists rooms, filtered by site', async () => {
    const rooms = (await getPage(admin, '/api/rooms', roomSchema)).items;
    expect(rooms.map((room) => room.name)).toEqual(['Salle A', 'Salle B']);
    expect(rooms[0]).toMatchObject({ gridColumns: 24, gridRows: 14 });
    const siteId = rooms[0]!.siteId;
    expect((await getPage(admin, `/api/rooms?siteId=${siteId}`, roomSchema)).items).toHaveLength(2);
    expect((await getPage(admin, `/api/rooms?siteId=${siteId + 1000}`, roomSchema)).items).toHaveLength(0);
  });

  it('filters racks by room, site, tenant, status and row', async () => {
    const [roomA] = (await getPage(admin, '/api/rooms?search=Salle%20A', roomSchema)).items;
    const inRoom = await walk(admin, `/api/racks?roomId=${roomA!.id}&limit=200`, rackSchema);
    expect(inRoom.length).toBe(scalar('select count(*) as n from rack where room_id = ?', roomA!.id));
    expect(inRoom.every((rack) => rack.roomId === roomA!.id)).toBe(true);

    const onSite = await walk(admin, `/api/racks?siteId=${roomA!.siteId}&limit=200`, rackSchema);
    expect(onSite.length).toBe(scalar('select count(*) as n from rack'));

    const kore = await walk(admin, `/api/racks?tenantId=${tenantIds.KORE}&status=reserved`, rackSchema);
    expect(kore.length).toBeGreaterThan(0);
    expect(kore.every((rack) => rack.tenantId === tenantIds.KORE && rack.status === 'reserved')).toBe(true);

    const rowB = await walk(admin, '/api/racks?rowLabel=B', rackSchema);
    expect(rowB.map((rack) => rack.name)).toEqual(
      Array.from({ length: 12 }, (_, i) => `B${String(i + 1).padStart(2, '0')}`),
    );

    const [a05] = (await getPage(admin, '/api/racks?search=A05', rackSchema)).items;
    expect(a05).toMatchObject({ name: 'A05', rowLabel: 'A', uHeight: 42 });
  });

  it('filters devices by rack, room, site, tenant, type and status, and finds them by serial or asset tag', async () => {
    const [rack] = (await getPage(admin, `/api/racks?tenantId=${tenantIds.HELIO}&status=active`, rackSchema))
      .items;
    const inRack = await walk(admin, `/api/devices?rackId=${rack!.id}`, deviceSchema);
    expect(inRack.length).toBe(scalar('select count(*) as n from device where rack_id = ?', rack!.id));
    expect(inRack.every((device) => device.rackId === rack!.id && device.tenantId === tenantIds.HELIO)).toBe(
      true,
    );

    const inRoom = await walk(admin, `/api/devices?roomId=${rack!.roomId}&limit=200`, deviceSchema);
    expect(inRoom.length).toBe(
      scalar(
        'select count(*) as n from device d join rack r on r.id = d.rack_id where r.room_id = ?',
        rack!.roomId,
      ),
    );

    const failed = await walk(admin, `/api/devices?status=failed&tenantId=${tenantIds.NOVA}`, deviceSchema);
    expect(failed.length).toBe(
      scalar("select count(*) as n from device where status = 'failed' and tenant_id = ?", tenantIds.NOVA),
    );
    expect(failed.every((device) => device.status === 'failed')).toBe(true);

    const [pdu] = (await getPage(admin, '/api/device-types?search=AP8941', deviceTypeSchema)).items;
    const pdus = await walk(admin, `/api/devices?deviceTypeId=${pdu!.id}&rackId=${rack!.id}`, deviceSchema);
    expect(pdus.map((device) => [device.position, device.face])).toEqual([
      [null, 'rear'],
      [null, 'rear'],
    ]);

    const target = inRack.find((device) => device.serial && device.assetTag)!;
    const bySerial = (await getPage(admin, `/api/devices?search=${target.serial}`, deviceSchema)).items;
    expect(bySerial.map((device) => device.id)).toEqual([target.id]);
    const byTag = (await getPage(admin, `/api/devices?search=${target.assetTag}`, deviceSchema)).items;
    expect(byTag.map((device) => device.id)).toEqual([target.id]);
    const byName = await walk(admin, '/api/devices?search=nova-esx', deviceSchema);
    expect(byName.length).toBeGreaterThan(10);
    expect(byName.every((device) => device.name.startsWith('nova-esx-'))).toBe(true);
  });

  it('lists device types with their power ports, by manufacturer or search', async () => {
    const all = await walk(admin, '/api/device-types', deviceTypeSchema);
    expect(all.length).toBe(scalar('select count(*) as n from device_type'));
    expect(all.some((type) => type.uHeight === 0)).toBe(true);
    expect(all.some((type) => type.uHeight === 0.5)).toBe(true);
    const dell = (await getPage(admin, '/api/device-types?manufacturer=Dell', deviceTypeSchema)).items;
    expect(dell.length).toBeGreaterThan(0);
    expect(dell.every((type) => type.manufacturer === 'Dell')).toBe(true);
    const [r650] = (await getPage(admin, '/api/device-types?search=dell-poweredge-r650', deviceTypeSchema))
      .items;
    expect(r650).toMatchObject({
      model: 'PowerEdge R650',
      uHeight: 1,
      isFullDepth: true,
      airflow: 'front-to-rear',
    });
    expect(r650!.powerPorts).toHaveLength(2);
    expect(r650!.powerPorts[0]).toMatchObject({ name: 'PSU1', maximumDraw: 800 });
  });

  it('gets one object of each kind by id, and answers 404 for an unknown id', async () => {
    const [device] = (await getPage(admin, '/api/devices?limit=1', deviceSchema)).items;
    const fetched = async (path: string) => {
      const response = await admin.get(path);
      expect(response.status, path).toBe(200);
      return response.json();
    };
    expect(deviceSchema.parse(await fetched(`/api/devices/${device!.id}`))).toEqual(device);
    expect(rackSchema.parse(await fetched(`/api/racks/${device!.rackId}`)).id).toBe(device!.rackId);
    expect(deviceTypeSchema.parse(await fetched(`/api/device-types/${device!.deviceTypeId}`)).id).toBe(
      device!.deviceTypeId,
    );
    const [room] = (await getPage(admin, '/api/rooms', roomSchema)).items;
    expect(roomSchema.parse(await (await admin.get(`/api/rooms/${room!.id}`)).json())).toEqual(room);
    for (const path of [
      '/api/devices/999999',
      '/api/racks/999999',
      '/api/rooms/999999',
      '/api/device-types/999999',
    ]) {
      await expectError(await admin.get(path), 404, 'not_found');
    }
  });

  it('rejects bad filters with the field in error', async () => {
    const status = await expectError(await admin.get('/api/devices?status=melted'), 400, 'validation_failed');
    expect(status.fields?.[0]?.path).toBe('status');
    const rack = await expectError(await admin.get('/api/devices?rackId=abc'), 400, 'validation_failed');
    expect(rack.fields?.[0]?.path).toBe('rackId');
    await expectError(await admin.get('/api/racks?colour=red'), 400, 'validation_failed');
    await expectError(await admin.get('/api/devices?cursor=not-a-cursor'), 400, 'validation_failed');
  });
});

describe('contracts', () => {
  it('are readable by admins and managers, with their SLA policy and calendar', async () => {
    for (const username of ['admin', 'manager']) {
      const client = await signedIn(t.url, username);
      const contracts = await walk(client, '/api/contracts', contractSchema);
      expect(contracts).toHaveLength(5);
      const nova = contracts.find((contract) => contract.tenantId === tenantIds.NOVA)!;
      expect(nova).toMatchObject({ serviceHours: '24x7', businessHours: null });
      expect(nova.slaPolicy.P1).toEqual({ ackMinutes: 15, restoreMinutes: 240, resolveMinutes: 480 });
      const helio = contracts.find((contract) => contract.tenantId === tenantIds.HELIO)!;
      expect(helio.serviceHours).toBe('business_hours');
      expect(helio.businessHours).toMatchObject({ start: '08:00', end: '20:00' });
      expect(
        (await getPage(client, `/api/contracts?tenantId=${tenantIds.KORE}`, contractSchema)).items,
      ).toHaveLength(1);
      expect(contractSchema.parse(await (await client.get(`/api/contracts/${nova.id}`)).json())).toEqual(
        nova,
      );
    }
  });

  it('are refused to technicians, coordinators and client viewers', async () => {
    for (const username of ['technician', 'coordinator', 'viewer']) {
      const client = await signedIn(t.url, username);
      await expectError(await client.get('/api/contracts'), 403, 'forbidden');
    }
  });
});

describe('tenant scoping for a client viewer', () => {
  it('lists only their own racks (and the shared ones holding their devices) and their own devices', async () => {
    const racks = await walk(viewer, '/api/racks?limit=200', rackSchema);
    const own = scalar('select count(*) as n from rack where tenant_id = ?', tenantIds.NOVA);
    const shared = scalar(
      `select count(*) as n from rack r where r.tenant_id is null
       and exists (select 1 from device d where d.rack_id = r.id and d.tenant_id = ?)`,
      tenantIds.NOVA,
    );
    expect(shared).toBeGreaterThan(0);
    expect(racks.length).toBe(own + shared);
    expect(
      racks.filter((rack) => rack.tenantId !== null).every((rack) => rack.tenantId === tenantIds.NOVA),
    ).toBe(true);
    expect(racks.filter((rack) => rack.tenantId === null)).toHaveLength(shared);

    const devices = await walk(viewer, '/api/devices?limit=200', deviceSchema);
    expect(devices.length).toBe(
      scalar('select count(*) as n from device where tenant_id = ?', tenantIds.NOVA),
    );
    expect(devices.every((device) => device.tenantId === tenantIds.NOVA)).toBe(true);
  });

  it('sees only their own tenant', async () => {
    const tenants = (await getPage(viewer, '/api/tenants', tenantSchema)).items;
    expect(tenants.map((tenant) => tenant.code)).toEqual(['NOVA']);
    await expectError(await viewer.get(`/api/tenants/${tenantIds.KORE}`), 404, 'not_found');
  });

  it("gets 404, not the object, for another tenant's device or rack, even by filter", async () => {
    const [other] = (await getPage(admin, `/api/devices?tenantId=${tenantIds.ATLAS}&limit=1`, deviceSchema))
      .items;
    expect(other).toBeDefined();
    const error = await expectError(await viewer.get(`/api/devices/${other!.id}`), 404, 'not_found');
    expect(error.message).not.toContain(other!.name);
    await expectError(await viewer.get(`/api/racks/${other!.rackId}`), 404, 'not_found');
    expect((await getPage(viewer, `/api/devices?tenantId=${tenantIds.ATLAS}`, deviceSchema)).items).toEqual(
      [],
    );
    expect((await getPage(viewer, `/api/devices?search=${other!.serial}`, deviceSchema)).items).toEqual([]);

    const [own] = (await getPage(viewer, '/api/devices?limit=1', deviceSchema)).items;
    expect(deviceSchema.parse(await (await viewer.get(`/api/devices/${own!.id}`)).json())).toEqual(own);
  });

  it('still sees the shared catalogue and the rooms', async () => {
    expect((await walk(viewer, '/api/device-types', deviceTypeSchema)).length).toBe(
      scalar('select count(*) as n from device_type'),
    );
    expect((await getPage(viewer, '/api/rooms', roomSchema)).items).toHaveLength(2);
  });

  it('scopes contracts in the data layer too, whatever the route', async () => {
    const em = t.app.get(MikroORM).em.fork();
    const actor = {
      id: 5,
      username: 'viewer',
      displayName: 'Valérie Viewer',
      role: 'client_viewer' as const,
      tenantId: tenantIds.NOVA!,
    };
    const contracts = await requestContext.run({ requestId: 'scope-test', ip: '127.0.0.1', actor }, () =>
      em.find(Contract, {}),
    );
    expect(contracts.map((contract) => contract.tenant.id)).toEqual([tenantIds.NOVA]);
  });
});
