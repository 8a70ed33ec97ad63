import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CapacityService } from '../../server/src/inventory/capacity.service.js';
import { DeviceListRepository } from '../../server/src/inventory/device-list.repository.js';
import { PlacementSearchService } from '../../server/src/inventory/placement-search.service.js';
import { RackElevationService } from '../../server/src/inventory/rack-elevation.service.js';
import { type ApiClient, signedIn, type TestApp } from '../integration/support/test-app.js';
import { startBenchApp } from './support/bench-app.js';
import { inventoryBaselines } from './inventory-baselines.js';
import { atScale, benchRuns, recordFigure } from './support/bench-table.js';

// Volume of a large operator (issue 3): 5,000 racks and 200,000 devices, on top of the demo data.
const roomsCount = atScale({ full: 10, smoke: 2 });
const racksPerRoom = atScale({ full: 500, smoke: 10 });
const devicesPerRack = atScale({ full: 40, smoke: 5 });
const incidentsInRoom = atScale({ full: 40, smoke: 3 });
const runs = benchRuns(30);
const warmUp = atScale({ full: 10, smoke: 1 });

let t: TestApp;
let admin: ApiClient;
let db: Database.Database;
let benchSiteId: number;
let roomIds: number[];
let rackIds: number[];
let firstDeviceId: number;
let lastDeviceId: number;
let novaId: number;

/** The room with open incidents, whose floor plan is measured. */
const incidentRoomId = () => roomIds[Math.min(3, roomIds.length - 1)]!;

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

/** Times two calls turn about, after a warm-up, so drift in the machine's load hits both alike. */
async function measurePair(first: () => unknown, second: () => unknown): Promise<[number[], number[]]> {
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
  return times;
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
  t = await startBenchApp();
  db = new Database(t.config.databaseFile);
  db.pragma('journal_mode = WAL');
  const started = performance.now();
  load();
  console.log(
    `loaded ${rackIds.length} racks, ${lastDeviceId - firstDeviceId + 1} devices in ${Math.round(performance.now() - started)} ms`,
  );
  admin = await signedIn(t.url, 'admin');
  await openIncidents(incidentRoomId(), incidentsInRoom);
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

it('measures the inventory reads against raw SQL plus serialisation and a bare HTTP server', async () => {
  const baseline = inventoryBaselines(db);
  const service = <T>(type: new (...args: never[]) => T) => t.app.get(type, { strict: false });
  const devices = service(DeviceListRepository);
  const elevations = service(RackElevationService);
  const capacity = service(CapacityService);
  const placement = service(PlacementSearchService);
  const deepAfter = lastDeviceId - Math.min(100, Math.floor((lastDeviceId - firstDeviceId) / 2));
  const deepCursor = Buffer.from(String(deepAfter), 'utf8').toString('base64url');
  const rackId = rackIds[1234 % rackIds.length]!;
  const roomId = incidentRoomId();
  const pageQuery = { limit: 50 };
  const racks = rackIds.length.toLocaleString('en-US');

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
      name: `room floor plan (${racksPerRoom} racks)`,
      path: `/api/rooms/${roomId}/floor-plan`,
      call: () => JSON.stringify(capacity.floorPlan(roomId)),
      raw: () => baseline.floorPlan(roomId),
    },
    {
      name: `placement search (${racks} racks)`,
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

  const serviceSamples = new Map<string, number[]>();
  for (const benchCase of cases) {
    // The baseline must be the same answer, or the ratio means nothing.
    expect(JSON.parse(benchCase.call())).toEqual(JSON.parse(benchCase.raw()));
    expect(JSON.parse(await fetchText(t.url + benchCase.path, admin.cookie))).toEqual(
      JSON.parse(benchCase.raw()),
    );
    const [serviceTimes, rawTimes] = await measurePair(benchCase.call, benchCase.raw);
    serviceSamples.set(benchCase.name, serviceTimes);
    recordFigure({
      name: `${benchCase.name}: service + JSON`,
      baseline: 'raw SQL + JSON, same answer',
      unit: 'ms',
      better: 'lower',
      samples: serviceTimes,
      baselineSamples: rawTimes,
      targetRatio: 1.5,
    });
    bareAnswer = benchCase.raw;
    const [routeTimes, bareTimes] = await measurePair(
      () => fetchText(t.url + benchCase.path, admin.cookie),
      () => fetchText(bareUrl),
    );
    recordFigure({
      name: `${benchCase.name}: signed-in GET`,
      baseline: 'bare node:http, same JSON',
      unit: 'ms',
      better: 'lower',
      samples: routeTimes,
      baselineSamples: bareTimes,
    });
  }
  recordFigure({
    name: 'device list, deep page ÷ first page (service)',
    baseline: 'first page',
    unit: 'ms',
    better: 'lower',
    samples: serviceSamples.get('device list, deep page')!,
    baselineSamples: serviceSamples.get('device list, first page')!,
    targetRatio: 1.2,
  });
});
