import {
  deviceListItemSchema,
  deviceSchema,
  deviceTypeSchema,
  floorPlanSchema,
  inventorySearchResultSchema,
  pageSchema,
  placementResultSchema,
  rackCapacitySchema,
  rackElevationSchema,
  rackSchema,
  roomCapacitySchema,
  roomSchema,
  siteCapacitySchema,
  siteSchema,
  tenantSchema,
} from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectError,
  newDevice,
  newRack,
  newRoom,
  newType,
  ok,
  tenantIdsOf,
} from './support/inventory-fixtures.js';
import { withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: ApiClient;
let viewer: ApiClient;
let tenantIds: Record<string, number>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signedIn(t.url, 'coordinator');
  viewer = await signedIn(t.url, 'viewer');
  tenantIds = await tenantIdsOf(admin);
});
afterAll(() => t.close());

const elevationOf = async (client: ApiClient, rackId: number) =>
  ok(await client.get(`/api/racks/${rackId}/elevation`), (value) => rackElevationSchema.parse(value));

describe('rack elevation', () => {
  it('shows each face with its devices, free runs and zero-U devices apart', async () => {
    const room = await newRoom(admin);
    const rack = await newRack(admin, room.id, { uHeight: 10 });
    const server = await newType(admin, { uHeight: 2, isFullDepth: true });
    const patch = await newType(admin, { uHeight: 1, isFullDepth: false });
    const pdu = await newType(admin, { uHeight: 0, isFullDepth: false });
    const s = await newDevice(admin, server.id, rack.id, {
      position: 1,
      face: 'front',
      tenantId: tenantIds.NOVA!,
    });
    const p = await newDevice(admin, patch.id, rack.id, { position: 10, face: 'rear' });
    const z = await newDevice(admin, pdu.id, rack.id, { position: null, face: 'rear' });

    const elevation = await elevationOf(admin, rack.id);
    expect(elevation.rack.id).toBe(rack.id);
    expect(elevation.front.devices.map((device) => device.id)).toEqual([s.id]);
    expect(elevation.rear.devices.map((device) => device.id)).toEqual([s.id, p.id]);
    expect(elevation.front.devices[0]).toMatchObject({
      name: s.name,
      typeLabel: `Acme ${server.model}`,
      uHeight: 2,
      position: 1,
      face: 'front',
      status: 'active',
      tenantName: 'Novabank',
    });
    expect(elevation.front.freeRanges).toEqual([{ from: 3, units: 8 }]);
    expect(elevation.rear.freeRanges).toEqual([{ from: 3, units: 7 }]);
    expect(elevation.front.freeUnits).toBe(8);
    expect(elevation.zeroU.map((device) => device.id)).toEqual([z.id]);
    expect(elevation.hiddenRanges).toEqual({ front: [], rear: [] });
  });

  it('is 404 for a missing rack', async () => {
    await expectError(await admin.get('/api/racks/999999/elevation'), 404, 'not_found');
  });
});

