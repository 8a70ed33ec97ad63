import {
  auditVerificationSchema,
  contractSchema,
  deviceSchema,
  deviceTypeSchema,
  idempotencyKeyHeader,
  idempotentReplayHeader,
  rackSchema,
  roomSchema,
  siteSchema,
  tenantSchema,
} from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient } from './support/live-client.js';
import {
  created,
  expectError,
  newDevice,
  newRack,
  newRoom,
  newType,
  ok,
  tenantIdsOf,
  unique,
} from './support/inventory-fixtures.js';
import { withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: ApiClient;
let coordinator: ApiClient;
let tenantIds: Record<string, number>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signedIn(t.url, 'admin');
  coordinator = await signedIn(t.url, 'coordinator');
  tenantIds = await tenantIdsOf(admin);
});
afterAll(() => t.close());

const auditCount = (entityType: string, entityId: number, action: string) =>
  withRawDatabase(
    t.config.databaseFile,
    (db) =>
      (
        db
          .prepare(
            'select count(*) as n from audit_event where entity_type = ? and entity_id = ? and action = ?',
          )
          .get(entityType, String(entityId), action) as { n: number }
      ).n,
  );

describe('device placement rules', () => {
  it('refuses a device overlapping another on the same face, naming it (409)', async () => {
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id);
    const server = await newType(coordinator, { uHeight: 2 });
    const first = await newDevice(coordinator, server.id, rack.id, { position: 10, face: 'front' });
    const error = await expectError(
      await coordinator.post('/api/devices', {
        name: unique('clash'),
        deviceTypeId: server.id,
        rackId: rack.id,
        position: 11,
        face: 'front',
      }),
      409,
      'conflict',
    );
    expect(error.message).toContain(first.name);
    expect(error.fields?.[0]?.path).toBe('position');
    // Right above it is free.
    await newDevice(coordinator, server.id, rack.id, { position: 12, face: 'front' });
  });

  it('blocks both faces under a full-depth device, and only one face under a half-depth one', async () => {
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id);
    const full = await newType(coordinator, { uHeight: 1, isFullDepth: true });
    const half = await newType(coordinator, { uHeight: 1, isFullDepth: false });
    const deep = await newDevice(coordinator, full.id, rack.id, { position: 5, face: 'front' });
    const rearClash = await expectError(
      await coordinator.post('/api/devices', {
        name: unique('rear'),
        deviceTypeId: half.id,
        rackId: rack.id,
        position: 5,
        face: 'rear',
      }),
      409,
      'conflict',
    );
    expect(rearClash.message).toContain(deep.name);

    const patchFront = await newDevice(coordinator, half.id, rack.id, { position: 8, face: 'front' });
    const patchRear = await newDevice(coordinator, half.id, rack.id, { position: 8, face: 'rear' });
    expect(patchRear.position).toBe(8);
    const fullClash = await expectError(
      await coordinator.post('/api/devices', {
        name: unique('deep'),
        deviceTypeId: full.id,
        rackId: rack.id,
        position: 8,
        face: 'front',
      }),
      409,
      'conflict',
    );
    expect([patchFront.name, patchRear.name].some((name) => fullClash.message.includes(name))).toBe(true);
  });

  it('refuses a device that does not fit the rack height, or a zero-U device given a position (422)', async () => {
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id, { uHeight: 42 });
    const big = await newType(coordinator, { uHeight: 4 });
    const pdu = await newType(coordinator, { uHeight: 0, isFullDepth: false });
    const tooHigh = await expectError(
      await coordinator.post('/api/devices', {
        name: unique('top'),
        deviceTypeId: big.id,
        rackId: rack.id,
        position: 40,
        face: 'front',
      }),
      422,
      'rule_violation',
    );
    expect(tooHigh.fields?.[0]?.path).toBe('position');
    await newDevice(coordinator, big.id, rack.id, { position: 39, face: 'front' });

    await expectError(
      await coordinator.post('/api/devices', {
        name: unique('pdu'),
        deviceTypeId: pdu.id,
        rackId: rack.id,
        position: 3,
        face: 'rear',
      }),
      422,
      'rule_violation',
    );
    const placedPdu = await newDevice(coordinator, pdu.id, rack.id, { position: null, face: 'rear' });
    expect(placedPdu.position).toBeNull();

    await expectError(
      await coordinator.post('/api/devices', {
        name: unique('nopos'),
        deviceTypeId: big.id,
        rackId: rack.id,
        face: 'front',
      }),
      422,
      'rule_violation',
    );
    await expectError(
      await coordinator.post('/api/devices', {
        name: unique('loose'),
        deviceTypeId: big.id,
        rackId: null,
        position: 3,
      }),
      422,
      'rule_violation',
    );
  });

  it('checks a move like a placement, ignoring the device itself', async () => {
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id);
    const type = await newType(coordinator, { uHeight: 2 });
    const moving = await newDevice(coordinator, type.id, rack.id, { position: 1, face: 'front' });
    const other = await newDevice(coordinator, type.id, rack.id, { position: 5, face: 'front' });
    const shifted = await ok(
      await coordinator.patch(`/api/devices/${moving.id}`, { version: moving.version, position: 2 }),
      (value) => deviceSchema.parse(value),
    );
    expect(shifted).toMatchObject({ position: 2, version: moving.version + 1 });
    const error = await expectError(
      await coordinator.patch(`/api/devices/${moving.id}`, { version: shifted.version, position: 4 }),
      409,
      'conflict',
    );
    expect(error.message).toContain(other.name);
    // Unracking clears position and face.
    const unracked = await ok(
      await coordinator.patch(`/api/devices/${moving.id}`, { version: shifted.version, rackId: null }),
      (value) => deviceSchema.parse(value),
    );
    expect(unracked).toMatchObject({ rackId: null, position: null, face: null });
  });
});

