import {
  liveEventPayloads,
  occurrenceSchema,
  pageSchema,
  siteSchema,
  type LiveEventType,
  type Site,
} from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskScheduler } from '../../server/src/tasks/task-scheduler.js';
import { newContract, newIncident, newTenant } from '../integration/support/incident-fixtures.js';
import {
  newDevice,
  newRack,
  newRoom,
  newType,
  tenantIdsOf,
  unique,
} from '../integration/support/inventory-fixtures.js';
import { LiveClient } from '../integration/support/live-client.js';
import { signStep, startRun, tempLibrary, userIdOf } from '../integration/support/run-fixtures.js';
import { withRawDatabase } from '../integration/support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from '../integration/support/test-app.js';

/**
 * Who receives each live event type, checked with a real socket.io client per demo role, plus a
 * client viewer of another tenant. The table is keyed by the shared event map: a new event type
 * fails to compile, and fails here, until it says who may see it and how to produce it.
 */
const recipients = ['admin', 'coordinator', 'technician', 'manager', 'viewer', 'otherViewer'] as const;
type Recipient = (typeof recipients)[number];

const staff: Recipient[] = ['admin', 'coordinator', 'technician', 'manager'];
/** Objects of the viewer's tenant: staff and that tenant's viewers, never another tenant's. */
const viewerTenant: Recipient[] = [...staff, 'viewer'];
/** Sites, rooms and the type catalogue: every signed-in role. */
const everyone: Recipient[] = [...viewerTenant, 'otherViewer'];

interface World {
  t: TestApp;
  as: Record<Recipient, ApiClient>;
  /** The tenant of the demo viewer, and the one of the other viewer. */
  viewerTenantId: number;
  otherTenantId: number;
  site: Site;
  /** Ids of what earlier steps made, for the later steps. */
  made: Record<string, { id: number; version?: number }>;
}

interface Expectation {
  to: Recipient[];
  produce: (world: World) => Promise<void>;
}

async function json<T = { id: number; version: number }>(response: Response, status = 201): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return (text ? JSON.parse(text) : undefined) as T;
}
const del = (client: ApiClient, path: string) => client.request('DELETE', path);
/** Inventory deletes name the version they remove (400 without, 409 when stale): read it just before. */
const delCurrent = async (client: ApiClient, path: string) => {
  const { version } = (await (await client.get(path)).json()) as { version: number };
  return del(client, `${path}?version=${version}`);
};

function upload(world: World, path: string, part: string, name: string, text: string): Promise<Response> {
  const form = new FormData();
  form.append(part, new Blob([text]), name);
  return fetch(`${world.t.url}${path}`, {
    method: 'POST',
    body: form,
    headers: { cookie: world.as.admin.cookie! },
  });
}

const deviceTypeYaml = (slug: string) => `manufacturer: Acme
model: ${slug}
slug: ${slug}
u_height: 1
is_full_depth: true
`;

async function startTask(world: World) {
  return json(
    await world.as.coordinator.post('/api/tasks', {
      title: unique('Round'),
      procedureId: 'check-ups',
      scope: { siteId: world.site.id },
      schedule: { kind: 'daily', times: ['07:00', '19:00'] },
    }),
  );
}

