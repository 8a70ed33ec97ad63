import { floorPlanSchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moved, newIncident } from './support/incident-fixtures.js';
import { newDevice, newRack, newRoom, newType, ok, tenantIdsOf } from './support/inventory-fixtures.js';
import { signedIn, startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

let t: TestApp;
let coordinator: ApiClient;
let viewer: ApiClient;
let tenantIds: Record<string, number>;

beforeAll(async () => {
  t = await startTestApp({ env: { VIGIE_SLA_WATCH_SECONDS: '0' } });
  [coordinator, viewer] = await Promise.all([signedIn(t.url, 'coordinator'), signedIn(t.url, 'viewer')]);
  tenantIds = await tenantIdsOf(coordinator);
});
afterAll(() => t.close());

/** The open-incident count of each rack of the room, as `client` sees the floor plan. */
async function countsOf(client: ApiClient, roomId: number): Promise<Map<number, number>> {
  const plan = await ok(await client.get(`/api/rooms/${roomId}/floor-plan`), (v) => floorPlanSchema.parse(v));
  return new Map(plan.racks.map((rack) => [rack.rackId, rack.openIncidents]));
}

describe('floor plan open incidents', () => {
  it('counts open incidents on a rack or its devices, once each, and drops them when resolved', async () => {
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id, { tenantId: tenantIds.NOVA! });
    const other = await newRack(coordinator, room.id, { tenantId: tenantIds.NOVA! });
    const type = await newType(coordinator);
    const device = await newDevice(coordinator, type.id, rack.id, { tenantId: tenantIds.NOVA! });
    expect(await countsOf(coordinator, room.id)).toEqual(
      new Map([
        [rack.id, 0],
        [other.id, 0],
      ]),
    );

    const onDevice = await newIncident(coordinator, { deviceIds: [device.id] });
    expect((await countsOf(coordinator, room.id)).get(rack.id)).toBe(1);
    // Naming the rack and a device in it is still one incident for that rack.
    const onBoth = await newIncident(coordinator, { rackIds: [rack.id], deviceIds: [device.id] });
    expect(await countsOf(coordinator, room.id)).toEqual(
      new Map([
        [rack.id, 2],
        [other.id, 0],
      ]),
    );

    let incident = await moved(coordinator, onDevice, { to: 'acknowledged' });
    incident = await moved(coordinator, incident, { to: 'in_progress' });
    await moved(coordinator, incident, {
      to: 'resolved',
      resolutionCode: 'replaced',
      solution: 'PSU replaced',
    });
    await moved(coordinator, onBoth, { to: 'cancelled', cancellationReason: 'false_positive' });
    expect((await countsOf(coordinator, room.id)).get(rack.id)).toBe(0);
  });

  it("counts for a client viewer only the incidents of the viewer's tenant", async () => {
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id, { tenantId: tenantIds.NOVA! });
    const type = await newType(coordinator);
    const device = await newDevice(coordinator, type.id, rack.id, { tenantId: tenantIds.NOVA! });
    // Set by hand to another tenant: the NOVA viewer must not learn of it through the count.
    await newIncident(coordinator, { deviceIds: [device.id], tenantIds: [tenantIds.KORE!] });
    expect((await countsOf(coordinator, room.id)).get(rack.id)).toBe(1);
    expect((await countsOf(viewer, room.id)).get(rack.id)).toBe(0);

    await newIncident(coordinator, { rackIds: [rack.id] });
    expect((await countsOf(coordinator, room.id)).get(rack.id)).toBe(2);
    expect((await countsOf(viewer, room.id)).get(rack.id)).toBe(1);
  });
});
