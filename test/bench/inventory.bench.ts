import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CapacityService } from '../../server/src/inventory/capacity.service.js';
import { DeviceListRepository } from '../../server/src/inventory/device-list.repository.js';
import { PlacementSearchService } from '../../server/src/inventory/placement-search.service.js';
import { RackElevationService } from '../../server/src/inventory/rack-elevation.service.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from '../integration/support/test-app.js';
import { inventoryBaselines } from './inventory-baselines.js';

// Volume of a large operator (issue 3): 5,000 racks and 200,000 devices, on top of the demo data.
const roomsCount = 10;
const racksPerRoom = 500;
const devicesPerRack = 40;
const runs = Number(process.env.BENCH_RUNS ?? 30);
const warmUp = 10;

let t: TestApp;
let admin: ApiClient;
let db: Database.Database;
let benchSiteId: number;
let roomIds: number[];
let rackIds: number[];
let firstDeviceId: number;
let lastDeviceId: number;
let novaId: number;

/** Writes the volume straight into the app's SQLite file: the point is to read it back. */
function load(): void {
  const now = new Date().toISOString();
  db.exec('begin');
  const site = db
    .prepare(
      `insert into site (code, name, address, time_zone, country_code, pue_target, version, created_at, updated_at)
       values ('BENCH', 'Bench', '', 'Europe/Paris', 'FR', null, 1, ?, ?)`,
    )
    .run(now, now);
  benchSiteId = Number(site.lastInsertRowid);
  const types: { id: number; uHeight: number; fullDepth: boolean }[] = [];
  const insertType = db.prepare(
    `insert into device_type (manufacturer, model, slug, part_number, u_height, is_full_depth, airflow, weight_kg,
       power_ports, version, created_at, updated_at) values ('Bench', ?, ?, '', 1, ?, 'front-to-rear', 12, ?, 1, ?, ?)`,
  );
  for (let i = 0; i < 40; i++) {
    const fullDepth = i % 4 !== 0;
    const ports = JSON.stringify([
      { name: 'PSU1', maximumDraw: 300 + i * 10, allocatedDraw: 120 + (i % 7) * 15 },
    ]);
    const result = insertType.run(`model-${i}`, `bench-model-${i}`, fullDepth ? 1 : 0, ports, now, now);
    types.push({ id: Number(result.lastInsertRowid), uHeight: 1, fullDepth });
  }
  const halfDepth = types.filter((type) => !type.fullDepth);
  const tenants = (db.prepare('select id from tenant order by id').all() as { id: number }[]).map(
    (row) => row.id,
  );
  novaId = (db.prepare(`select id from tenant where code = 'NOVA'`).get() as { id: number }).id;

  const insertRoom = db.prepare(
    `insert into room (site_id, name, grid_columns, grid_rows, version, created_at, updated_at) values (?, ?, 25, 20, 1, ?, ?)`,
  );
  const insertRack = db.prepare(
    `insert into rack (room_id, name, row_label, grid_x, grid_y, u_height, power_budget_kw, max_weight_kg, status,
       tenant_id, version, created_at, updated_at) values (?, ?, ?, ?, ?, 42, ?, 1200, 'active', ?, 1, ?, ?)`,
  );
  const insertDevice = db.prepare(
    `insert into device (name, device_type_id, rack_id, position, face, status, tenant_id, serial, asset_tag, version,
       created_at, updated_at) values (?, ?, ?, ?, ?, 'active', ?, ?, ?, 1, ?, ?)`,
  );
  roomIds = [];
  rackIds = [];
  let serial = 0;
  for (let r = 0; r < roomsCount; r++) {
    const roomId = Number(insertRoom.run(benchSiteId, `Bench ${r}`, now, now).lastInsertRowid);
    roomIds.push(roomId);
    for (let k = 0; k < racksPerRoom; k++) {
      const index = r * racksPerRoom + k;
      // One rack in five is shared; the others belong to a tenant.
      const tenant = index % 5 === 0 ? null : tenants[index % tenants.length]!;
      const budget = 6 + (index % 5);
      const rackId = Number(
        insertRack.run(
          roomId,
          `R${k}`,
          String.fromCharCode(65 + Math.floor(k / 25)),
          k % 25,
          Math.floor(k / 25),
          budget,
          tenant,
          now,
          now,
        ).lastInsertRowid,
      );
      rackIds.push(rackId);
      // Full-depth devices from U1 up, then half-depth pairs front/rear: a realistic, uneven fill.
      const fullCount = 10 + (index % 15);
      for (let d = 0; d < devicesPerRack; d++) {
        serial++;
        const full = d < fullCount;
        const type = full
          ? types[(index + d) % types.length]!.fullDepth
            ? types[(index + d) % types.length]!
            : types[1]!
          : halfDepth[d % halfDepth.length]!;
        const position = full ? d + 1 : fullCount + 1 + Math.floor((d - fullCount) / 2);
        const face = full || (d - fullCount) % 2 === 0 ? 'front' : 'rear';
        const owner = tenant ?? tenants[d % tenants.length]!;
        insertDevice.run(
          `dev-${serial}`,
          type.id,
          rackId,
          position,
          face,
          owner,
          `SN${serial}`,
          `AT${serial}`,
          now,
          now,
        );
      }
    }
  }
  db.exec('commit');
  db.exec('analyze');
  const range = db
    .prepare(`select min(id) as first, max(id) as last from device where name like 'dev-%'`)
    .get() as {
    first: number;
    last: number;
  };
  firstDeviceId = range.first;
  lastDeviceId = range.last;
}