const audience: Record<LiveEventType, Expectation> = {
  'user.created': {
    to: ['admin'],
    produce: async ({ as }) => {
      await json(
        await as.admin.post('/api/users', {
          username: unique('matrix').toLowerCase(),
          displayName: 'Matrix user',
          role: 'technician',
          password: 'a-long-enough-password',
        }),
      );
    },
  },
  // Addressed to administrators and to the user themself.
  'user.updated': {
    to: ['admin', 'technician'],
    produce: async ({ as }) => {
      await json(await as.technician.patch('/api/auth/me', { locale: 'en' }), 200);
    },
  },
  'site.created': {
    to: everyone,
    produce: async (world) => {
      world.made.site = await json(
        await world.as.admin.post('/api/sites', {
          code: unique('S').toUpperCase(),
          name: 'Matrix site',
          timeZone: 'Europe/Paris',
          countryCode: 'FR',
        }),
      );
    },
  },
  'site.updated': {
    to: everyone,
    produce: async ({ as, made }) => {
      await json(
        await as.admin.patch(`/api/sites/${made.site!.id}`, { version: made.site!.version, name: 'Renamed' }),
        200,
      );
    },
  },
  'site.deleted': {
    to: everyone,
    produce: async ({ as, made }) => {
      await json(await delCurrent(as.admin, `/api/sites/${made.site!.id}`), 204);
    },
  },
  'room.created': {
    to: everyone,
    produce: async (world) => {
      world.made.room = await newRoom(world.as.admin);
    },
  },
  'room.updated': {
    to: everyone,
    produce: async ({ as, made }) => {
      await json(
        await as.admin.patch(`/api/rooms/${made.room!.id}`, { version: made.room!.version, gridRows: 5 }),
        200,
      );
    },
  },
  'room.deleted': {
    to: everyone,
    produce: async ({ as }) => {
      const room = await newRoom(as.admin);
      await json(await delCurrent(as.admin, `/api/rooms/${room.id}`), 204);
    },
  },
  'rack.created': {
    to: viewerTenant,
    produce: async (world) => {
      world.made.rack = await newRack(world.as.admin, world.made.room!.id, {
        tenantId: world.viewerTenantId,
      });
    },
  },
  'rack.updated': {
    to: viewerTenant,
    produce: async ({ as, made }) => {
      await json(
        await as.admin.patch(`/api/racks/${made.rack!.id}`, { version: made.rack!.version, rowLabel: 'B' }),
        200,
      );
    },
  },
  'rack.deleted': {
    to: viewerTenant,
    produce: async ({ as, made, viewerTenantId }) => {
      const rack = await newRack(as.admin, made.room!.id, { tenantId: viewerTenantId });
      await json(await delCurrent(as.admin, `/api/racks/${rack.id}`), 204);
    },
  },
  'device-type.created': {
    to: everyone,
    produce: async (world) => {
      world.made.type = await newType(world.as.admin);
    },
  },
  'device-type.updated': {
    to: everyone,
    produce: async ({ as, made }) => {
      await json(
        await as.admin.patch(`/api/device-types/${made.type!.id}`, {
          version: made.type!.version,
          partNumber: 'PN-1',
        }),
        200,
      );
    },
  },
  'device-type.imported': {
    to: everyone,
    produce: async (world) => {
      const slug = unique('imported').toLowerCase();
      await json(
        await upload(world, '/api/device-types/import', 'files', `${slug}.yaml`, deviceTypeYaml(slug)),
        200,
      );
    },
  },
  'device-type.deleted': {
    to: everyone,
    produce: async ({ as }) => {
      const type = await newType(as.admin);
      await json(await delCurrent(as.admin, `/api/device-types/${type.id}`), 204);
    },
  },
  'device.created': {
    to: viewerTenant,
    produce: async (world) => {
      world.made.device = await newDevice(world.as.admin, world.made.type!.id, world.made.rack!.id, {
        tenantId: world.viewerTenantId,
      });
    },
  },
  'device.updated': {
    to: viewerTenant,
    produce: async ({ as, made }) => {
      await json(
        await as.admin.patch(`/api/devices/${made.device!.id}`, {
          version: made.device!.version,
          name: unique('dev'),
        }),
        200,
      );
    },
  },
  'device.deleted': {
    to: viewerTenant,
    produce: async ({ as, made, viewerTenantId }) => {
      const device = await newDevice(as.admin, made.type!.id, made.rack!.id, {
        tenantId: viewerTenantId,
        position: 10,
      });
      await json(await delCurrent(as.admin, `/api/devices/${device.id}`), 204);
    },
  },
  // A new tenant has no viewers yet: staff only.
  'tenant.created': {
    to: staff,
    produce: async (world) => {
      world.made.tenant = await newTenant(world.as.admin);
    },
  },
  'tenant.updated': {
    to: viewerTenant,
    produce: async ({ as, viewerTenantId }) => {
      const tenant = await json(await as.admin.get(`/api/tenants/${viewerTenantId}`), 200);
      await json(
        await as.admin.patch(`/api/tenants/${viewerTenantId}`, {
          version: tenant.version,
          name: 'Novabank SA',
        }),
        200,
      );
    },
  },
  'tenant.deleted': {
    to: staff,
    produce: async ({ as, made }) => {
      await json(await delCurrent(as.admin, `/api/tenants/${made.tenant!.id}`), 204);
    },
  },
  // Contracts: administrators and service delivery managers only (DESIGN.md §4).
  'contract.created': {
    to: ['admin', 'manager'],
    produce: async (world) => {
      const tenant = await newTenant(world.as.admin);
      world.made.contract = await newContract(world.as.admin, { tenantId: tenant.id });
    },
  },
  'contract.updated': {
    to: ['admin', 'manager'],
    produce: async ({ as, made }) => {
      await json(
        await as.admin.patch(`/api/contracts/${made.contract!.id}`, {
          version: made.contract!.version,
          reference: unique('CTR'),
        }),
        200,
      );
    },
  },
  // The rack ids of a bulk import span tenants: staff only.
  'inventory.imported': {
    to: staff,
    produce: async (world) => {
      const room = await json<{ name: string }>(
        await world.as.admin.get(`/api/rooms/${world.made.room!.id}`),
        200,
      );
      const csv = [
        'site,room,name,row,grid_x,grid_y,u_height,power_budget_kw,max_weight_kg,status,tenant',
        `${world.site.code},${room.name},${unique('IMP')},C,9,3,42,6,1000,active,`,
      ].join('\n');
      await json(await upload(world, '/api/racks/import', 'file', 'racks.csv', csv), 200);
    },
  },
  'run.started': {
    to: staff,
    produce: async (world) => {
      world.made.run = await startRun(world.as.coordinator, 'check-ups');
    },
  },
  'run.updated': {
    to: staff,
    produce: async ({ as, made }) => {
      const assigneeId = await userIdOf(as.technician);
      await json(
        await as.coordinator.patch(`/api/runs/${made.run!.id}`, { version: made.run!.version, assigneeId }),
        200,
      );
    },
  },
  'step.recorded': {
    to: staff,
    produce: async ({ as, made }) => {
      await signStep(as.coordinator, made.run!.id, 'badge-in', { outcome: 'done' });
    },
  },
  'step.verified': {
    to: staff,
    produce: async ({ as, made }) => {
      await signStep(as.coordinator, made.run!.id, 'read-load', { outcome: 'done', reading: 40 });
      const { record } = await signStep(as.coordinator, made.run!.id, 'switch-bypass', { outcome: 'done' });
      await json(
        await as.admin.post(`/api/runs/${made.run!.id}/steps/switch-bypass/verification`, {
          recordId: record.id,
        }),
      );
    },
  },
  // Incidents: staff see them all; a client viewer only those of their tenant (redacted).
  'incident.created': {
    to: viewerTenant,
    produce: async (world) => {
      world.made.incident = await newIncident(world.as.coordinator, { tenantIds: [world.viewerTenantId] });
    },
  },
  'incident.updated': {
    to: viewerTenant,
    produce: async (world) => {
      const incident = world.made.incident!;
      world.made.incident = await json(
        await world.as.coordinator.patch(`/api/incidents/${incident.id}`, {
          version: incident.version,
          urgency: 1,
        }),
        200,
      );
    },
  },
  // Notes are internal unless marked visible to the client (then the tenant's viewers get them too,
  // as test/integration/incidents-tenancy.test.ts shows): this one is internal.
  'incident.note-added': {
    to: staff,
    produce: async ({ as, made }) => {
      await json(
        await as.coordinator.post(`/api/incidents/${made.incident!.id}/notes`, { text: 'Checked on site' }),
      );
    },
  },
  // Moved to another tenant: its former tenant's viewer is told to drop it, nobody else.
  'incident.removed': {
    to: ['viewer'],
    produce: async ({ as, made, otherTenantId }) => {
      const incident = made.incident!;
      await json(
        await as.coordinator.patch(`/api/incidents/${incident.id}`, {
          version: incident.version,
          tenantIds: [otherTenantId],
        }),
        200,
      );
    },
  },
  'holiday.created': {
    to: staff,
    produce: async (world) => {
      world.made.holiday = await json(
        await world.as.admin.post('/api/holidays', { countryCode: 'FR', date: '2031-05-02', name: 'Pont' }),
      );
    },
  },
  'holiday.deleted': {
    to: staff,
    produce: async ({ as, made }) => {
      await json(await del(as.admin, `/api/holidays/${made.holiday!.id}`), 204);
    },
  },
  'shift-log.entry-added': {
    to: staff,
    produce: async ({ as, site }) => {
      await json(
        await as.coordinator.post('/api/shift-log', {
          siteId: site.id,
          category: 'event',
          text: 'Door A open',
        }),
      );
    },
  },
  'handover.submitted': {
    to: staff,
    produce: async (world) => {
      world.made.handover = await json(
        await world.as.coordinator.post('/api/handovers', { siteId: world.site.id, notes: 'Quiet night' }),
      );
    },
  },
  'handover.acknowledged': {
    to: staff,
    produce: async ({ as, made }) => {
      await json(await as.admin.post(`/api/handovers/${made.handover!.id}/acknowledge`), 200);
    },
  },
  'task.created': {
    to: staff,
    produce: async (world) => {
      world.made.task = await startTask(world);
    },
  },
  'task.updated': {
    to: staff,
    produce: async ({ as, made }) => {
      await json(
        await as.coordinator.patch(`/api/tasks/${made.task!.id}`, {
          version: made.task!.version,
          title: 'Renamed round',
        }),
        200,
      );
    },
  },
  'occurrence.created': {
    to: staff,
    produce: async (world) => {
      await startTask(world);
    },
  },
  'occurrence.updated': {
    to: staff,
    produce: async ({ as, made }) => {
      const page = pageSchema(occurrenceSchema).parse(
        await json(await as.coordinator.get(`/api/occurrences?taskId=${made.task!.id}`), 200),
      );
      await json(
        await as.coordinator.post(`/api/occurrences/${page.items.at(-1)!.id}/cancel`, {
          reason: 'Room closed',
        }),
        200,
      );
    },
  },
  // Flagged by the scheduler, not by a request: one pass past the first occurrence's grace period.
  'occurrence.overdue': {
    to: staff,
    produce: async ({ t, as, made }) => {
      const page = pageSchema(occurrenceSchema).parse(
        await json(await as.coordinator.get(`/api/occurrences?taskId=${made.task!.id}`), 200),
      );
      const first = Math.min(...page.items.map((occurrence) => Date.parse(occurrence.scheduledAt)));
      await t.app.get(TaskScheduler).tick(new Date(first + 2 * 3_600_000));
    },
  },
};

