import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, signedIn, startTestApp, type TestApp } from '../integration/support/test-app.js';

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

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;

async function measure(work: () => unknown): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < warmUp; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

async function api(path: string): Promise<unknown> {
  const response = await admin.get(path);
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
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
});
afterAll(async () => {
  db?.close();
  await t?.close();
});

it('measures the inventory reads against raw SQL', async () => {
  const deepCursor = Buffer.from(String(lastDeviceId - 100), 'utf8').toString('base64url');
  const rackId = rackIds[1234]!;
  const roomId = roomIds[3]!;
  const page = db.prepare('select * from device where id > ? order by id limit 51');
  const elevation = db.prepare(
    `select d.*, t.manufacturer, t.model, t.u_height, t.is_full_depth, tn.name as tenant_name from device d
     join device_type t on t.id = d.device_type_id left join tenant tn on tn.id = d.tenant_id
     where d.rack_id = ? order by d.position`,
  );
  const roomRacks = db.prepare('select * from rack where room_id = ?');
  const devicesOfRacks = db.prepare(
    `select d.id, d.rack_id, d.device_type_id, d.position, d.face from device d
     where d.rack_id in (select value from json_each(?))`,
  );
  const candidateRacks = db.prepare(
    `select r.*, m.name as room_name from rack r join room m on m.id = r.room_id
     where m.site_id = ? and r.status in ('active', 'reserved') and (r.tenant_id = ? or r.tenant_id is null)`,
  );

  const cases: { name: string; call: () => Promise<unknown>; raw: () => unknown }[] = [
    {
      name: 'device list, first page',
      call: () => api('/api/devices?limit=50'),
      raw: () => JSON.stringify(page.all(0)),
    },
    {
      name: 'device list, deep page',
      call: () => api(`/api/devices?limit=50&cursor=${deepCursor}`),
      raw: () => JSON.stringify(page.all(lastDeviceId - 100)),
    },
    {
      name: 'rack elevation',
      call: () => api(`/api/racks/${rackId}/elevation`),
      raw: () => JSON.stringify(elevation.all(rackId)),
    },
    {
      name: 'room floor plan (500 racks)',
      call: () => api(`/api/rooms/${roomId}/floor-plan`),
      raw: () => {
        const racks = roomRacks.all(roomId) as { id: number }[];
        return JSON.stringify([racks, devicesOfRacks.all(JSON.stringify(racks.map((rack) => rack.id)))]);
      },
    },
    {
      name: 'placement search (site, 5,000 racks)',
      call: () => api(`/api/placement?siteId=${benchSiteId}&units=4&watts=800&tenantId=${novaId}&limit=20`),
      raw: () => {
        const racks = candidateRacks.all(benchSiteId, novaId) as { id: number }[];
        return JSON.stringify([
          racks.length,
          devicesOfRacks.all(JSON.stringify(racks.map((rack) => rack.id))).length,
        ]);
      },
    },
  ];

  // The fixed cost of one signed-in request (session check, routing, JSON), to read the ratios net of it.
  const http = await measure(() => api('/api/auth/me'));
  const rows: Record<string, string | number>[] = [];
  for (const benchCase of cases) {
    const sample = (await benchCase.call()) as object;
    expect(sample).toBeTruthy();
    const apiTime = await measure(benchCase.call);
    const rawTime = await measure(benchCase.raw);
    rows.push({
      call: benchCase.name,
      'api p50 ms': apiTime.p50.toFixed(2),
      'api p95 ms': apiTime.p95.toFixed(2),
      'raw p50 ms': rawTime.p50.toFixed(2),
      'raw p95 ms': rawTime.p95.toFixed(2),
      'p50 ×raw': (apiTime.p50 / rawTime.p50).toFixed(2),
      'p95 ×raw': (apiTime.p95 / rawTime.p95).toFixed(2),
      'p50 ×raw (net of HTTP)': (Math.max(apiTime.p50 - http.p50, 0) / rawTime.p50).toFixed(2),
    });
  }
  const first = rows[0]!;
  const deep = rows[1]!;
  console.log(
    `\nInventory benchmark: ${rackIds.length} racks, ${lastDeviceId - firstDeviceId + 1} devices, ${runs} runs each` +
      ` (after ${warmUp} warm-up). signed-in HTTP round trip (/api/auth/me): p50 ${http.p50.toFixed(2)} ms.`,
  );
  console.table(rows);
  console.log(
    `deep page / first page (p50): ${(Number(deep['api p50 ms']) / Number(first['api p50 ms'])).toFixed(2)} (target ≤ 1.2)`,
  );
});
