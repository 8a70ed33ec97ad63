import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { type CsvImportResult, deviceCsvColumns } from '@vigie/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectionPragmas } from '../../server/src/database/orm-config.js';
import { toCsv } from '../../server/src/inventory/csv.js';
import { countRows } from '../integration/support/sqlite.js';
import { type ApiClient, signedIn, type TestApp } from '../integration/support/test-app.js';
import { startBenchApp } from './support/bench-app.js';
import { atScale, recordFigure } from './support/bench-table.js';

// A large operator's inventory arriving by CSV (issue 8): 200,000 devices into 5,000 racks, file by file,
// each file beside the floor: the same rows as raw multi-row inserts into a copy of the same database.
const devices = Number(process.env.BENCH_IMPORT_DEVICES ?? atScale({ full: 200_000, smoke: 100 }));
const rowsPerFile = Number(process.env.BENCH_IMPORT_FILE_ROWS ?? atScale({ full: 500, smoke: 50 }));
/** No new file is started after this: the suite must end even while imports are slow (the table says how far it got). */
const budgetSeconds = Number(process.env.BENCH_IMPORT_BUDGET_SECONDS ?? atScale({ full: 45, smoke: 60 }));
const devicesPerRack = 40;
const rowsPerStatement = 500;
const siteCode = 'IMPORT';

let t: TestApp;
let admin: ApiClient;
let rawDir: string;
let raw: Database.Database;
/** Rack ids by `room/rack`, the same in the app's database and the raw copy. */
const rackIds = new Map<string, number>();
const tenantIds = new Map<string, number>();
let deviceTypeId: number;

interface DeviceRow {
  name: string;
  room: string;
  rack: string;
  position: number;
  tenant: string;
}

/** Empty racks straight into the app's database: the import fills them. */
function loadRacks(db: Database.Database): void {
  const now = new Date().toISOString();
  const tenants = db.prepare('select id, code from tenant order by id').all() as {
    id: number;
    code: string;
  }[];
  for (const tenant of tenants) tenantIds.set(tenant.code, tenant.id);
  db.exec('begin');
  const site = db
    .prepare(
      `insert into site (code, name, address, time_zone, country_code, pue_target, version, created_at, updated_at)
       values (?, 'Import bench', '', 'Europe/Paris', 'FR', null, 1, ?, ?)`,
    )
    .run(siteCode, now, now);
  deviceTypeId = Number(
    db
      .prepare(
        `insert into device_type (manufacturer, model, slug, part_number, u_height, is_full_depth, airflow, weight_kg,
           power_ports, version, created_at, updated_at)
         values ('Bench', 'Import 1U', 'bench-import-1u', '', 1, 1, 'front-to-rear', 10, '[]', 1, ?, ?)`,
      )
      .run(now, now).lastInsertRowid,
  );
  const insertRoom = db.prepare(
    `insert into room (site_id, name, grid_columns, grid_rows, version, created_at, updated_at) values (?, ?, 25, 20, 1, ?, ?)`,
  );
  const insertRack = db.prepare(
    `insert into rack (room_id, name, row_label, grid_x, grid_y, u_height, power_budget_kw, max_weight_kg, status,
       tenant_id, version, created_at, updated_at) values (?, ?, ?, ?, ?, 42, 20, 1500, 'active', ?, 1, ?, ?)`,
  );
  const racks = Math.ceil(devices / devicesPerRack);
  let roomId = 0;
  for (let index = 0; index < racks; index++) {
    const k = index % 500;
    if (k === 0)
      roomId = Number(insertRoom.run(site.lastInsertRowid, `Hall ${index / 500}`, now, now).lastInsertRowid);
    const tenant = tenants[index % tenants.length]!;
    const id = insertRack.run(
      roomId,
      `R${k}`,
      `${Math.floor(k / 25)}`,
      k % 25,
      Math.floor(k / 25),
      tenant.id,
      now,
      now,
    );
    rackIds.set(`Hall ${Math.floor(index / 500)}/R${k}`, Number(id.lastInsertRowid));
  }
  db.exec('commit');
}

function deviceRows(): DeviceRow[] {
  const tenants = [...tenantIds.keys()];
  return Array.from({ length: devices }, (_, index) => {
    const rack = Math.floor(index / devicesPerRack);
    return {
      name: `imported-${index}`,
      room: `Hall ${Math.floor(rack / 500)}`,
      rack: `R${rack % 500}`,
      position: (index % devicesPerRack) + 1,
      tenant: tenants[rack % tenants.length]!,
    };
  });
}