describe('tenant rule', () => {
  it("keeps a tenant's devices in its own racks or shared ones, on create, update and move (422)", async () => {
    const room = await newRoom(coordinator);
    const novaRack = await newRack(coordinator, room.id, { tenantId: tenantIds.NOVA! });
    const koreRack = await newRack(coordinator, room.id, { tenantId: tenantIds.KORE! });
    const shared = await newRack(coordinator, room.id);
    const type = await newType(coordinator);
    const before = withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare('select count(*) as n from device').get(),
    );
    const refused = await expectError(
      await coordinator.post('/api/devices', {
        name: unique('nova'),
        deviceTypeId: type.id,
        rackId: koreRack.id,
        position: 1,
        face: 'front',
        tenantId: tenantIds.NOVA!,
      }),
      422,
      'rule_violation',
    );
    expect(refused.fields?.[0]?.path).toBe('rackId');
    expect(refused.message).toContain(koreRack.name);
    expect(
      withRawDatabase(t.config.databaseFile, (db) => db.prepare('select count(*) as n from device').get()),
    ).toEqual(before);

    const own = await newDevice(coordinator, type.id, novaRack.id, { tenantId: tenantIds.NOVA! });
    const inShared = await newDevice(coordinator, type.id, shared.id, { tenantId: tenantIds.NOVA! });
    // The operator's own equipment goes anywhere.
    await newDevice(coordinator, type.id, koreRack.id, { position: 3 });

    const move = await expectError(
      await coordinator.patch(`/api/devices/${own.id}`, { version: own.version, rackId: koreRack.id }),
      422,
      'rule_violation',
    );
    expect(move.fields?.[0]?.path).toBe('rackId');
    const retag = await expectError(
      await coordinator.patch(`/api/devices/${own.id}`, { version: own.version, tenantId: tenantIds.KORE! }),
      422,
      'rule_violation',
    );
    expect(retag.fields?.[0]?.path).toBe('tenantId');
    const unchanged = await ok(await coordinator.get(`/api/devices/${own.id}`), (value) =>
      deviceSchema.parse(value),
    );
    expect(unchanged).toMatchObject({ rackId: novaRack.id, tenantId: tenantIds.NOVA, version: own.version });

    // Moving both together into the other tenant's rack is fine, and so is a move to a shared rack.
    await ok(
      await coordinator.patch(`/api/devices/${own.id}`, {
        version: own.version,
        rackId: koreRack.id,
        position: 10,
        tenantId: tenantIds.KORE!,
      }),
      (value) => deviceSchema.parse(value),
    );
    expect(inShared.rackId).toBe(shared.id);

    // A shared rack holding a NOVA device cannot be given to KORE.
    const giveAway = await expectError(
      await coordinator.patch(`/api/racks/${shared.id}`, {
        version: shared.version,
        tenantId: tenantIds.KORE!,
      }),
      422,
      'rule_violation',
    );
    expect(giveAway.fields?.[0]?.path).toBe('tenantId');
    expect(giveAway.message).toContain(inShared.name);
  });
});