describe('capacity', () => {
  it('sums units, allocated power (else maximum) and weight per rack, row, room and site', async () => {
    const room = await newRoom(admin);
    const rackA = await newRack(admin, room.id, {
      uHeight: 10,
      powerBudgetKw: 2,
      maxWeightKg: 200,
      rowLabel: 'A',
    });
    const rackB = await newRack(admin, room.id, {
      uHeight: 20,
      powerBudgetKw: 1,
      maxWeightKg: 100,
      rowLabel: 'B',
    });
    const allocated = await newType(admin, {
      uHeight: 2,
      weightKg: 20,
      powerPorts: [
        { name: 'PSU1', maximumDraw: 750, allocatedDraw: 300 },
        { name: 'PSU2', maximumDraw: 750, allocatedDraw: 300 },
      ],
    });
    const maxOnly = await newType(admin, {
      uHeight: 1,
      weightKg: 5,
      powerPorts: [{ name: 'PSU', maximumDraw: 200 }],
    });
    await newDevice(admin, allocated.id, rackA.id, { position: 1 });
    await newDevice(admin, maxOnly.id, rackA.id, { position: 3 });
    await newDevice(admin, maxOnly.id, rackB.id, { position: 1 });

    const a = await ok(await admin.get(`/api/racks/${rackA.id}/capacity`), (v) =>
      rackCapacitySchema.parse(v),
    );
    expect(a.figures).toEqual({
      rackCount: 1,
      uTotal: 10,
      uUsed: 3,
      uFree: 7,
      uUsedPercent: 30,
      powerBudgetW: 2000,
      powerAllocatedW: 800,
      powerPercent: 40,
      weightMaxKg: 200,
      weightKg: 25,
      weightPercent: 12.5,
    });
    const roomCapacity = await ok(await admin.get(`/api/rooms/${room.id}/capacity`), (v) =>
      roomCapacitySchema.parse(v),
    );
    expect(roomCapacity.figures).toMatchObject({
      rackCount: 2,
      uTotal: 30,
      uUsed: 4,
      powerAllocatedW: 1000,
      powerBudgetW: 3000,
    });
    expect(roomCapacity.rows.map((row) => [row.rowLabel, row.figures.uUsed])).toEqual([
      ['A', 3],
      ['B', 1],
    ]);
    expect(roomCapacity.racks.map((rack) => rack.rackId)).toEqual([rackA.id, rackB.id]);

    const site = await ok(await admin.get(`/api/sites/${room.siteId}/capacity`), (v) =>
      siteCapacitySchema.parse(v),
    );
    expect(site.rooms.find((r) => r.roomId === room.id)?.figures).toEqual(roomCapacity.figures);
    const demoRacks = withRawDatabase(
      t.config.databaseFile,
      (db) =>
        (
          db
            .prepare('select count(*) as n from rack r join room m on m.id = r.room_id where m.site_id = ?')
            .get(room.siteId) as { n: number }
        ).n,
    );
    expect(site.figures.rackCount).toBe(demoRacks);
  });
});

describe('floor plan', () => {
  it('puts every rack of the room on its tile with U %, power %, tenant and open incidents', async () => {
    const room = await newRoom(admin);
    const rack = await newRack(admin, room.id, { uHeight: 10, powerBudgetKw: 1, tenantId: tenantIds.NOVA! });
    const empty = await newRack(admin, room.id);
    const type = await newType(admin, {
      uHeight: 5,
      powerPorts: [{ name: 'P', maximumDraw: 900, allocatedDraw: 1200 }],
    });
    await newDevice(admin, type.id, rack.id, { position: 1, tenantId: tenantIds.NOVA! });
    const plan = await ok(await admin.get(`/api/rooms/${room.id}/floor-plan`), (v) =>
      floorPlanSchema.parse(v),
    );
    expect(plan.room).toMatchObject({ id: room.id, gridColumns: 10, gridRows: 4 });
    const tile = plan.racks.find((r) => r.rackId === rack.id);
    expect(tile).toMatchObject({
      gridX: rack.gridX,
      gridY: rack.gridY,
      tenantId: tenantIds.NOVA,
      uUsed: 5,
      uUsedPercent: 50,
      powerAllocatedW: 1200,
      powerPercent: 120,
      openIncidents: 0,
    });
    expect(plan.racks.find((r) => r.rackId === empty.id)).toMatchObject({ uUsed: 0, powerAllocatedW: 0 });
    expect(plan.tenants.map((tenant) => tenant.id)).toEqual([tenantIds.NOVA]);
  });

  it('is 404 for a missing room', async () => {
    await expectError(await admin.get('/api/rooms/999999/floor-plan'), 404, 'not_found');
  });
});