/** One CSV file as a client exports it from another tool. */
function csvOf(rows: readonly DeviceRow[]): string {
  return toCsv(
    deviceCsvColumns,
    rows.map((row) => [
      row.name,
      'bench-import-1u',
      siteCode,
      row.room,
      row.rack,
      row.position,
      'front',
      'active',
      row.tenant,
      `SN-${row.name}`,
      `AT-${row.name}`,
    ]),
  );
}

async function importFile(csv: string): Promise<CsvImportResult> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'devices.csv');
  const response = await fetch(`${t.url}/api/devices/import`, {
    method: 'POST',
    headers: { cookie: admin.cookie! },
    body: form,
  });
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`import: ${response.status} ${(await response.text()).slice(0, 500)}`);
  return (await response.json()) as CsvImportResult;
}

/** The floor: the same rows, ids already known, as multi-row inserts in one transaction. */
function rawInsert(rows: readonly DeviceRow[]): void {
  const now = new Date().toISOString();
  const statementFor = (count: number) =>
    raw.prepare(
      `insert into device (name, device_type_id, rack_id, position, face, status, tenant_id, serial, asset_tag,
         version, created_at, updated_at) values ${Array.from({ length: count }, () => "(?, ?, ?, ?, 'front', 'active', ?, ?, ?, 1, ?, ?)").join(', ')}`,
    );
  const full = statementFor(rowsPerStatement);
  raw.transaction(() => {
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      const part = rows.slice(start, start + rowsPerStatement);
      const statement = part.length === rowsPerStatement ? full : statementFor(part.length);
      statement.run(
        part.flatMap((row) => [
          row.name,
          deviceTypeId,
          rackIds.get(`${row.room}/${row.rack}`)!,
          row.position,
          tenantIds.get(row.tenant)!,
          `SN-${row.name}`,
          `AT-${row.name}`,
          now,
          now,
        ]),
      );
    }
  })();
}

beforeAll(async () => {
  t = await startBenchApp();
  admin = await signedIn(t.url, 'admin');
  const db = new Database(t.config.databaseFile);
  try {
    for (const pragma of connectionPragmas) db.exec(pragma);
    loadRacks(db);
    // The baseline writes into a copy of the same database: same schema, indexes, triggers and pragmas.
    rawDir = mkdtempSync(join(tmpdir(), 'vigie-import-raw-'));
    db.prepare('vacuum into ?').run(join(rawDir, 'raw.db'));
  } finally {
    db.close();
  }
  raw = new Database(join(rawDir, 'raw.db'));
  for (const pragma of connectionPragmas) raw.exec(pragma);
});
afterAll(async () => {
  raw?.close();
  if (rawDir) rmSync(rawDir, { recursive: true, force: true });
  await t?.close();
});

it(`imports ${devices.toLocaleString('en-US')} devices by CSV against raw multi-row inserts`, async () => {
  const rows = deviceRows();
  const before = countRows(t.config.databaseFile, 'device');
  const vigieTimes: number[] = [];
  const rawTimes: number[] = [];
  const deadline = performance.now() + budgetSeconds * 1000;
  let imported = 0;
  for (let start = 0; start < rows.length && performance.now() < deadline; start += rowsPerFile) {
    const part = rows.slice(start, start + rowsPerFile);
    // The file is written before the clock starts: the client had it already.
    const csv = csvOf(part);
    const rawStarted = performance.now();
    rawInsert(part);
    rawTimes.push(performance.now() - rawStarted);
    const started = performance.now();
    const result = await importFile(csv);
    vigieTimes.push(performance.now() - started);
    expect({ committed: result.committed, created: result.created, rejected: result.rejected }).toEqual({
      committed: true,
      created: part.length,
      rejected: 0,
    });
    imported += part.length;
  }
  expect(countRows(t.config.databaseFile, 'device') - before).toBe(imported);
  const count = (value: number) => value.toLocaleString('en-US');
  const done = imported === devices ? count(devices) : `${count(imported)} of ${count(devices)}`;
  recordFigure({
    name: `device import, ${done} rows, ms per ${count(rowsPerFile)}-row file`,
    baseline: 'raw multi-row insert, same rows',
    unit: 'ms',
    better: 'lower',
    samples: vigieTimes,
    baselineSamples: rawTimes,
  });
});