describe('optimistic concurrency', () => {
  it('answers 409 stale_version with the current state, and changes nothing', async () => {
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id);
    const renamed = await ok(
      await coordinator.patch(`/api/racks/${rack.id}`, { version: rack.version, name: unique('renamed') }),
      (value) => rackSchema.parse(value),
    );
    const error = await expectError(
      await coordinator.patch(`/api/racks/${rack.id}`, { version: rack.version, name: 'lost-update' }),
      409,
      'stale_version',
    );
    expect(rackSchema.parse(error.current)).toEqual(renamed);
    const now = rackSchema.parse(await (await coordinator.get(`/api/racks/${rack.id}`)).json());
    expect(now.name).toBe(renamed.name);
  });
});

/** One inventory kind as the generic write tests drive it. */
interface WriteKind {
  name: string;
  path: string;
  table: string;
  entityType: string;
  action: string;
  schema: { parse: (value: unknown) => { id: number; version: number } };
  /** Contracts are written by admins only. */
  writer: () => ApiClient;
  /** Creates one fresh object; answers its JSON as the API sent it. */
  make: () => Promise<{ id: number; version: number }>;
  change: (label: string) => Record<string, unknown>;
  deletable: boolean;
}

const asJson = async (response: Response, status: number) => {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as Record<string, unknown> & { id: number; version: number };
};
const siteCode = () =>
  unique('S')
    .toUpperCase()
    .replace(/[^A-Z0-9-]/g, '-')
    .slice(-16);
const slaTarget = { ackMinutes: 15, restoreMinutes: 120, resolveMinutes: 480 };
const newTenant = async () =>
  asJson(await coordinator.post('/api/tenants', { code: unique('t').toLowerCase(), name: 'Orion' }), 201);

