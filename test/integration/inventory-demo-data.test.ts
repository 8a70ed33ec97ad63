import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { withRawDatabase } from './support/sqlite.js';

interface PlacedDevice {
  id: number;
  name: string;
  rack_id: number | null;
  position: number | null;
  face: 'front' | 'rear' | null;
  u_height: number;
  is_full_depth: number;
  rack_u_height: number | null;
}

const tables = ['room', 'rack', 'device_type', 'device', 'contract', 'tenant', 'app_user'];

/** Everything the demo decides about devices, in id order: what two loads must agree on. */
const deviceFingerprint = (file: string) =>
  withRawDatabase(file, (db) =>
    db
      .prepare(
        `select name, device_type_id, rack_id, position, face, status, tenant_id, serial, asset_tag
         from device order by id`,
      )
      .all(),
  );

const countsOf = (file: string) =>
  withRawDatabase(file, (db) =>
    Object.fromEntries(
      tables.map((table) => [
        table,
        (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
      ]),
    ),
  );

describe('demo data', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp();
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  const query = <T>(sql: string, ...params: unknown[]): T[] =>
    withRawDatabase(first.config.databaseFile, (db) => db.prepare(sql).all(...params) as T[]);

  it('is the same on two fresh databases', () => {
    expect(countsOf(second.config.databaseFile)).toEqual(countsOf(first.config.databaseFile));
    const serials = (file: string) =>
      withRawDatabase(file, (db) =>
        db.prepare('select serial from device where serial is not null order by id limit 20').all(),
      );
    expect(serials(second.config.databaseFile)).toEqual(serials(first.config.databaseFile));
    expect(deviceFingerprint(second.config.databaseFile)).toEqual(
      deviceFingerprint(first.config.databaseFile),
    );
  });

  it('has two rooms, about 120 racks and about 3,000 devices of about 25 real device types', () => {
    const counts = countsOf(first.config.databaseFile);
    expect(counts.room).toBe(2);
    expect(counts.rack).toBeGreaterThanOrEqual(110);
    expect(counts.rack).toBeLessThanOrEqual(130);
    expect(counts.device).toBeGreaterThanOrEqual(2700);
    expect(counts.device).toBeLessThanOrEqual(3300);
    expect(counts.device_type).toBeGreaterThanOrEqual(20);
    const models = query<{ model: string }>('select model from device_type').map((row) => row.model);
    expect(models).toEqual(
      expect.arrayContaining([
        'PowerEdge R650',
        'ProLiant DL380 Gen11',
        'Nexus 93180YC-FX',
        'MX204',
        'AP8941',
      ]),
    );
  });

  it('keeps the five tenants and five users, the viewer in NOVA', () => {
    expect(query<{ code: string }>('select code from tenant order by id').map((row) => row.code)).toEqual([
      'NOVA',
      'HELIO',
      'ATLAS',
      'KORE',
      'MERID',
    ]);
    const users = query<{ username: string; tenant: string | null }>(
      'select u.username, t.code as tenant from app_user u left join tenant t on t.id = u.tenant_id order by u.id',
    );
    expect(users).toEqual([
      { username: 'admin', tenant: null },
      { username: 'coordinator', tenant: null },
      { username: 'technician', tenant: null },
      { username: 'manager', tenant: null },
      { username: 'viewer', tenant: 'NOVA' },
    ]);
  });

  it('never puts two devices on the same units of a rack face', () => {
    const devices = query<PlacedDevice>(
      `select d.id, d.name, d.rack_id, d.position, d.face, t.u_height, t.is_full_depth, r.u_height as rack_u_height
       from device d join device_type t on t.id = d.device_type_id left join rack r on r.id = d.rack_id
       where d.rack_id is not null and t.u_height > 0`,
    );
    const taken = new Map<string, string>();
    const clashes: string[] = [];
    for (const device of devices) {
      const faces = device.is_full_depth ? ['front', 'rear'] : [device.face];
      // Half-unit slots: position 1 covers slots 2 and 3 for a 1U device.
      for (let slot = device.position! * 2; slot < (device.position! + device.u_height) * 2; slot += 1) {
        for (const face of faces) {
          const key = `${device.rack_id}/${face}/${slot}`;
          const holder = taken.get(key);
          if (holder) clashes.push(`${device.name} on ${holder}`);
          taken.set(key, device.name);
        }
      }
    }
    expect(devices.length).toBeGreaterThan(2000);
    expect(clashes).toEqual([]);
  });

  it('fits every racked device inside its rack, with a face, and zero-U devices without a position', () => {
    const devices = query<PlacedDevice>(
      `select d.id, d.name, d.rack_id, d.position, d.face, t.u_height, t.is_full_depth, r.u_height as rack_u_height
       from device d join device_type t on t.id = d.device_type_id join rack r on r.id = d.rack_id`,
    );
    const misplaced = devices.filter((device) =>
      device.u_height === 0
        ? device.position !== null || device.face === null
        : device.position === null ||
          device.face === null ||
          device.position < 1 ||
          device.position + device.u_height - 1 > device.rack_u_height! ||
          (device.position * 2) % 1 !== 0,
    );
    expect(misplaced).toEqual([]);
  });

  it('keeps each rack within its power budget and weight limit', () => {
    const racks = query<{ name: string; budget: number; load: number; max_weight: number; weight: number }>(
      `select r.name, r.power_budget_kw * 1000 as budget, r.max_weight_kg as max_weight,
              coalesce(sum((select sum(coalesce(json_extract(p.value, '$.allocatedDraw'), 0)) from json_each(t.power_ports) p)), 0) as load,
              coalesce(sum(t.weight_kg), 0) as weight
       from rack r left join device d on d.rack_id = r.id left join device_type t on t.id = d.device_type_id
       group by r.id`,
    );
    expect(racks.filter((rack) => rack.load > rack.budget || rack.weight > rack.max_weight)).toEqual([]);
    for (const rack of racks) {
      expect(rack.budget).toBeGreaterThanOrEqual(4000);
      expect(rack.budget).toBeLessThanOrEqual(12000);
    }
  });

  it('gives devices their rack tenant, distinct serials and asset tags, and a mix of statuses', () => {
    expect(
      query(
        'select d.name from device d join rack r on r.id = d.rack_id where d.tenant_id is not r.tenant_id',
      ),
    ).toEqual([]);
    expect(
      query('select serial from device where serial is not null group by serial having count(*) > 1'),
    ).toEqual([]);
    const statuses = Object.fromEntries(
      query<{ status: string; n: number }>('select status, count(*) as n from device group by status').map(
        (row) => [row.status, row.n],
      ),
    );
    expect(statuses.active).toBeGreaterThan(2500);
    for (const status of ['failed', 'offline', 'planned', 'decommissioning'])
      expect(statuses[status]).toBeGreaterThan(0);
    expect(query('select id from device where rack_id is null').length).toBeGreaterThan(0);
  });

  it('has racks in every status and shared racks without a tenant', () => {
    const statuses = query<{ status: string }>('select distinct status from rack').map((row) => row.status);
    expect(statuses.sort()).toEqual(['active', 'decommissioned', 'planned', 'reserved']);
    expect(
      query('select id from rack where tenant_id is null and status = ?', 'active').length,
    ).toBeGreaterThan(0);
    const perTenant = query<{ n: number }>(
      'select count(*) as n from rack where tenant_id is not null group by tenant_id',
    );
    expect(perTenant).toHaveLength(5);
  });

  it('signs one contract per tenant, both 24x7 and business hours', () => {
    const contracts = query<{
      tenant_id: number;
      service_hours: string;
      business_hours: string | null;
      sla_policy: string;
    }>('select tenant_id, service_hours, business_hours, sla_policy from contract');
    expect(new Set(contracts.map((contract) => contract.tenant_id)).size).toBe(5);
    expect(new Set(contracts.map((contract) => contract.service_hours))).toEqual(
      new Set(['24x7', 'business_hours']),
    );
    for (const contract of contracts) {
      expect(contract.business_hours === null).toBe(contract.service_hours === '24x7');
      expect(Object.keys(JSON.parse(contract.sla_policy) as object).sort()).toEqual([
        'P0',
        'P1',
        'P2',
        'P3',
        'P4',
      ]);
    }
  });
});
