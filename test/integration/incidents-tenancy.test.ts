import { pageSchema, incidentSchema, type Incident } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newIncident, parseIncident, timelineOf } from './support/incident-fixtures.js';
import {
  expectError,
  newDevice,
  newRack,
  newRoom,
  newType,
  ok,
  tenantIdsOf,
} from './support/inventory-fixtures.js';
import { LiveClient, settle } from './support/live-client.js';
import { signedIn, startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

let t: TestApp;
let coordinator: ApiClient;
let viewer: ApiClient;
let nova: number;
let kore: number;
let novaRack: number;
let koreRack: number;
let novaDevice: number;
let koreDevice: number;

beforeAll(async () => {
  t = await startTestApp({ env: { VIGIE_SLA_WATCH_SECONDS: '0' } });
  const admin = await signedIn(t.url, 'admin');
  [coordinator, viewer] = await Promise.all([signedIn(t.url, 'coordinator'), signedIn(t.url, 'viewer')]);
  const tenants = await tenantIdsOf(admin);
  nova = tenants.NOVA!;
  kore = tenants.KORE!;
  const room = await newRoom(admin);
  const type = await newType(admin);
  novaRack = (await newRack(admin, room.id, { tenantId: nova })).id;
  koreRack = (await newRack(admin, room.id, { tenantId: kore })).id;
  novaDevice = (await newDevice(admin, type.id, novaRack, { tenantId: nova })).id;
  koreDevice = (await newDevice(admin, type.id, koreRack, { tenantId: kore })).id;
});
afterAll(() => t.close());

const pageOf = (value: unknown) => pageSchema(incidentSchema).parse(value);

describe('tenant isolation on REST', () => {
  it("answers 404 to a client viewer for another tenant's incident, its timeline and its notes", async () => {
    const theirs = await newIncident(coordinator, { rackIds: [koreRack], deviceIds: [koreDevice] });
    await expectError(await viewer.get(`/api/incidents/${theirs.id}`), 404, 'not_found');
    await expectError(await viewer.get(`/api/incidents/${theirs.id}/timeline`), 404, 'not_found');
    await expectError(
      await viewer.post(`/api/incidents/${theirs.id}/notes`, { text: 'x' }),
      403,
      'forbidden',
    );
    const list = await ok(await viewer.get(`/api/incidents?limit=200&search=${theirs.reference}`), pageOf);
    expect(list.items).toEqual([]);
    // Incidents that concern both tenants show, but only NOVA's part of them.
    const filtered = await ok(await viewer.get(`/api/incidents?tenantId=${kore}&limit=200`), pageOf);
    expect(filtered.items.map((item) => item.id)).not.toContain(theirs.id);
    for (const item of filtered.items) expect(item.tenants.map((tenant) => tenant.id)).toEqual([nova]);
  });

  it('shows a client viewer their own incidents, trimmed of every other tenant', async () => {
    const shared = await newIncident(coordinator, {
      rackIds: [novaRack, koreRack],
      deviceIds: [novaDevice, koreDevice],
    });
    expect(shared.tenants.map((tenant) => tenant.id).sort()).toEqual([nova, kore].sort());
    const seen = await ok(await viewer.get(`/api/incidents/${shared.id}`), parseIncident);
    expect(seen.tenants.map((tenant) => tenant.id)).toEqual([nova]);
    expect(seen.devices.map((device) => device.id)).toEqual([novaDevice]);
    expect(seen.racks.map((rack) => rack.id)).toEqual([novaRack]);
    const list = await ok(await viewer.get('/api/incidents?limit=200&open=true'), pageOf);
    expect(list.items.map((item) => item.id)).toContain(shared.id);
    for (const item of list.items) {
      expect(item.tenants.map((tenant) => tenant.id)).toEqual([nova]);
      expect(item.devices.every((device) => device.tenantId === nova)).toBe(true);
    }
    expect((await timelineOf(viewer, shared.id)).length).toBeGreaterThan(0);
  });
});

describe('board list', () => {
  it('pages by keyset in board order, the same as one long page', async () => {
    for (const urgency of [1, 2, 3]) await newIncident(coordinator, { rackIds: [novaRack], urgency });
    const all = await ok(await coordinator.get('/api/incidents?open=true&limit=200'), pageOf);
    const paged: Incident[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await ok(await coordinator.get(`/api/incidents?open=true&limit=3${query}`), pageOf);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((item) => item.id)).toEqual(all.items.map((item) => item.id));
    const ranks = all.items.map((item) => ['P0', 'P1', 'P2', 'P3', 'P4'].indexOf(item.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(all.items.every((item) => !['resolved', 'closed', 'cancelled'].includes(item.status))).toBe(true);
  });
});

describe('tenant isolation on the live channel', () => {
  it("sends a viewer their tenant's incidents and notes, nothing of another tenant's, and a removal when it stops concerning them", async () => {
    const staff = new LiveClient(t.url, coordinator.cookie);
    const novaLive = new LiveClient(t.url, viewer.cookie);
    await Promise.all([staff.ready(), novaLive.ready()]);
    const incidentEvents = (client: LiveClient) =>
      client.events.filter((event) => event.type.startsWith('incident.'));
    const idOf = (payload: unknown) =>
      (payload as { id?: number; incidentId?: number }).id ?? (payload as { incidentId: number }).incidentId;
    try {
      const theirs = await newIncident(coordinator, { rackIds: [koreRack] });
      await coordinator.post(`/api/incidents/${theirs.id}/notes`, { text: 'KORE private note' });
      const ours = await newIncident(coordinator, { rackIds: [novaRack, koreRack] });
      await staff.until((events) =>
        events.some((event) => event.type === 'incident.created' && idOf(event.payload) === ours.id),
      );
      await novaLive.until((events) =>
        events.some((event) => event.type === 'incident.created' && idOf(event.payload) === ours.id),
      );
      const created = parseIncident(
        incidentEvents(novaLive).find((event) => event.type === 'incident.created')!.payload,
      );
      expect(created.tenants.map((tenant) => tenant.id)).toEqual([nova]);
      expect(created.racks.map((rack) => rack.id)).toEqual([novaRack]);
      // Staff saw KORE's incident and its note.
      expect(
        staff.events.some(
          (event) => event.type === 'incident.note-added' && idOf(event.payload) === theirs.id,
        ),
      ).toBe(true);

      // The incident stops concerning NOVA: its viewers are told to drop it.
      const updated = await ok(
        await coordinator.patch(`/api/incidents/${ours.id}`, { version: ours.version, rackIds: [koreRack] }),
        parseIncident,
      );
      expect(updated.tenants.map((tenant) => tenant.id)).toEqual([kore]);
      await novaLive.until((events) => events.some((event) => event.type === 'incident.removed'));
      await coordinator.post(`/api/incidents/${ours.id}/notes`, { text: 'now KORE only' });
      await staff.until((events) =>
        events.some((event) => event.type === 'incident.note-added' && idOf(event.payload) === ours.id),
      );
      await settle();
      const novaSaw = incidentEvents(novaLive).map((event) => [event.type, idOf(event.payload)]);
      expect(novaSaw).toEqual([
        ['incident.created', ours.id],
        ['incident.removed', ours.id],
      ]);
      await expectError(await viewer.get(`/api/incidents/${ours.id}`), 404, 'not_found');
    } finally {
      staff.close();
      novaLive.close();
    }
  });

  it('pushes every change to staff within a second, with who made it', async () => {
    const staff = new LiveClient(t.url, coordinator.cookie);
    await staff.ready();
    try {
      const incident: Incident = await newIncident(coordinator, { rackIds: [novaRack] });
      const started = performance.now();
      const response = await coordinator.post(`/api/incidents/${incident.id}/transitions`, {
        to: 'acknowledged',
        version: incident.version,
      });
      expect(response.status).toBe(200);
      await staff.until(
        (events) =>
          events.some(
            (event) =>
              event.type === 'incident.updated' &&
              parseIncident(event.payload).id === incident.id &&
              parseIncident(event.payload).status === 'acknowledged',
          ),
        1000,
      );
      expect(performance.now() - started).toBeLessThan(1000);
      const update = staff.events.find((event) => event.type === 'incident.updated')!;
      expect(parseIncident(update.payload).updatedBy?.displayName).toBe(incident.createdBy?.displayName);
    } finally {
      staff.close();
    }
  });
});