const writeKinds: WriteKind[] = [
  {
    name: 'sites',
    path: '/api/sites',
    table: 'site',
    entityType: 'Site',
    action: 'site',
    schema: siteSchema,
    writer: () => coordinator,
    make: async () =>
      asJson(
        await coordinator.post('/api/sites', {
          code: siteCode(),
          name: 'Lyon 2',
          timeZone: 'Europe/Paris',
          countryCode: 'FR',
        }),
        201,
      ),
    change: (label) => ({ name: label }),
    deletable: true,
  },
  {
    name: 'rooms',
    path: '/api/rooms',
    table: 'room',
    entityType: 'Room',
    action: 'room',
    schema: roomSchema,
    writer: () => coordinator,
    make: () => newRoom(coordinator),
    change: (label) => ({ name: label }),
    deletable: true,
  },
  {
    name: 'racks',
    path: '/api/racks',
    table: 'rack',
    entityType: 'Rack',
    action: 'rack',
    schema: rackSchema,
    writer: () => coordinator,
    make: async () => newRack(coordinator, (await newRoom(coordinator)).id),
    change: (label) => ({ name: label }),
    deletable: true,
  },
  {
    name: 'device types',
    path: '/api/device-types',
    table: 'device_type',
    entityType: 'DeviceType',
    action: 'device-type',
    schema: deviceTypeSchema,
    writer: () => coordinator,
    make: () => newType(coordinator),
    change: (label) => ({ model: label }),
    deletable: true,
  },
  {
    name: 'devices',
    path: '/api/devices',
    table: 'device',
    entityType: 'Device',
    action: 'device',
    schema: deviceSchema,
    writer: () => coordinator,
    make: async () => newDevice(coordinator, (await newType(coordinator)).id, null),
    change: (label) => ({ name: label }),
    deletable: true,
  },
  {
    name: 'tenants',
    path: '/api/tenants',
    table: 'tenant',
    entityType: 'Tenant',
    action: 'tenant',
    schema: tenantSchema,
    writer: () => coordinator,
    make: newTenant,
    change: (label) => ({ name: label }),
    deletable: true,
  },
  {
    name: 'contracts',
    path: '/api/contracts',
    table: 'contract',
    entityType: 'Contract',
    action: 'contract',
    schema: contractSchema,
    writer: () => admin,
    make: async () =>
      asJson(
        await admin.post('/api/contracts', {
          tenantId: (await newTenant()).id,
          reference: unique('CT'),
          serviceHours: '24x7',
          slaPolicy: { P0: slaTarget, P1: slaTarget, P2: slaTarget, P3: slaTarget, P4: slaTarget },
          startsOn: '2026-01-01',
        }),
        201,
      ),
    change: (label) => ({ reference: label }),
    // Contracts have no DELETE route: incidents keep referring to them.
    deletable: false,
  },
];

const rowOf = (table: string, id: number) =>
  withRawDatabase(t.config.databaseFile, (db) => db.prepare(`select * from ${table} where id = ?`).get(id));

/** The audit rows of one object, oldest first, with before/after parsed. */
const auditOf = (entityType: string, id: number) =>
  withRawDatabase(t.config.databaseFile, (db) =>
    (
      db
        .prepare(
          'select action, before, after from audit_event where entity_type = ? and entity_id = ? order by id',
        )
        .all(entityType, String(id)) as { action: string; before: string | null; after: string | null }[]
    ).map((row) => ({
      action: row.action,
      before: row.before === null ? null : (JSON.parse(row.before) as unknown),
      after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    })),
  );

describe.each(writeKinds)('every inventory kind: $name', (kind) => {
  it('answers a stale PATCH or DELETE with 409 and the current state, changes nothing, audits only what was done', async () => {
    const client = kind.writer();
    const made = await kind.make();
    const url = `${kind.path}/${made.id}`;
    const latest = await asJson(
      await client.patch(url, { version: made.version, ...kind.change(unique('v2')) }),
      200,
    );
    expect(latest.version).toBeGreaterThan(made.version);
    const stored = rowOf(kind.table, made.id);

    const stale = await expectError(
      await client.patch(url, { version: made.version, ...kind.change(unique('lost')) }),
      409,
      'stale_version',
    );
    const fresh = await asJson(await client.get(url), 200);
    expect(kind.schema.parse(stale.current)).toEqual(kind.schema.parse(fresh));
    expect(fresh).toEqual(latest);
    expect(rowOf(kind.table, made.id)).toEqual(stored);

    if (kind.deletable) {
      const staleDelete = await expectError(
        await client.request('DELETE', `${url}?version=${made.version}`),
        409,
        'stale_version',
      );
      expect(kind.schema.parse(staleDelete.current)).toEqual(kind.schema.parse(fresh));
      // A delete must say which version it removes: never silently over an edit it did not see.
      await expectError(await client.request('DELETE', url), 400, 'validation_failed');
      expect(rowOf(kind.table, made.id)).toEqual(stored);
      expect((await client.request('DELETE', `${url}?version=${latest.version}`)).status).toBe(204);
      expect(rowOf(kind.table, made.id)).toBeUndefined();
    }

    expect(auditOf(kind.entityType, made.id)).toEqual([
      { action: `${kind.action}.create`, before: null, after: made },
      { action: `${kind.action}.update`, before: made, after: latest },
      ...(kind.deletable ? [{ action: `${kind.action}.delete`, before: latest, after: null }] : []),
    ]);
  });
});