/** Open incidents on racks and devices of a room, through the API, so the floor plan counts real ones. */
async function openIncidents(roomId: number, count: number): Promise<void> {
  const racks = db
    .prepare('select id from rack where room_id = ? order by id limit ?')
    .all(roomId, count) as {
    id: number;
  }[];
  const deviceIn = db.prepare('select id from device where rack_id = ? order by id limit 1');
  for (const [index, rack] of racks.entries()) {
    const onDevice = index % 2 === 1;
    const equipment = onDevice
      ? { deviceIds: [(deviceIn.get(rack.id) as { id: number }).id] }
      : { rackIds: [rack.id] };
    const response = await admin.post('/api/incidents', {
      title: `Bench incident ${index}`,
      description: '',
      impact: 3,
      urgency: 3,
      ...equipment,
    });
    if (response.status !== 201) throw new Error(`incident: ${response.status} ${await response.text()}`);
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;

interface Timing {
  p50: number;
  p95: number;
}

/** Times two calls turn about, after a warm-up, so drift in the machine's load hits both alike. */
async function measurePair(first: () => unknown, second: () => unknown): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmUp; i++) {
    await first();
    await second();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [index, work] of [first, second].entries()) {
      const start = performance.now();
      await work();
      times[index]!.push(performance.now() - start);
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return { p50: percentile(list, 0.5), p95: percentile(list, 0.95) };
  }) as [Timing, Timing];
}

/** A bare node:http server that answers whatever `bareAnswer` computes: HTTP without the framework. */
let bareAnswer: () => string = () => '{}';
let bare: Server;
let bareUrl: string;

async function fetchText(url: string, cookie?: string): Promise<string> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.text();
}

beforeAll(async () => {
  t = await startTestApp();
  db = new Database(t.config.databaseFile);
  db.pragma('journal_mode = WAL');
  const started = performance.now();
  load();
  console.log(
    `loaded ${rackIds.length} racks, ${lastDeviceId - firstDeviceId + 1} devices in ${Math.round(performance.now() - started)} ms`,
  );
  admin = await signedIn(t.url, 'admin');
  await openIncidents(roomIds[3]!, 40);
  bare = createServer((_request, response) => {
    const body = bareAnswer();
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(body);
  });
  // Kept-alive connections must outlive a measurement's pauses on both servers, or a reused one resets.
  bare.keepAliveTimeout = 120_000;
  t.app.getHttpServer().keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  db?.close();
  await new Promise((resolve) => bare?.close(resolve));
  await t?.close();
});