const demoUser: Record<Recipient, string> = {
  admin: 'admin',
  coordinator: 'coordinator',
  technician: 'technician',
  manager: 'manager',
  viewer: 'viewer',
  otherViewer: 'other.viewer',
};

describe('who receives each live event', () => {
  const library = tempLibrary();
  let world: World;
  const live = new Map<Recipient, LiveClient>();

  const headSeq = () =>
    withRawDatabase(
      world.t.config.databaseFile,
      (db) =>
        (db.prepare('select coalesce(max(seq), 0) as seq from live_event').get() as { seq: number }).seq,
    );
  const storedTypes = (from: number, to: number) =>
    withRawDatabase(world.t.config.databaseFile, (db) =>
      (
        db.prepare('select type from live_event where seq > ? and seq <= ?').all(from, to) as {
          type: string;
        }[]
      ).map((row) => row.type),
    );

  beforeAll(async () => {
    const t = await startTestApp({
      env: {
        VIGIE_PROCEDURES_DIR: library.dir,
        VIGIE_TASK_SCHEDULER_SECONDS: '0',
        VIGIE_SLA_WATCH_SECONDS: '0',
      },
    });
    const admin = await signedIn(t.url, 'admin');
    const viewerTenantId = (
      await json<{ user: { tenantId: number } }>(
        await (await signedIn(t.url, 'viewer')).get('/api/auth/me'),
        200,
      )
    ).user.tenantId;
    const otherTenantId = Object.values(await tenantIdsOf(admin)).find((id) => id !== viewerTenantId)!;
    await json(
      await admin.post('/api/users', {
        username: demoUser.otherViewer,
        displayName: 'Other tenant viewer',
        role: 'client_viewer',
        tenantId: otherTenantId,
        password: 'a-long-enough-password',
      }),
    );
    const as = {} as Record<Recipient, ApiClient>;
    for (const recipient of recipients) {
      as[recipient] = await signedIn(
        t.url,
        demoUser[recipient],
        recipient === 'otherViewer' ? 'a-long-enough-password' : undefined,
      );
    }
    const [site] = pageSchema(siteSchema).parse(await json(await admin.get('/api/sites'), 200)).items;
    world = { t, as, viewerTenantId, otherTenantId, site: site!, made: {} };
    for (const recipient of recipients) live.set(recipient, new LiveClient(t.url, as[recipient].cookie));
    await Promise.all([...live.values()].map((client) => client.ready()));
  });
  afterAll(async () => {
    for (const client of live.values()) client.close();
    await world?.t.close();
    library.close();
  });

  it('has an audience for every type of the shared event map, and no other', () => {
    expect(Object.keys(audience).sort()).toEqual(Object.keys(liveEventPayloads).sort());
  });

  it('refuses the handshake of a socket without a live session: it never receives anything', async () => {
    const signedOut = await signedIn(world.t.url, 'coordinator');
    const staleCookie = signedOut.cookie;
    expect((await signedOut.post('/api/auth/logout')).status).toBe(204);
    // No cookie, a forged token, and the cookie of a session that has signed out.
    const refused = [undefined, `vigie_session=${'x'.repeat(43)}`, staleCookie].map(
      (cookie) => new LiveClient(world.t.url, cookie),
    );
    try {
      const outcomes = await Promise.allSettled(refused.map((client) => client.ready()));
      expect(outcomes.map((outcome) => outcome.status === 'rejected' && String(outcome.reason))).toEqual(
        refused.map(() => 'Error: unauthenticated'),
      );
      await json(
        await world.as.coordinator.post('/api/shift-log', {
          siteId: world.site.id,
          category: 'event',
          text: 'Probe',
        }),
      );
      await live
        .get('coordinator')!
        .until((events) => events.some((event) => event.type === 'shift-log.entry-added'));
      expect(refused.map((client) => [client.socket.connected, client.events.length])).toEqual(
        refused.map(() => [false, 0]),
      );
    } finally {
      for (const client of refused) client.close();
    }
  });

  it('delivers each event type to exactly the roles and tenant allowed to see it', async () => {
    const ranges: { type: LiveEventType; from: number; to: number }[] = [];
    for (const [type, expectation] of Object.entries(audience) as [LiveEventType, Expectation][]) {
      const from = headSeq();
      await expectation.produce(world);
      const to = headSeq();
      // The step really produced its type through the API.
      expect({ type, stored: storedTypes(from, to).includes(type) }).toEqual({ type, stored: true });
      ranges.push({ type, from, to });
    }

    // A last event every client may see: each socket receives in order, so once every client has
    // it, everything before it has arrived too.
    const { id } = world.made.room!;
    const barrier = headSeq() + 1;
    const room = await json(await world.as.admin.get(`/api/rooms/${id}`), 200);
    await json(
      await world.as.admin.patch(`/api/rooms/${id}`, { version: room.version, gridColumns: 11 }),
      200,
    );
    await Promise.all(
      [...live.values()].map((client) =>
        client.until((events) => events.some((event) => event.seq >= barrier)),
      ),
    );

    const actual = ranges.map(({ type, from, to }) => ({
      type,
      to: recipients.filter((recipient) =>
        live
          .get(recipient)!
          .events.some((event) => event.type === type && event.seq > from && event.seq <= to),
      ),
    }));
    const expected = ranges.map(({ type }) => ({
      type,
      to: recipients.filter((recipient) => audience[type].to.includes(recipient)),
    }));
    expect(actual).toEqual(expected);
  });
});