describe('audit chain', () => {
  it('still verifies after every kind of inventory write', async () => {
    const verification = auditVerificationSchema.parse(await (await admin.get('/api/audit/verify')).json());
    expect(verification).toMatchObject({ ok: true, firstBroken: null });
    expect(verification.checked).toBeGreaterThan(writeKinds.length * 2);
  });
});

describe('validation', () => {
  it('answers 400 with field paths for bad or unknown fields', async () => {
    const error = await expectError(
      await coordinator.post('/api/racks', { roomId: 'one', name: '', colour: 'red' }),
      400,
      'validation_failed',
    );
    const paths = error.fields?.map((field) => field.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['roomId', 'name', 'gridX']));
    expect(error.fields?.some((field) => field.message.includes('colour'))).toBe(true);
    // Each common issue carries a code and its figures, so a client can word it in French.
    const byPath = Object.fromEntries((error.fields ?? []).map((field) => [field.path, field]));
    expect(byPath.name).toMatchObject({ code: 'required' });
    expect(byPath.gridX).toMatchObject({ code: 'required' });
    expect(byPath.roomId).toMatchObject({ code: 'invalid_type', params: { expected: 'number' } });
    expect(byPath['']).toMatchObject({ code: 'unknown_fields', params: { keys: 'colour' } });
    const tooBig = await expectError(
      await coordinator.post('/api/racks', {
        roomId: 1,
        name: 'Z01',
        rowLabel: 'Z',
        gridX: 0,
        gridY: 0,
        powerBudgetKw: 500,
        maxWeightKg: 1000,
        status: 'broken',
      }),
      400,
      'validation_failed',
    );
    expect(tooBig.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'powerBudgetKw',
          code: 'too_big',
          params: { maximum: 200, origin: 'number', inclusive: 'true' },
        }),
        expect.objectContaining({
          path: 'status',
          code: 'invalid_value',
          params: { values: 'planned, active, reserved, decommissioned' },
        }),
      ]),
    );
    await expectError(
      await coordinator.post('/api/sites', {
        code: 'X1',
        name: 'X',
        timeZone: 'Mars/Olympus',
        countryCode: 'FR',
      }),
      400,
      'validation_failed',
    );
    await expectError(
      await admin.post('/api/contracts', {
        tenantId: tenantIds.NOVA,
        reference: unique('CT'),
        serviceHours: 'business_hours',
        slaPolicy: {},
        startsOn: '2026-01-01',
      }),
      400,
      'validation_failed',
    );
  });

  it('refuses unknown references and taken names', async () => {
    const room = await newRoom(coordinator);
    const unknownRoom = await expectError(
      await coordinator.post('/api/racks', {
        roomId: 999999,
        name: 'Z1',
        rowLabel: 'Z',
        gridX: 0,
        gridY: 0,
        powerBudgetKw: 5,
        maxWeightKg: 800,
      }),
      400,
      'validation_failed',
    );
    expect(unknownRoom.fields?.[0]?.path).toBe('roomId');
    const rack = await newRack(coordinator, room.id);
    await expectError(
      await coordinator.post('/api/racks', {
        roomId: room.id,
        name: rack.name,
        rowLabel: 'A',
        gridX: 9,
        gridY: 3,
        powerBudgetKw: 5,
        maxWeightKg: 800,
      }),
      409,
      'conflict',
    );
    const tileTaken = await expectError(
      await coordinator.post('/api/racks', {
        roomId: room.id,
        name: unique('R'),
        rowLabel: 'A',
        gridX: rack.gridX,
        gridY: rack.gridY,
        powerBudgetKw: 5,
        maxWeightKg: 800,
      }),
      409,
      'conflict',
    );
    expect(tileTaken.message).toContain(rack.name);
    await expectError(
      await coordinator.post('/api/racks', {
        roomId: room.id,
        name: unique('R'),
        rowLabel: 'A',
        gridX: 10,
        gridY: 0,
        powerBudgetKw: 5,
        maxWeightKg: 800,
      }),
      422,
      'rule_violation',
    );
  });

  it('keeps device-type height fixed once devices of the type are racked', async () => {
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id);
    const type = await newType(coordinator, { uHeight: 1 });
    await newDevice(coordinator, type.id, rack.id, { position: 1, face: 'front' });
    const error = await expectError(
      await coordinator.patch(`/api/device-types/${type.id}`, { version: type.version, uHeight: 2 }),
      422,
      'rule_violation',
    );
    expect(error.fields?.[0]?.path).toBe('uHeight');
  });

  it('refuses to shrink a rack below its highest device', async () => {
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id);
    const type = await newType(coordinator, { uHeight: 2 });
    await newDevice(coordinator, type.id, rack.id, { position: 40, face: 'front' });
    await expectError(
      await coordinator.patch(`/api/racks/${rack.id}`, { version: rack.version, uHeight: 40 }),
      422,
      'rule_violation',
    );
  });
});