it('measures the inventory reads against raw SQL plus serialisation', async () => {
  const baseline = inventoryBaselines(db);
  const service = <T>(type: new (...args: never[]) => T) => t.app.get(type, { strict: false });
  const devices = service(DeviceListRepository);
  const elevations = service(RackElevationService);
  const capacity = service(CapacityService);
  const placement = service(PlacementSearchService);
  const deepAfter = lastDeviceId - 100;
  const deepCursor = Buffer.from(String(deepAfter), 'utf8').toString('base64url');
  const rackId = rackIds[1234]!;
  const roomId = roomIds[3]!;
  const pageQuery = { limit: 50 };

  const cases: { name: string; path: string; call: () => string; raw: () => string }[] = [
    {
      name: 'device list, first page',
      path: '/api/devices?limit=50',
      call: () => JSON.stringify(devices.page(pageQuery)),
      raw: () => baseline.devicePage(0, 50),
    },
    {
      name: 'device list, deep page',
      path: `/api/devices?limit=50&cursor=${deepCursor}`,
      call: () => JSON.stringify(devices.page({ ...pageQuery, cursor: deepCursor })),
      raw: () => baseline.devicePage(deepAfter, 50),
    },
    {
      name: 'rack elevation',
      path: `/api/racks/${rackId}/elevation`,
      call: () => JSON.stringify(elevations.elevation(rackId)),
      raw: () => baseline.elevation(rackId),
    },
    {
      name: 'room floor plan (500 racks)',
      path: `/api/rooms/${roomId}/floor-plan`,
      call: () => JSON.stringify(capacity.floorPlan(roomId)),
      raw: () => baseline.floorPlan(roomId),
    },
    {
      name: 'placement search (site, 5,000 racks)',
      path: `/api/placement?siteId=${benchSiteId}&units=4&watts=800&tenantId=${novaId}&limit=20`,
      call: () =>
        JSON.stringify(
          placement.search({
            siteId: benchSiteId,
            units: 4,
            watts: 800,
            tenantId: novaId,
            limit: 20,
            face: 'front',
            fullDepth: true,
          }),
        ),
      raw: () => baseline.placement(benchSiteId, novaId, 4, 800, 20),
    },
  ];

  const rows: Record<string, string>[] = [];
  const ratios: { name: string; p50: number; p95: number; service: Timing }[] = [];
  for (const benchCase of cases) {
    // The baseline must be the same answer, or the ratio means nothing.
    expect(JSON.parse(benchCase.call())).toEqual(JSON.parse(benchCase.raw()));
    expect(JSON.parse(await fetchText(t.url + benchCase.path, admin.cookie))).toEqual(
      JSON.parse(benchCase.raw()),
    );
    const [serviceTime, rawTime] = await measurePair(benchCase.call, benchCase.raw);
    bareAnswer = benchCase.raw;
    const [routeTime, bareTime] = await measurePair(
      () => fetchText(t.url + benchCase.path, admin.cookie),
      () => fetchText(bareUrl),
    );
    ratios.push({
      name: benchCase.name,
      p50: serviceTime.p50 / rawTime.p50,
      p95: serviceTime.p95 / rawTime.p95,
      service: serviceTime,
    });
    rows.push({
      call: benchCase.name,
      'service p50 ms': serviceTime.p50.toFixed(2),
      'service p95 ms': serviceTime.p95.toFixed(2),
      'raw+JSON p50 ms': rawTime.p50.toFixed(2),
      'raw+JSON p95 ms': rawTime.p95.toFixed(2),
      'p50 ×raw': (serviceTime.p50 / rawTime.p50).toFixed(2),
      'p95 ×raw': (serviceTime.p95 / rawTime.p95).toFixed(2),
      'route p50 ms': routeTime.p50.toFixed(2),
      'bare http p50 ms': bareTime.p50.toFixed(2),
      'route ×bare (p50)': (routeTime.p50 / bareTime.p50).toFixed(2),
    });
  }
  console.log(
    `\nInventory benchmark: ${rackIds.length} racks, ${lastDeviceId - firstDeviceId + 1} devices, ${runs} runs each` +
      ` (after ${warmUp} warm-up).\n` +
      'service = the call the route makes + JSON.stringify; raw+JSON = better-sqlite3 prepared statements giving' +
      ' the same answer + JSON.stringify;\nroute = GET through Nest (session, guard, validation); bare http =' +
      ' node:http answering raw+JSON.',
  );
  console.table(rows);
  const [first, deep] = ratios;
  const deepRatio = deep!.service.p50 / first!.service.p50;
  console.log(`deep page / first page (service p50): ${deepRatio.toFixed(2)} (target ≤ 1.2)`);
  const slow = ratios.filter((ratio) => ratio.p50 > 1.5 || ratio.p95 > 1.5).map((ratio) => ratio.name);
  console.log(
    slow.length ? `over 1.5× raw+JSON: ${slow.join(', ')}` : 'every call within 1.5× raw+JSON (p50 and p95)',
  );
});