describe('placement search', () => {
  it('finds racks with a contiguous free block and power headroom, own racks and tightest fits first', async () => {
    const room = await newRoom(admin);
    const type = await newType(admin, { uHeight: 1, powerPorts: [{ name: 'P', allocatedDraw: 100 }] });
    // Shared rack: 3U gap at U5–U7 between devices, plenty of power.
    const tight = await newRack(admin, room.id, { uHeight: 10, powerBudgetKw: 5 });
    for (const position of [1, 2, 3, 4, 8, 9, 10]) await newDevice(admin, type.id, tight.id, { position });
    // Shared rack: empty, plenty of power.
    const roomy = await newRack(admin, room.id, { uHeight: 10, powerBudgetKw: 5 });
    // NOVA's own rack: empty, less power.
    const own = await newRack(admin, room.id, { uHeight: 10, powerBudgetKw: 2, tenantId: tenantIds.NOVA! });
    // Shared rack with room but no power left.
    const starved = await newRack(admin, room.id, { uHeight: 10, powerBudgetKw: 0.5 });
    await newDevice(admin, type.id, starved.id, { position: 1 });
    // KORE's rack: never proposed for NOVA.
    const foreign = await newRack(admin, room.id, {
      uHeight: 10,
      powerBudgetKw: 5,
      tenantId: tenantIds.KORE!,
    });

    const search = async (query: string) =>
      ok(await admin.get(`/api/placement?roomId=${room.id}&${query}`), (v) => placementResultSchema.parse(v));
    const forNova = await search(`units=3&watts=600&tenantId=${tenantIds.NOVA}`);
    expect(forNova.items.map((item) => item.rackId)).toEqual([own.id, tight.id, roomy.id]);
    expect(forNova.items[1]).toMatchObject({ position: 5, blockUnits: 3, powerHeadroomW: 5000 - 700 - 600 });
    expect(forNova.items.map((item) => item.rackId)).not.toContain(foreign.id);
    expect(forNova.items.map((item) => item.rackId)).not.toContain(starved.id);

    const big = await search(`units=4&watts=100&tenantId=${tenantIds.NOVA}`);
    // The starved rack has 400 W left: enough here, and its 9U block is tighter than an empty rack's.
    expect(big.items.map((item) => item.rackId)).toEqual([own.id, starved.id, roomy.id]);
    const hungry = await search(`units=1&watts=4500`);
    expect(hungry.items.map((item) => item.rackId)).toEqual([roomy.id]);
    await expectError(await admin.get('/api/placement?units=0&watts=10'), 400, 'validation_failed');
    await expectError(await admin.get('/api/placement?units=1.3&watts=10'), 400, 'validation_failed');
  });
});