describe('deletes', () => {
  it('refuses to delete a rack that holds devices (422), then deletes it once empty', async () => {
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id);
    const type = await newType(coordinator);
    const device = await newDevice(coordinator, type.id, rack.id);
    await expectError(
      await coordinator.request('DELETE', `/api/racks/${rack.id}?version=${rack.version}`),
      422,
      'rule_violation',
    );
    expect((await coordinator.get(`/api/racks/${rack.id}`)).status).toBe(200);
    expect(
      (await coordinator.request('DELETE', `/api/devices/${device.id}?version=${device.version}`)).status,
    ).toBe(204);
    expect((await coordinator.get(`/api/devices/${device.id}`)).status).toBe(404);
    await expectError(
      await coordinator.request('DELETE', `/api/racks/${rack.id}?version=${rack.version + 5}`),
      409,
      'stale_version',
    );
    expect(
      (await coordinator.request('DELETE', `/api/racks/${rack.id}?version=${rack.version}`)).status,
    ).toBe(204);
    expect((await coordinator.get(`/api/racks/${rack.id}`)).status).toBe(404);
    expect(auditCount('Rack', rack.id, 'rack.delete')).toBe(1);
    expect(auditCount('Device', device.id, 'device.delete')).toBe(1);
  });

  it('deletes sites, rooms, device types and tenants nothing uses, and answers 409 with the state otherwise', async () => {
    const staff = new LiveClient(t.url, coordinator.cookie);
    await staff.ready();
    try {
      const room = await newRoom(coordinator);
      const rack = await newRack(coordinator, room.id);
      const type = await newType(coordinator);
      const device = await newDevice(coordinator, type.id, rack.id);
      const site = siteSchema.parse(await (await coordinator.get(`/api/sites/${room.siteId}`)).json());
      const tenant = await created(
        await coordinator.post('/api/tenants', { code: unique('gone').toLowerCase(), name: 'Gone' }),
        (value) => tenantSchema.parse(value),
      );
      const novaRacks = withRawDatabase(t.config.databaseFile, (db) =>
        db.prepare('select count(*) as n from rack where tenant_id = ?').get(tenantIds.NOVA),
      ) as { n: number };

      const nova = tenantSchema.parse(await (await coordinator.get(`/api/tenants/${tenantIds.NOVA}`)).json());

      const inUse = [
        [`/api/sites/${site.id}`, site.version, 'rooms'],
        [`/api/rooms/${room.id}`, room.version, '1 racks'],
        [`/api/device-types/${type.id}`, type.version, '1 devices'],
        [`/api/tenants/${nova.id}`, nova.version, `${novaRacks.n} racks`],
      ] as const;
      for (const [path, version, uses] of inUse) {
        const error = await expectError(
          await coordinator.request('DELETE', `${path}?version=${version}`),
          409,
          'conflict',
        );
        expect(error.message).toContain(uses);
        // What still uses it, as fields a client can word: `racks`: `3`.
        expect(error.fields?.map((field) => field.path)).toContain(uses.split(' ').at(-1));
        expect(error.current).toMatchObject({ id: Number(path.split('/').at(-1)) });
        expect((await coordinator.get(path)).status).toBe(200);
      }

      for (const path of [
        `/api/devices/${device.id}?version=${device.version}`,
        `/api/racks/${rack.id}?version=${rack.version}`,
      ]) {
        expect((await coordinator.request('DELETE', path)).status).toBe(204);
      }
      await expectError(
        await coordinator.request('DELETE', `/api/rooms/${room.id}?version=${room.version + 1}`),
        409,
        'stale_version',
      );
      const emptySite = await created(
        await coordinator.post('/api/sites', {
          code: unique('S')
            .toUpperCase()
            .replace(/[^A-Z0-9-]/g, '-')
            .slice(0, 16),
          name: 'Empty site',
          timeZone: 'Europe/Paris',
          countryCode: 'FR',
        }),
        (value) => siteSchema.parse(value),
      );
      for (const [path, entityType, action, id] of [
        [`/api/sites/${emptySite.id}?version=${emptySite.version}`, 'Site', 'site.delete', emptySite.id],
        [`/api/rooms/${room.id}?version=${room.version}`, 'Room', 'room.delete', room.id],
        [`/api/device-types/${type.id}?version=${type.version}`, 'DeviceType', 'device-type.delete', type.id],
        [`/api/tenants/${tenant.id}?version=${tenant.version}`, 'Tenant', 'tenant.delete', tenant.id],
      ] as const) {
        expect((await coordinator.request('DELETE', path)).status).toBe(204);
        expect(auditCount(entityType, id, action)).toBe(1);
      }
      expect((await coordinator.get(`/api/rooms/${room.id}`)).status).toBe(404);
      await staff.until((events) =>
        ['room.deleted', 'device-type.deleted', 'tenant.deleted'].every((type) =>
          events.some((event) => event.type === type),
        ),
      );
      expect(staff.events.find((event) => event.type === 'room.deleted')?.payload).toEqual({ id: room.id });
      for (const who of ['technician', 'viewer']) {
        const client = await signedIn(t.url, who);
        expect((await client.request('DELETE', `/api/sites/${site.id}`)).status).toBe(403);
      }
    } finally {
      staff.close();
    }
  });
});

