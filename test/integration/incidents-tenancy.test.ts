import { pageSchema, incidentSchema, tenantSchema, type Incident } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moved, newIncident, parseIncident, timelineOf } from './support/incident-fixtures.js';
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
let admin: ApiClient;
let roomId: number;
let typeId: number;

beforeAll(async () => {
  t = await startTestApp({ env: { VIGIE_SLA_WATCH_SECONDS: '0' } });
  admin = await signedIn(t.url, 'admin');
  [coordinator, viewer] = await Promise.all([signedIn(t.url, 'coordinator'), signedIn(t.url, 'viewer')]);
  const tenants = await tenantIdsOf(admin);
  nova = tenants.NOVA!;
  kore = tenants.KORE!;
  const room = await newRoom(admin);
  const type = await newType(admin);
  [roomId, typeId] = [room.id, type.id];
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

describe("another tenant's names", () => {
  it('never reach a client viewer: not in the incident, the list, the timeline nor the live events', async () => {
    const tenants = pageSchema(tenantSchema).parse(await (await admin.get('/api/tenants')).json()).items;
    const koreName = tenants.find((tenant) => tenant.id === kore)!.name;
    const novaName = tenants.find((tenant) => tenant.id === nova)!.name;
    const ourRack = await newRack(admin, roomId, { tenantId: nova });
    const theirRack = await newRack(admin, roomId, { tenantId: kore });
    const ourDevice = await newDevice(admin, typeId, ourRack.id, { tenantId: nova });
    const theirDevice = await newDevice(admin, typeId, theirRack.id, { tenantId: kore });
    const secrets = [koreName, theirRack.name, theirDevice.name];

    const staff = new LiveClient(t.url, coordinator.cookie);
    const novaLive = new LiveClient(t.url, viewer.cookie);
    await Promise.all([staff.ready(), novaLive.ready()]);
    try {
      let incident = await newIncident(coordinator, { rackIds: [ourRack.id], deviceIds: [ourDevice.id] });
      // Triage adds KORE's equipment (tenants derived: NOVA and KORE), then sets the tenants by hand,
      // derives them again, and takes KORE's device off: every change names KORE's equipment or KORE.
      const patch = async (body: Record<string, unknown>) =>
        (incident = await ok(
          await coordinator.patch(`/api/incidents/${incident.id}`, { version: incident.version, ...body }),
          parseIncident,
        ));
      await patch({ rackIds: [ourRack.id, theirRack.id], deviceIds: [ourDevice.id, theirDevice.id] });
      await patch({ tenantIds: [kore] });
      await patch({ tenantIds: null });
      await patch({ deviceIds: [ourDevice.id] });
      expect(incident.tenants.map((tenant) => tenant.id).sort()).toEqual([nova, kore].sort());
      incident = await moved(coordinator, incident, { to: 'acknowledged' });
      const note = (text: string, clientVisible?: boolean) =>
        coordinator.post(`/api/incidents/${incident.id}/notes`, { text, clientVisible });
      expect((await note(`Called ${koreName} about ${theirDevice.name}`)).status).toBe(201);
      expect((await note('Engineer on site, back within the hour', true)).status).toBe(201);
      await staff.until(
        (events) => events.filter((event) => event.type === 'incident.note-added').length === 2,
      );
      await novaLive.until((events) => events.some((event) => event.type === 'incident.note-added'));
      await settle();

      // Staff read every change and both notes.
      const staffTimeline = JSON.stringify(await timelineOf(coordinator, incident.id));
      for (const secret of secrets) expect(staffTimeline).toContain(secret);

      // The viewer reads their own part: transitions, their rack, device and tenant, the client-visible note.
      const timeline = await timelineOf(viewer, incident.id);
      const notes = timeline.flatMap((entry) => (entry.kind === 'note' ? [entry.details] : []));
      expect(notes).toEqual([{ text: 'Engineer on site, back within the hour', clientVisible: true }]);
      expect(
        timeline.some((entry) => entry.kind === 'transition' && entry.details.to === 'acknowledged'),
      ).toBe(true);
      const changes = timeline.flatMap((entry) =>
        entry.kind === 'field_change' ? entry.details.changes : [],
      );
      expect(changes).toContainEqual({ field: 'tenants', from: [novaName], to: [] });
      expect(changes.some((change) => change.field === 'racks' || change.field === 'devices')).toBe(false);
      const read = JSON.stringify([
        timeline,
        await ok(await viewer.get(`/api/incidents/${incident.id}`), parseIncident),
        await ok(await viewer.get('/api/incidents?limit=200'), pageOf),
        await ok(await viewer.get(`/api/incidents?limit=200&search=${incident.reference}`), pageOf),
      ]);
      expect(read).toContain(ourRack.name);
      expect(read).toContain(ourDevice.name);
      const live = novaLive.events.filter((event) => event.type.startsWith('incident.'));
      expect(live.filter((event) => event.type === 'incident.note-added')).toHaveLength(1);
      for (const secret of secrets) {
        expect(read).not.toContain(secret);
        expect(JSON.stringify(live)).not.toContain(secret);
      }
    } finally {
      staff.close();
      novaLive.close();
    }
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
