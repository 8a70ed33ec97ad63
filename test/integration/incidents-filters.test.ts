import { pageSchema, incidentSchema, roomSchema, siteSchema, type Incident } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newIncident } from './support/incident-fixtures.js';
import { created, newRoom, ok, tenantIdsOf, unique } from './support/inventory-fixtures.js';
import { userIdOf } from './support/run-fixtures.js';
import { signedIn, startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

let t: TestApp;
let coordinator: ApiClient;
let technician: ApiClient;
/** Every incident of this file has the tag in its title, so the demo's incidents stay out of the answers. */
const tag = unique('filters');
const made: Record<'onA1' | 'onA2' | 'onB1' | 'mineOnA1', Incident> = {} as never;
let sites: { a: number; b: number };
let rooms: { a1: number; a2: number; b1: number };
let tenants: { nova: number; kore: number };
let people: { coordinator: number; technician: number };

beforeAll(async () => {
  t = await startTestApp({ env: { VIGIE_SLA_WATCH_SECONDS: '0' } });
  const admin = await signedIn(t.url, 'admin');
  [coordinator, technician] = await Promise.all([
    signedIn(t.url, 'coordinator'),
    signedIn(t.url, 'technician'),
  ]);
  const ids = await tenantIdsOf(admin);
  tenants = { nova: ids.NOVA!, kore: ids.KORE! };
  people = { coordinator: await userIdOf(coordinator), technician: await userIdOf(technician) };
  const [a1, a2] = [await newRoom(admin), await newRoom(admin)];
  const siteB = await created(
    await admin.post('/api/sites', {
      code: unique('B')
        .toUpperCase()
        .replace(/[^A-Z0-9-]/g, '-')
        .slice(0, 16),
      name: unique('Second site'),
      timeZone: 'Europe/Paris',
      countryCode: 'FR',
    }),
    (value) => siteSchema.parse(value),
  );
  const b1 = await created(
    await admin.post('/api/rooms', { siteId: siteB.id, name: unique('Room'), gridColumns: 4, gridRows: 2 }),
    (value) => roomSchema.parse(value),
  );
  sites = { a: a1.siteId, b: siteB.id };
  rooms = { a1: a1.id, a2: a2.id, b1: b1.id };
  const open = (name: string, extra: Parameters<typeof newIncident>[1]) =>
    newIncident(coordinator, { title: `${tag} ${name}`, ...extra });
  made.onA1 = await open('A1', {
    roomId: rooms.a1,
    tenantIds: [tenants.nova],
    impact: 1,
    urgency: 1,
    assigneeId: people.technician,
  });
  made.onA2 = await open('A2', { roomId: rooms.a2, tenantIds: [tenants.kore], impact: 3, urgency: 3 });
  made.onB1 = await open('B1', {
    roomId: rooms.b1,
    tenantIds: [tenants.nova, tenants.kore],
    impact: 2,
    urgency: 2,
    assigneeId: people.technician,
  });
  made.mineOnA1 = await open('mine', {
    roomId: rooms.a1,
    tenantIds: [],
    impact: 1,
    urgency: 2,
    assigneeId: people.coordinator,
  });
});
afterAll(() => t.close());

/** The references the list gives for a query string, among this file's incidents. */
async function listed(query: string, as: ApiClient = coordinator): Promise<string[]> {
  const page = await ok(
    await as.get(`/api/incidents?limit=200&search=${encodeURIComponent(tag)}&${query}`),
    (value) => pageSchema(incidentSchema).parse(value),
  );
  return page.items.map((item) => item.reference).sort();
}
const refs = (...incidents: Incident[]) => incidents.map((incident) => incident.reference).sort();

describe('incident list filters', () => {
  it('has four incidents of distinct sites, rooms, tenants, priorities and assignees to filter', async () => {
    expect(await listed('')).toEqual(refs(made.onA1, made.onA2, made.onB1, made.mineOnA1));
    expect(new Set(Object.values(made).map((incident) => incident.priority)).size).toBe(4);
    expect(made.onA1.site?.id).toBe(sites.a);
    expect(made.onB1.site?.id).toBe(sites.b);
  });

  it('filters by site', async () => {
    expect(await listed(`siteId=${sites.a}`)).toEqual(refs(made.onA1, made.onA2, made.mineOnA1));
    expect(await listed(`siteId=${sites.b}`)).toEqual(refs(made.onB1));
  });

  it('filters by room', async () => {
    expect(await listed(`roomId=${rooms.a1}`)).toEqual(refs(made.onA1, made.mineOnA1));
    expect(await listed(`roomId=${rooms.b1}`)).toEqual(refs(made.onB1));
  });

  it('filters by affected tenant', async () => {
    expect(await listed(`tenantId=${tenants.nova}`)).toEqual(refs(made.onA1, made.onB1));
    expect(await listed(`tenantId=${tenants.kore}`)).toEqual(refs(made.onA2, made.onB1));
  });

  it('filters by one priority or several', async () => {
    expect(await listed(`priority=${made.onA1.priority}`)).toEqual(refs(made.onA1));
    expect(await listed(`priority=${made.onA2.priority},${made.onB1.priority}`)).toEqual(
      refs(made.onA2, made.onB1),
    );
    expect(await listed(`priority=${made.onA2.priority}&priority=${made.mineOnA1.priority}`)).toEqual(
      refs(made.onA2, made.mineOnA1),
    );
  });

  it('filters by assignee', async () => {
    expect(await listed(`assigneeId=${people.technician}`)).toEqual(refs(made.onA1, made.onB1));
    expect(await listed(`assigneeId=${people.coordinator}`)).toEqual(refs(made.mineOnA1));
  });

  it("filters on the signed-in user's own incidents", async () => {
    expect(await listed('mine=1')).toEqual(refs(made.mineOnA1));
    expect(await listed('mine=true', technician)).toEqual(refs(made.onA1, made.onB1));
    expect(await listed('mine=false')).toEqual(refs(made.onA1, made.onA2, made.onB1, made.mineOnA1));
  });

  it('combines filters: every one must hold', async () => {
    expect(await listed(`siteId=${sites.a}&tenantId=${tenants.nova}`)).toEqual(refs(made.onA1));
    expect(
      await listed(`roomId=${rooms.a1}&priority=${made.onA1.priority},${made.mineOnA1.priority}&mine=1`),
    ).toEqual(refs(made.mineOnA1));
    expect(
      await listed(`siteId=${sites.b}&tenantId=${tenants.kore}&assigneeId=${people.technician}`, technician),
    ).toEqual(refs(made.onB1));
    expect(await listed(`siteId=${sites.b}&assigneeId=${people.coordinator}`)).toEqual([]);
  });
});