describe('audit and live events', () => {
  it('audits every write and announces it to staff and the tenant, not to other tenants', async () => {
    const staff = new LiveClient(t.url, coordinator.cookie);
    const novaViewer = await signedIn(t.url, 'viewer');
    const nova = new LiveClient(t.url, novaViewer.cookie);
    await Promise.all([staff.ready(), nova.ready()]);
    try {
      const room = await newRoom(coordinator);
      const rack = await newRack(coordinator, room.id, { tenantId: tenantIds.NOVA! });
      const type = await newType(coordinator);
      const shared = await newRack(coordinator, room.id);
      const ours = await newDevice(coordinator, type.id, rack.id, { tenantId: tenantIds.NOVA! });
      const theirs = await newDevice(coordinator, type.id, shared.id, { tenantId: tenantIds.KORE! });
      await staff.until((events) => events.filter((event) => event.type === 'device.created').length >= 2);
      await nova.until((events) => events.some((event) => event.type === 'device.created'));
      await new Promise((resolve) => setTimeout(resolve, 150));
      const novaDevices = nova.events
        .filter((event) => event.type === 'device.created')
        .map((event) => deviceSchema.parse(event.payload).id);
      expect(novaDevices).toEqual([ours.id]);
      expect(nova.events.some((event) => event.type === 'rack.created')).toBe(true);
      expect(staff.events.map((event) => event.type)).toEqual(
        expect.arrayContaining(['room.created', 'rack.created', 'device-type.created', 'device.created']),
      );
      expect(auditCount('Device', ours.id, 'device.create')).toBe(1);
      expect(auditCount('Device', theirs.id, 'device.create')).toBe(1);
      expect(auditCount('Rack', rack.id, 'rack.create')).toBe(1);
      expect(auditCount('DeviceType', type.id, 'device-type.create')).toBe(1);
      expect(auditCount('Room', room.id, 'room.create')).toBe(1);
    } finally {
      staff.close();
      nova.close();
    }
  });
});