describe('tenant isolation on inventory views', () => {
  it("gives a client viewer 404 for another tenant's rack elevation, capacity, and omits it from floor plans", async () => {
    const room = await newRoom(admin);
    const theirs = await newRack(admin, room.id, { tenantId: tenantIds.KORE! });
    const ours = await newRack(admin, room.id, { tenantId: tenantIds.NOVA! });
    await expectError(await viewer.get(`/api/racks/${theirs.id}/elevation`), 404, 'not_found');
    await expectError(await viewer.get(`/api/racks/${theirs.id}/capacity`), 404, 'not_found');
    const plan = await ok(await viewer.get(`/api/rooms/${room.id}/floor-plan`), (v) =>
      floorPlanSchema.parse(v),
    );
    expect(plan.racks.map((rack) => rack.rackId)).toEqual([ours.id]);
    expect(plan.tenants.map((tenant) => tenant.id)).toEqual([tenantIds.NOVA]);
    const capacity = await ok(await viewer.get(`/api/rooms/${room.id}/capacity`), (v) =>
      roomCapacitySchema.parse(v),
    );
    expect(capacity.racks.map((rack) => rack.rackId)).toEqual([ours.id]);
    const placement = await ok(
      await viewer.get(`/api/placement?roomId=${room.id}&units=1&watts=0&tenantId=${tenantIds.KORE}`),
      (v) => placementResultSchema.parse(v),
    );
    expect(placement.items).toEqual([]);
    // Their own rack is proposed to them, with or without naming their tenant.
    for (const tenant of [`&tenantId=${tenantIds.NOVA}`, '']) {
      const own = await ok(
        await viewer.get(`/api/placement?roomId=${room.id}&units=1&watts=0${tenant}`),
        (v) => placementResultSchema.parse(v),
      );
      expect(own.items.map((item) => item.rackId)).toEqual([ours.id]);
    }
  });

  it('shows a client viewer only their own devices in a shared rack, the rest as hidden space', async () => {
    const room = await newRoom(admin);
    const shared = await newRack(admin, room.id, { uHeight: 10 });
    const type = await newType(admin, { uHeight: 2, isFullDepth: true, weightKg: 20 });
    const ours = await newDevice(admin, type.id, shared.id, { position: 1, tenantId: tenantIds.NOVA! });
    const theirs = await newDevice(admin, type.id, shared.id, { position: 5, tenantId: tenantIds.KORE! });

    const seen = await elevationOf(viewer, shared.id);
    expect(seen.front.devices.map((device) => device.id)).toEqual([ours.id]);
    expect(JSON.stringify(seen)).not.toContain(theirs.name);
    expect(seen.hiddenRanges.front).toEqual([{ from: 5, units: 2 }]);
    expect(seen.front.freeRanges).toEqual([
      { from: 3, units: 2 },
      { from: 7, units: 4 },
    ]);
    const staff = await elevationOf(admin, shared.id);
    expect(staff.front.devices.map((device) => device.id)).toEqual([ours.id, theirs.id]);
  });

  it('lets a client viewer reach a shared rack holding their devices everywhere racks are read, never one without', async () => {
    const room = await newRoom(admin);
    const shared = await newRack(admin, room.id, { uHeight: 10, powerBudgetKw: 5 });
    const type = await newType(admin, {
      uHeight: 2,
      isFullDepth: true,
      weightKg: 20,
      powerPorts: [{ name: 'P', allocatedDraw: 300 }],
    });
    await newDevice(admin, type.id, shared.id, { position: 1, tenantId: tenantIds.NOVA! });
    const theirs = await newDevice(admin, type.id, shared.id, { position: 5, tenantId: tenantIds.KORE! });
    // A shared rack holding only another tenant's device, and an empty shared one: both stay invisible.
    const other = await newRack(admin, room.id, { uHeight: 10 });
    await newDevice(admin, type.id, other.id, { position: 1, tenantId: tenantIds.KORE! });
    const empty = await newRack(admin, room.id, { uHeight: 10 });
    const kore = pageSchema(tenantSchema)
      .parse(await (await admin.get('/api/tenants')).json())
      .items.find((tenant) => tenant.id === tenantIds.KORE)!;
    const leaks = (value: unknown) => {
      const text = JSON.stringify(value);
      return [theirs.name, theirs.serial ?? theirs.name, kore.name, kore.code].filter((word) =>
        text.includes(word),
      );
    };

    const rack = await ok(await viewer.get(`/api/racks/${shared.id}`), (v) => rackSchema.parse(v));
    expect(rack).toMatchObject({ id: shared.id, tenantId: null });
    const listed = pageSchema(rackSchema).parse(
      await (await viewer.get(`/api/racks?roomId=${room.id}`)).json(),
    );
    expect(listed.items.map((item) => item.id)).toEqual([shared.id]);

    // Capacity of a shared rack: the rack's physical totals (both devices), with no other tenant's detail.
    const capacity = await ok(await viewer.get(`/api/racks/${shared.id}/capacity`), (v) =>
      rackCapacitySchema.parse(v),
    );
    expect(capacity.figures).toMatchObject({ uUsed: 4, powerAllocatedW: 600, weightKg: 40 });
    expect(leaks(capacity)).toEqual([]);
    const roomCapacity = await ok(await viewer.get(`/api/rooms/${room.id}/capacity`), (v) =>
      roomCapacitySchema.parse(v),
    );
    expect(roomCapacity.racks.map((item) => item.rackId)).toEqual([shared.id]);
    expect(roomCapacity.figures).toMatchObject({ rackCount: 1, uUsed: 4 });
    const site = await ok(await viewer.get(`/api/sites/${room.siteId}/capacity`), (v) =>
      siteCapacitySchema.parse(v),
    );
    expect(site.rooms.find((item) => item.roomId === room.id)?.figures.rackCount).toBe(1);

    const plan = await ok(await viewer.get(`/api/rooms/${room.id}/floor-plan`), (v) =>
      floorPlanSchema.parse(v),
    );
    expect(plan.racks.map((item) => item.rackId)).toEqual([shared.id]);
    expect(plan.racks[0]).toMatchObject({ tenantId: null, uUsed: 4, powerAllocatedW: 600 });
    expect(plan.tenants).toEqual([]);
    expect(leaks(plan)).toEqual([]);

    const search = await ok(await viewer.get(`/api/inventory/search?q=${shared.name}`), (v) =>
      inventorySearchResultSchema.parse(v),
    );
    expect(search.racks.map((item) => item.id)).toEqual([shared.id]);

    // Placement without naming a tenant: the viewer's own tenant, among racks they may see.
    const placement = await ok(await viewer.get(`/api/placement?roomId=${room.id}&units=2&watts=100`), (v) =>
      placementResultSchema.parse(v),
    );
    expect(placement.items.map((item) => item.rackId)).toEqual([shared.id]);

    for (const hidden of [other, empty]) {
      for (const path of ['', '/elevation', '/capacity']) {
        await expectError(await viewer.get(`/api/racks/${hidden.id}${path}`), 404, 'not_found');
      }
    }
    const staffPlan = await ok(await admin.get(`/api/rooms/${room.id}/floor-plan`), (v) =>
      floorPlanSchema.parse(v),
    );
    expect(staffPlan.racks.map((item) => item.rackId).sort()).toEqual([shared.id, other.id, empty.id].sort());
  });

  it('counts in site capacity only the racks a client viewer may see: their own, and shared ones holding their devices', async () => {
    const [rack] = pageSchema(rackSchema).parse(await (await viewer.get('/api/racks?limit=1')).json()).items;
    const roomSite = withRawDatabase(
      t.config.databaseFile,
      (db) => db.prepare('select site_id as id from room where id = ?').get(rack!.roomId) as { id: number },
    );
    const own = withRawDatabase(
      t.config.databaseFile,
      (db) =>
        (
          db
            .prepare(
              `select count(*) as n from rack r join room m on m.id = r.room_id where m.site_id = @site
               and (r.tenant_id = @tenant or (r.tenant_id is null
                 and exists (select 1 from device d where d.rack_id = r.id and d.tenant_id = @tenant)))`,
            )
            .get({ site: roomSite.id, tenant: tenantIds.NOVA }) as { n: number }
        ).n,
    );
    const site = await ok(await viewer.get(`/api/sites/${roomSite.id}/capacity`), (v) =>
      siteCapacitySchema.parse(v),
    );
    expect(site.figures.rackCount).toBe(own);
    const all = await ok(await admin.get(`/api/sites/${roomSite.id}/capacity`), (v) =>
      siteCapacitySchema.parse(v),
    );
    expect(all.figures.rackCount).toBeGreaterThan(own);
  });

  it('refuses every inventory write to a client viewer (403), whatever the tenant', async () => {
    await expectError(await viewer.request('PATCH', '/api/devices/1', { version: 1 }), 403, 'forbidden');
    await expectError(await viewer.request('DELETE', '/api/racks/1'), 403, 'forbidden');
  });
});

