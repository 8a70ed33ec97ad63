import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloorPlan, PlacementResult } from '@vigie/shared';
import { signedIn, startTestApp, type TestApp } from './support/test-app.js';
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

  it('has two rooms, about 120 racks and about 2,200 devices of about 25 real device types', () => {
    const counts = countsOf(first.config.databaseFile);
    expect(counts.room).toBe(2);
    expect(counts.rack).toBeGreaterThanOrEqual(110);
    expect(counts.rack).toBeLessThanOrEqual(130);
    expect(counts.device).toBeGreaterThanOrEqual(1900);
    expect(counts.device).toBeLessThanOrEqual(2600);
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

  it('keeps the five tenants and the eight users, the viewer in NOVA', () => {
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
      { username: 'ines', tenant: null },
      { username: 'malik', tenant: null },
      { username: 'sofia', tenant: null },
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
    expect(devices.length).toBeGreaterThan(1500);
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

  /** The floor plans as the client reads them: the power figures come from the capacity computation. */
  const floorPlans = async () => {
    const admin = await signedIn(first.url, 'admin');
    const rooms = query<{ id: number }>('select id from room order by id');
    return Promise.all(
      rooms.map(
        async ({ id }) => (await (await admin.get(`/api/rooms/${id}/floor-plan`)).json()) as FloorPlan,
      ),
    );
  };

  it('runs most racks at 30–80 % of their power budget in the floor plan, a few near it, at most one over', async () => {
    const racks = (await floorPlans()).flatMap((plan) => plan.racks);
    const loaded = racks.filter((rack) => rack.status === 'active' && rack.powerPercent !== null);
    const percents = loaded.map((rack) => rack.powerPercent!);
    const within = percents.filter((percent) => percent >= 30 && percent <= 80);
    expect(within.length / loaded.length).toBeGreaterThanOrEqual(0.75);
    const near = percents.filter((percent) => percent >= 85 && percent <= 98);
    expect(near.length).toBeGreaterThanOrEqual(3);
    expect(near.length).toBeLessThanOrEqual(12);
    expect(percents.filter((percent) => percent > 100).length).toBeLessThanOrEqual(1);
    // Units: part full, as in a live hall, never empty when active.
    const units = loaded.map((rack) => rack.uUsedPercent!).sort((a, b) => a - b);
    expect(units[Math.floor(units.length / 2)]).toBeGreaterThan(35);
    expect(units[Math.floor(units.length / 2)]).toBeLessThan(75);
    expect(units[0]).toBeGreaterThan(10);
  });

  it('has several tenants in each room, and placement finds room for 2 U at 500 W for a tenant', async () => {
    for (const plan of await floorPlans()) expect(plan.tenants.length).toBeGreaterThanOrEqual(3);
    const viewer = await signedIn(first.url, 'coordinator');
    for (const { id } of query<{ id: number }>('select id from tenant')) {
      const response = await viewer.get(`/api/placement?units=2&watts=500&tenantId=${id}`);
      expect(response.status).toBe(200);
      const result = (await response.json()) as PlacementResult;
      expect(result.items.length).toBeGreaterThan(0);
      expect(result.items.every((item) => item.tenantId === id || item.tenantId === null)).toBe(true);
      expect(result.items.every((item) => item.powerHeadroomW >= 0)).toBe(true);
    }
  });

  it('keeps each rack within its weight limit', () => {
    const racks = query<{ name: string; max_weight: number; weight: number }>(
      `select r.name, r.max_weight_kg as max_weight, coalesce(sum(t.weight_kg), 0) as weight
       from rack r left join device d on d.rack_id = r.id left join device_type t on t.id = d.device_type_id
       group by r.id`,
    );
    expect(racks.filter((rack) => rack.weight > rack.max_weight)).toEqual([]);
    for (const rack of query<{ budget: number }>('select power_budget_kw * 1000 as budget from rack')) {
      expect(rack.budget).toBeGreaterThanOrEqual(4000);
      expect(rack.budget).toBeLessThanOrEqual(12000);
    }
  });

  it('gives devices their rack tenant (or any tenant in a shared rack), distinct serials and asset tags, and a mix of statuses', () => {
    expect(
      query(
        `select d.name from device d join rack r on r.id = d.rack_id
         where d.tenant_id is not r.tenant_id and r.tenant_id is not null`,
      ),
    ).toEqual([]);
    // Every tenant has some of its own kit in the shared core racks.
    const guests = query<{ code: string }>(
      `select distinct t.code from device d join rack r on r.id = d.rack_id join tenant t on t.id = d.tenant_id
       where r.tenant_id is null`,
    );
    expect(guests.map((row) => row.code).sort()).toEqual(['ATLAS', 'HELIO', 'KORE', 'MERID', 'NOVA']);
    expect(
      query('select serial from device where serial is not null group by serial having count(*) > 1'),
    ).toEqual([]);
    const statuses = Object.fromEntries(
      query<{ status: string; n: number }>('select status, count(*) as n from device group by status').map(
        (row) => [row.status, row.n],
      ),
    );
    expect(statuses.active).toBeGreaterThan(1700);
    for (const status of ['failed', 'offline', 'planned', 'decommissioning'])
      expect(statuses[status]).toBeGreaterThan(0);
    expect(query('select id from device where rack_id is null').length).toBeGreaterThan(0);
  });

  it('lets the NOVA viewer open the shared racks holding NOVA kit, and see only NOVA devices there', async () => {
    const viewer = await signedIn(first.url, 'viewer');
    const shared = query<{ id: number }>(
      `select distinct r.id from rack r join device d on d.rack_id = r.id join tenant t on t.id = d.tenant_id
       where r.tenant_id is null and t.code = 'NOVA' order by r.id`,
    );
    expect(shared.length).toBeGreaterThan(0);
    const listed = (await (await viewer.get('/api/racks?limit=200')).json()) as { items: { id: number }[] };
    const listedIds = listed.items.map((rack) => rack.id);
    for (const { id } of shared) {
      expect(listedIds).toContain(id);
      const elevation = (await (await viewer.get(`/api/racks/${id}/elevation`)).json()) as {
        front: { devices: { tenantName: string | null }[] };
      };
      expect(elevation.front.devices.length).toBeGreaterThan(0);
      expect(elevation.front.devices.every((device) => device.tenantName === 'Novabank')).toBe(true);
    }
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