describe('live events of shared racks', () => {
  it("announces a shared rack's change to the tenants whose devices it holds, and to no other tenant", async () => {
    const novaViewer = await signedIn(t.url, 'viewer');
    const nova = new LiveClient(t.url, novaViewer.cookie);
    await nova.ready();
    try {
      const room = await newRoom(coordinator);
      const type = await newType(coordinator);
      const theirs = await newRack(coordinator, room.id);
      await newDevice(coordinator, type.id, theirs.id, { tenantId: tenantIds.KORE! });
      const ours = await newRack(coordinator, room.id);
      await newDevice(coordinator, type.id, ours.id, { tenantId: tenantIds.KORE! });
      await newDevice(coordinator, type.id, ours.id, { tenantId: tenantIds.NOVA!, position: 3 });
      for (const rack of [theirs, ours]) {
        expect(
          (await coordinator.patch(`/api/racks/${rack.id}`, { version: rack.version, powerBudgetKw: 9 }))
            .status,
        ).toBe(200);
      }
      // Events arrive in commit order: once the second is in, the first would have been too.
      await nova.until((events) =>
        events.some(
          (event) => event.type === 'rack.updated' && rackSchema.parse(event.payload).id === ours.id,
        ),
      );
      const updated = nova.events
        .filter((event) => event.type === 'rack.updated')
        .map((event) => rackSchema.parse(event.payload).id);
      expect(updated).toEqual([ours.id]);
    } finally {
      nova.close();
    }
  });
});

describe('retried creates', () => {
  it('creates a device once for two requests with the same Idempotency-Key, answering the first again', async () => {
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id);
    const type = await newType(coordinator);
    const body = {
      name: unique('retry'),
      deviceTypeId: type.id,
      rackId: rack.id,
      position: 20,
      face: 'front',
    };
    const key = unique('key-device');
    const first = await coordinator.post('/api/devices', body, { [idempotencyKeyHeader]: key });
    const again = await coordinator.post('/api/devices', body, { [idempotencyKeyHeader]: key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get(idempotentReplayHeader)).toBe('true');
    const device = deviceSchema.parse(await first.json());
    expect(deviceSchema.parse(await again.json())).toEqual(device);
    const named = withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare('select count(*) as n from device where name = ?').get(body.name),
    );
    expect(named).toEqual({ n: 1 });
    expect(auditCount('Device', device.id, 'device.create')).toBe(1);
    // Without a key, the same body is a second create (refused here: the units are taken).
    expect((await coordinator.post('/api/devices', body)).status).toBe(409);
  });
});

describe('who may write', () => {
  it('refuses writes to technicians, managers and client viewers (403), and contracts to coordinators', async () => {
    for (const username of ['technician', 'manager', 'viewer']) {
      const client = await signedIn(t.url, username);
      await expectError(await client.post('/api/racks', {}), 403, 'forbidden');
      await expectError(await client.post('/api/devices', {}), 403, 'forbidden');
    }
    await expectError(await coordinator.post('/api/contracts', {}), 403, 'forbidden');
  });
});

describe('concurrent placements', () => {
  it('lets exactly one of several simultaneous requests take the same units', async () => {
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id);
    const type = await newType(coordinator, { uHeight: 2 });
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        coordinator.post('/api/devices', {
          name: unique(`race-${i}`),
          deviceTypeId: type.id,
          rackId: rack.id,
          position: 20 + (i % 2),
          face: 'front',
        }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
  });
});