describe('inventory search', () => {
  it('finds sites, racks and devices by name, serial and asset tag, within the tenant for a viewer', async () => {
    const room = await newRoom(admin);
    const rack = await newRack(admin, room.id, { name: 'ZEBRA-7', tenantId: tenantIds.KORE! });
    const type = await newType(admin);
    const device = await newDevice(admin, type.id, rack.id, {
      name: 'zebra-host',
      serial: 'ZEBRASN1',
      assetTag: 'ZEBRA-TAG-1',
      tenantId: tenantIds.KORE!,
    });
    const search = async (client: ApiClient, q: string) =>
      ok(await client.get(`/api/inventory/search?q=${encodeURIComponent(q)}`), (v) =>
        inventorySearchResultSchema.parse(v),
      );
    const byName = await search(admin, 'zebra');
    expect(byName.racks.map((r) => r.id)).toEqual([rack.id]);
    expect(byName.devices.map((d) => d.id)).toEqual([device.id]);
    expect((await search(admin, 'ZEBRASN1')).devices.map((d) => d.id)).toEqual([device.id]);
    expect((await search(admin, 'ZEBRA-TAG-1')).devices.map((d) => d.id)).toEqual([device.id]);
    const site = await search(admin, 'PAR1');
    expect(site.sites.map((s) => s.code)).toEqual(['PAR1']);
    const hidden = await search(viewer, 'zebra');
    expect(hidden).toEqual({ sites: [], racks: [], devices: [] });
    await expectError(await admin.get('/api/inventory/search?q='), 400, 'validation_failed');
  });
});

const walkAll = async <T extends { id: number }>(
  path: string,
  parse: (value: unknown) => { items: T[]; nextCursor: string | null },
  client = admin,
) => {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page = parse(await (await client.get(cursor ? `${path}&cursor=${cursor}` : path)).json());
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
};

