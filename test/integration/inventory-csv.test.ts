import { csvImportResultSchema, deviceSchema, pageSchema, rackSchema, siteSchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, newRoom, newType, ok, unique } from './support/inventory-fixtures.js';
import { countRows, withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let coordinator: ApiClient;
let siteCode: string;

beforeAll(async () => {
  t = await startTestApp();
  coordinator = await signedIn(t.url, 'coordinator');
  siteCode = pageSchema(siteSchema).parse(await (await coordinator.get('/api/sites')).json()).items[0]!.code;
});
afterAll(() => t.close());

function upload(
  kind: 'racks' | 'devices',
  csv: string,
  dryRun: boolean,
  client = coordinator,
): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), `${kind}.csv`);
  return fetch(`${t.url}/api/${kind}/import?dryRun=${dryRun}`, {
    method: 'POST',
    body: form,
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
}
const result = (response: Response) => ok(response, (value) => csvImportResultSchema.parse(value));

/** Audit actions written since audit row `after`, oldest first. */
const auditActionsSince = (after: number) =>
  withRawDatabase(t.config.databaseFile, (db) =>
    (
      db.prepare('select action, entity_id from audit_event where id > ? order by id').all(after) as {
        action: string;
        entity_id: string;
      }[]
    ).map((row) => row.action),
  );
const lastAuditId = () =>
  withRawDatabase(
    t.config.databaseFile,
    (db) => (db.prepare('select coalesce(max(id), 0) as id from audit_event').get() as { id: number }).id,
  );

const rackHeader = 'site,room,name,row,grid_x,grid_y,u_height,power_budget_kw,max_weight_kg,status,tenant';
const deviceHeader = 'name,device_type,site,room,rack,position,face,status,tenant,serial,asset_tag';

describe('rack CSV import', () => {
  it('dry-runs with the would-be changes and writes nothing, then imports in one go', async () => {
    const room = await newRoom(coordinator);
    const csv = [
      rackHeader,
      `${siteCode},${room.name},X01,X,0,0,42,6,1000,active,NOVA`,
      `${siteCode},${room.name},X02,X,1,0,,4.5,900,,`,
    ].join('\n');
    const before = countRows(t.config.databaseFile, 'rack');
    const auditMark = lastAuditId();
    const dry = await result(await upload('racks', csv, true));
    expect(dry).toMatchObject({ dryRun: true, committed: false, created: 2, updated: 0, rejected: 0 });
    expect(dry.rows[0]).toMatchObject({ line: 2, action: 'create', errors: [] });
    expect(dry.rows[0]!.changes.name).toEqual({ from: null, to: 'X01' });
    expect(dry.rows[1]!.changes.uHeight).toEqual({ from: null, to: 42 });
    expect(countRows(t.config.databaseFile, 'rack')).toBe(before);
    // A dry run writes nothing, not even an audit row.
    expect(auditActionsSince(auditMark)).toEqual([]);

    const real = await result(await upload('racks', csv, false));
    expect(real).toMatchObject({ committed: true, created: 2, rejected: 0 });
    // One audit row per row imported.
    expect(auditActionsSince(auditMark)).toEqual(['rack.create', 'rack.create']);
    const racks = pageSchema(rackSchema).parse(
      await (await coordinator.get(`/api/racks?roomId=${room.id}`)).json(),
    );
    expect(racks.items.map((rack) => [rack.name, rack.powerBudgetKw])).toEqual([
      ['X01', 6],
      ['X02', 4.5],
    ]);

    // Same site, room and name: an update, with only what changed.
    const updateMark = lastAuditId();
    const again = await result(
      await upload(
        'racks',
        [rackHeader, `${siteCode},${room.name},X01,X,0,0,42,8,1000,reserved,NOVA`].join('\n'),
        false,
      ),
    );
    expect(again).toMatchObject({ committed: true, created: 0, updated: 1 });
    expect(auditActionsSince(updateMark)).toEqual(['rack.update']);
    expect(Object.keys(again.rows[0]!.changes).sort()).toEqual(['powerBudgetKw', 'status']);
  });

  it('imports nothing when any row is wrong, and names the line and column', async () => {
    const room = await newRoom(coordinator);
    const csv = [
      rackHeader,
      `${siteCode},${room.name},Y01,Y,0,0,42,6,1000,active,`,
      `${siteCode},${room.name},Y02,Y,1,0,42,six,1000,active,NOBODY`,
      `${siteCode},Nowhere,Y03,Y,2,0,42,6,1000,active,`,
      `${siteCode},${room.name},Y04,Y,0,0,42,6,1000,active,`,
    ].join('\n');
    const before = countRows(t.config.databaseFile, 'rack');
    const auditMark = lastAuditId();
    const outcome = await result(await upload('racks', csv, false));
    expect(outcome).toMatchObject({ committed: false, rejected: 3 });
    // The good first row was rolled back with the rest, its audit row too.
    expect(auditActionsSince(auditMark)).toEqual([]);
    expect(outcome.rows[0]!.errors).toEqual([]);
    expect(outcome.rows[1]!.errors.map((error) => error.path).sort()).toEqual(['power_budget_kw', 'tenant']);
    expect(outcome.rows[1]!.errors.find((error) => error.path === 'tenant')?.message).toContain('NOBODY');
    expect(outcome.rows[2]!.errors.map((error) => error.path)).toEqual(['room']);
    // Line 5 wants the tile line 2 took.
    expect(outcome.rows[3]).toMatchObject({ line: 5, errors: [{ path: 'grid_x' }] });
    expect(countRows(t.config.databaseFile, 'rack')).toBe(before);
  });

  it('refuses a file whose header is not the documented one (400)', async () => {
    const error = await expectError(
      await upload('racks', 'site,room,colour\nA,B,red\n', false),
      400,
      'validation_failed',
    );
    expect(error.fields?.map((field) => field.path)).toEqual(expect.arrayContaining(['name', 'colour']));
  });
});

describe('device CSV import', () => {
  it('refuses rows that overlap each other in one file, importing nothing', async () => {
    const room = await newRoom(coordinator);
    await upload(
      'racks',
      [rackHeader, `${siteCode},${room.name},D01,D,0,0,42,6,1000,active,`].join('\n'),
      false,
    );
    const type = await newType(coordinator, { uHeight: 2 });
    const tag = unique('AT');
    const csv = [
      deviceHeader,
      `web-1,${type.slug},${siteCode},${room.name},D01,10,front,active,NOVA,SN1,${tag}-1`,
      `web-2,${type.slug},${siteCode},${room.name},D01,11,rear,active,NOVA,SN2,${tag}-2`,
      `web-3,${type.slug},,,,,,planned,,SN3,${tag}-3`,
    ].join('\n');
    const before = countRows(t.config.databaseFile, 'device');
    const auditMark = lastAuditId();
    const outcome = await result(await upload('devices', csv, false));
    expect(outcome).toMatchObject({ committed: false, rejected: 1 });
    expect(auditActionsSince(auditMark)).toEqual([]);
    expect(outcome.rows[1]!.errors[0]).toMatchObject({ path: 'position' });
    expect(outcome.rows[1]!.errors[0]!.message).toContain('web-1');
    expect(countRows(t.config.databaseFile, 'device')).toBe(before);

    const fixed = csv.replace(',D01,11,rear,', ',D01,12,rear,');
    const imported = await result(await upload('devices', fixed, false));
    expect(imported).toMatchObject({ committed: true, created: 3 });
    expect(countRows(t.config.databaseFile, 'device')).toBe(before + 3);
    expect(auditActionsSince(auditMark)).toEqual(['device.create', 'device.create', 'device.create']);
    const [web2] = pageSchema(deviceSchema).parse(
      await (await coordinator.get(`/api/devices?search=${tag}-2`)).json(),
    ).items;
    expect(web2).toMatchObject({ name: 'web-2', position: 12, face: 'rear' });
  });

  it("refuses a tenant's device in another tenant's rack, on its row, importing nothing", async () => {
    const room = await newRoom(coordinator);
    await upload(
      'racks',
      [rackHeader, `${siteCode},${room.name},K01,K,0,0,42,6,1000,active,KORE`].join('\n'),
      false,
    );
    const type = await newType(coordinator);
    const tag = unique('AT');
    const csv = [
      deviceHeader,
      `kore-1,${type.slug},${siteCode},${room.name},K01,1,front,active,KORE,,${tag}-1`,
      `nova-1,${type.slug},${siteCode},${room.name},K01,2,front,active,NOVA,,${tag}-2`,
    ].join('\n');
    const before = countRows(t.config.databaseFile, 'device');
    const outcome = await result(await upload('devices', csv, false));
    expect(outcome).toMatchObject({ committed: false, rejected: 1 });
    expect(outcome.rows[1]!.errors[0]).toMatchObject({ path: 'rack' });
    expect(outcome.rows[1]!.errors[0]!.message).toContain('K01');
    expect(countRows(t.config.databaseFile, 'device')).toBe(before);
  });

  it('reports an unknown tenant, type or rack on its row', async () => {
    const csv = [deviceHeader, `x,no-such-type,${siteCode},Salle A,ZZZ,1,front,active,GHOST,,`].join('\n');
    const outcome = await result(await upload('devices', csv, true));
    expect(outcome.rows[0]!.errors.map((error) => error.path).sort()).toEqual([
      'device_type',
      'rack',
      'tenant',
    ]);
  });

  it('is refused to roles that may not write', async () => {
    const technician = await signedIn(t.url, 'technician');
    await expectError(await upload('devices', deviceHeader, true, technician), 403, 'forbidden');
  });
});

describe('CSV export', () => {
  it('exports the filtered list in the import columns, with formula cells neutralised', async () => {
    const type = await newType(coordinator);
    const evil = '=HYPERLINK("http://evil.example","x")';
    const created = await coordinator.post('/api/devices', {
      name: evil,
      deviceTypeId: type.id,
      rackId: null,
      serial: '+33123',
      assetTag: unique('@tag'),
    });
    expect(created.status).toBe(201);
    const response = await coordinator.get(`/api/devices/export?deviceTypeId=${type.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe(deviceHeader);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(lines[1]).toContain(`'+33123`);
    expect(lines[1]).toContain(`'@tag`);

    const racks = await coordinator.get('/api/racks/export?rowLabel=B');
    const rackLines = (await racks.text()).trim().split('\r\n');
    expect(rackLines[0]).toBe(rackHeader);
    expect(rackLines).toHaveLength(13);
    const sorted = (await (await coordinator.get('/api/racks/export?rowLabel=B&sort=-name')).text())
      .trim()
      .split('\r\n');
    expect(sorted[1]!.split(',')[2]).toBe('B12');
    expect(sorted[12]!.split(',')[2]).toBe('B01');
  });

  it("exports only a client viewer's own devices", async () => {
    const viewer = await signedIn(t.url, 'viewer');
    const lines = (await (await viewer.get('/api/devices/export')).text()).trim().split('\r\n').slice(1);
    const own = countRows(
      t.config.databaseFile,
      "device where tenant_id = (select id from tenant where code = 'NOVA')",
    );
    expect(lines).toHaveLength(own);
    expect(lines.every((line) => line.includes(',NOVA,'))).toBe(true);
  });

  it('exports to a client viewer only the racks they may see: their own, and shared ones holding their devices', async () => {
    const viewer = await signedIn(t.url, 'viewer');
    const response = await viewer.get('/api/racks/export');
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\r\n').slice(1);
    const visible = withRawDatabase(t.config.databaseFile, (db) =>
      (
        db
          .prepare(
            `select r.name from rack r, tenant n where n.code = 'NOVA' and (r.tenant_id = n.id
               or (r.tenant_id is null and exists (select 1 from device d where d.rack_id = r.id and d.tenant_id = n.id)))`,
          )
          .all() as { name: string }[]
      ).map((row) => row.name),
    );
    expect(lines.map((line) => line.split(',')[2]).sort()).toEqual(visible.sort());
    const tenants = new Set(lines.map((line) => line.split(',').at(-1)));
    // Both kinds are there (the demo puts NOVA kit in shared core racks), and no other tenant.
    expect(tenants).toEqual(new Set(['NOVA', '']));
  });
});