/** Rows in `key` order (descending with `-`), ties by id the same way. */
const sortedBy = <T extends { id: number }>(rows: T[], sort: string) => {
  const key = sort.replace(/^-/, '') as keyof T;
  const sign = sort.startsWith('-') ? -1 : 1;
  return [...rows].sort((a, b) => sign * (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id - b.id));
};

describe('sorted lists', () => {
  it('sorts sites, tenants, rooms and device types by their columns, both ways, page by page', async () => {
    const lists = [
      ['/api/sites', siteSchema, ['code', '-name']],
      ['/api/tenants', tenantSchema, ['name', '-code']],
      ['/api/rooms', roomSchema, ['-name', 'gridColumns']],
      ['/api/device-types', deviceTypeSchema, ['manufacturer', '-uHeight', 'model', '-slug']],
    ] as const;
    for (const [path, schema, sorts] of lists) {
      const all = await walkAll(`${path}?limit=200`, (v) => pageSchema(schema).parse(v));
      for (const sort of sorts) {
        const sorted = await walkAll(`${path}?sort=${sort}&limit=4`, (v) => pageSchema(schema).parse(v));
        expect(
          sorted.map((row) => row.id),
          `${path} ${sort}`,
        ).toEqual(sortedBy(all as { id: number }[], sort).map((row) => row.id));
      }
    }
    await expectError(await admin.get('/api/tenants?sort=version'), 400, 'validation_failed');
  });

  it('names where each device of the list stands, and sorts it by name both ways within a tenant', async () => {
    const [rack] = pageSchema(rackSchema).parse(
      await (await admin.get('/api/racks?search=A05')).json(),
    ).items;
    const page = pageSchema(deviceListItemSchema).parse(
      await (await admin.get(`/api/devices?rackId=${rack!.id}&limit=5`)).json(),
    );
    const room = roomSchema.parse(await (await admin.get(`/api/rooms/${rack!.roomId}`)).json());
    const site = siteSchema.parse(await (await admin.get(`/api/sites/${room.siteId}`)).json());
    expect(page.items.length).toBeGreaterThan(0);
    for (const device of page.items) {
      expect(device).toMatchObject({
        rackName: rack!.name,
        roomId: room.id,
        roomName: room.name,
        siteId: site.id,
        siteCode: site.code,
      });
    }
    const viewerDevices = await walkAll(
      '/api/devices?sort=-name&limit=50',
      (v) => pageSchema(deviceListItemSchema).parse(v),
      viewer,
    );
    expect(new Set(viewerDevices.map((device) => device.tenantId))).toEqual(new Set([tenantIds.NOVA]));
    expect(viewerDevices.map((device) => device.id)).toEqual(
      sortedBy(viewerDevices, '-name').map((device) => device.id),
    );
    const unracked = pageSchema(deviceListItemSchema).parse(
      await (await admin.get('/api/devices?search=nova-&status=planned&limit=200')).json(),
    );
    expect(unracked.items.some((device) => device.rackId === null && device.rackName === null)).toBe(true);
  });

  it('pages racks and devices in the asked order, ties by id, with no row lost or repeated', async () => {
    const racks = await walkAll('/api/racks?sort=-name&limit=7', (v) => pageSchema(rackSchema).parse(v));
    const expected = [...racks].sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : b.id - a.id));
    expect(racks.map((rack) => rack.id)).toEqual(expected.map((rack) => rack.id));
    expect(new Set(racks.map((rack) => rack.id)).size).toBe(
      withRawDatabase(
        t.config.databaseFile,
        (db) => (db.prepare('select count(*) as n from rack').get() as { n: number }).n,
      ),
    );

    const [rack] = pageSchema(rackSchema).parse(
      await (await admin.get('/api/racks?search=A05')).json(),
    ).items;
    const devices = await walkAll(`/api/devices?rackId=${rack!.id}&sort=status&limit=3`, (v) =>
      pageSchema(deviceSchema).parse(v),
    );
    const byStatus = [...devices].sort((a, b) =>
      a.status < b.status ? -1 : a.status > b.status ? 1 : a.id - b.id,
    );
    expect(devices.map((device) => device.id)).toEqual(byStatus.map((device) => device.id));
    await expectError(await admin.get('/api/devices?sort=serial'), 400, 'validation_failed');
    await expectError(await admin.get('/api/racks?sort=name&cursor=bm9wZQ'), 400, 'validation_failed');
  });
});
