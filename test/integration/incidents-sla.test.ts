import { type Incident, type Tenant } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SlaWatcher } from '../../server/src/incidents/sla-watcher.js';
import {
  auditCount,
  clockOf,
  getIncident,
  moved,
  newContract,
  newIncident,
  newTenant,
  parseIncident,
  timelineOf,
  uniformPolicy,
} from './support/incident-fixtures.js';
import { newRack, newRoom, ok } from './support/inventory-fixtures.js';
import { LiveClient } from './support/live-client.js';
import { signedIn, startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

// The server runs in this process: faking Date moves its clock too (timers stay real).
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const longSessions = { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '720' };
/** Sessions still expire after a day idle: sign in again after a jump over a weekend. */
const signInAt = async (iso: string, t: TestApp) => {
  at(iso);
  return signedIn(t.url, 'coordinator');
};

describe('SLA clocks on a business-hours contract (Mon–Fri 08:00–18:00, Paris)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let tenant: Tenant;
  let rackId: number;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-11-27T15:00:00Z');
    t = await startTestApp({ env: { VIGIE_SLA_WATCH_SECONDS: '0', ...longSessions } });
    [admin, coordinator] = await Promise.all([signedIn(t.url, 'admin'), signedIn(t.url, 'coordinator')]);
    tenant = await newTenant(admin);
    await newContract(admin, {
      tenantId: tenant.id,
      serviceHours: 'business_hours',
      businessHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
      slaPolicy: uniformPolicy(120, 240, 480),
    });
    const room = await newRoom(admin);
    rackId = (await newRack(admin, room.id, { tenantId: tenant.id })).id;
  });
  afterAll(async () => {
    await t.close();
    vi.useRealTimers();
  });

  it('counts only business hours: opened Friday 17:00, acknowledgement due Monday 09:00', async () => {
    at('2026-11-27T16:00:00Z');
    const incident = await newIncident(coordinator, { rackIds: [rackId] });
    expect(incident.slaContract?.tenantId).toBe(tenant.id);
    expect(clockOf(incident, 'ack')).toMatchObject({
      state: 'running',
      targetMinutes: 120,
      dueAt: '2026-11-30T08:00:00.000Z',
      warnAt: '2026-11-30T07:30:00.000Z',
    });
    expect(clockOf(incident, 'resolve').dueAt).toBe('2026-11-30T14:00:00.000Z');
    expect(incident.nextDueAt).toBe('2026-11-30T08:00:00.000Z');
  });

  it("skips the site's public holidays", async () => {
    coordinator = await signInAt('2026-12-04T16:00:00Z', t);
    admin = await signedIn(t.url, 'admin');
    const holiday = await admin.post('/api/holidays', {
      countryCode: 'FR',
      date: '2026-12-07',
      name: 'Test day off',
    });
    expect(holiday.status).toBe(201);
    // Friday 17:00 Paris: 60 min served, Monday is off, the other 60 min on Tuesday from 08:00.
    const incident = await newIncident(coordinator, { rackIds: [rackId] });
    expect(incident.site?.code).toBe('PAR1');
    expect(clockOf(incident, 'ack').dueAt).toBe('2026-12-08T08:00:00.000Z');
  });

  it('pauses restore and resolve only while pending, and moves their due times by the service time paused', async () => {
    at('2026-11-27T16:00:00Z');
    let incident = await newIncident(coordinator, { rackIds: [rackId] });
    at('2026-11-27T16:30:00Z');
    incident = await moved(coordinator, incident, { to: 'acknowledged' });
    expect(clockOf(incident, 'ack')).toMatchObject({ state: 'met', stoppedAt: '2026-11-27T16:30:00.000Z' });
    incident = await moved(coordinator, incident, { to: 'in_progress' });
    expect(clockOf(incident, 'restore').state).toBe('running');
    at('2026-11-27T16:45:00Z');
    incident = await moved(coordinator, incident, { to: 'pending', pendingReason: 'vendor' });
    expect(clockOf(incident, 'restore')).toMatchObject({ state: 'paused', dueAt: null, warnAt: null });
    expect(clockOf(incident, 'resolve').state).toBe('paused');
    expect(incident.nextDueAt).toBeNull();
    // Back at work Monday 09:00 Paris: paused 15 min on Friday + 60 min on Monday morning.
    coordinator = await signInAt('2026-11-30T08:00:00Z', t);
    incident = await moved(coordinator, incident, { to: 'in_progress' });
    expect(clockOf(incident, 'restore')).toMatchObject({
      state: 'running',
      elapsedMinutes: 45,
      pausedMinutes: 75,
      dueAt: '2026-11-30T11:15:00.000Z',
    });
    expect(clockOf(incident, 'resolve').dueAt).toBe('2026-11-30T15:15:00.000Z');
    // Mitigation stops restore (met); pending afterwards pauses resolve only.
    at('2026-11-30T09:00:00Z');
    incident = await moved(coordinator, incident, { to: 'mitigated', workaround: 'Spare PDU on the B feed' });
    expect(clockOf(incident, 'restore')).toMatchObject({
      state: 'met',
      stoppedAt: '2026-11-30T09:00:00.000Z',
    });
    incident = await moved(coordinator, incident, { to: 'pending', pendingReason: 'parts' });
    expect(clockOf(incident, 'restore').state).toBe('met');
    expect(clockOf(incident, 'resolve').state).toBe('paused');
  });

  it('has the watcher record the 75 % warning, then the breach with an escalation, once, and announce them', async () => {
    coordinator = await signInAt('2026-11-30T08:00:00Z', t);
    const incident = await newIncident(coordinator, { rackIds: [rackId] });
    const staff = new LiveClient(t.url, coordinator.cookie);
    await staff.ready();
    const watcher = t.app.get(SlaWatcher);
    const kinds = async () => (await timelineOf(coordinator, incident.id)).map((entry) => entry.kind);
    const updatesOf = () =>
      staff.events
        .filter((event) => event.type === 'incident.updated')
        .map((event) => parseIncident(event.payload))
        .filter((payload) => payload.id === incident.id);
    try {
      await watcher.tick(new Date('2026-11-30T09:29:00Z'));
      expect(await kinds()).toEqual(['transition']);

      await watcher.tick(new Date('2026-11-30T09:31:00Z'));
      await watcher.tick(new Date('2026-11-30T09:32:00Z'));
      const warned = await timelineOf(coordinator, incident.id);
      expect(warned.map((entry) => entry.kind)).toEqual(['transition', 'sla_warning']);
      expect(warned[1]).toMatchObject({
        author: null,
        details: { metric: 'ack', dueAt: '2026-11-30T10:00:00.000Z' },
      });
      await staff.until(() => updatesOf().length >= 1);

      // Two passes at once (as two server processes would): the breach is recorded once.
      await Promise.all([
        watcher.tick(new Date('2026-11-30T10:01:00Z')),
        watcher.tick(new Date('2026-11-30T10:01:00Z')),
      ]);
      expect(await kinds()).toEqual(['transition', 'sla_warning', 'sla_breach', 'escalation']);
      const breached = await getIncident(coordinator, incident.id);
      expect(breached.escalationLevel).toBe(1);
      expect(breached.updatedBy).toBeNull();
      expect(clockOf(breached, 'ack')).toMatchObject({
        state: 'breached',
        breachedAt: '2026-11-30T10:00:00.000Z',
        dueAt: '2026-11-30T10:00:00.000Z',
      });
      await staff.until(() => updatesOf().some((update) => update.escalationLevel === 1));
      expect(auditCount(t.config.databaseFile, incident.id, 'incident.sla')).toBe(2);
    } finally {
      staff.close();
    }
  });

  it('never rewrites a past due time when the priority or the contract changes', async () => {
    coordinator = await signInAt('2026-11-30T08:00:00Z', t);
    admin = await signedIn(t.url, 'admin');
    let incident: Incident = await newIncident(coordinator, { rackIds: [rackId], impact: 3, urgency: 3 });
    await t.app.get(SlaWatcher).tick(new Date('2026-11-30T10:05:00Z'));
    at('2026-11-30T10:05:00Z');
    incident = await getIncident(coordinator, incident.id);
    expect(clockOf(incident, 'ack').breachedAt).toBe('2026-11-30T10:00:00.000Z');
    const relaxed = await newTenant(admin);
    await newContract(admin, { tenantId: relaxed.id, slaPolicy: uniformPolicy(600, 900, 1200) });
    incident = await ok(
      await coordinator.patch(`/api/incidents/${incident.id}`, {
        version: incident.version,
        urgency: 1,
        tenantIds: [relaxed.id],
      }),
      parseIncident,
    );
    expect(incident.priority).toBe('P3');
    expect(incident.slaContract?.tenantId).toBe(relaxed.id);
    expect(clockOf(incident, 'ack')).toMatchObject({
      state: 'breached',
      dueAt: '2026-11-30T10:00:00.000Z',
      breachedAt: '2026-11-30T10:00:00.000Z',
    });
    // The clocks still counting take the new contract's targets.
    expect(clockOf(incident, 'resolve').targetMinutes).toBe(1200);
  });

  it('orders the board by priority, then by the nearest due time', async () => {
    coordinator = await signInAt('2026-11-30T08:00:00Z', t);
    const later = await newIncident(coordinator, {
      rackIds: [rackId],
      impact: 1,
      urgency: 1,
      title: 'board-later',
    });
    at('2026-11-30T07:50:00Z');
    const sooner = await newIncident(coordinator, {
      rackIds: [rackId],
      impact: 1,
      urgency: 1,
      title: 'board-sooner',
    });
    const major = await newIncident(coordinator, {
      rackIds: [rackId],
      impact: 3,
      urgency: 3,
      major: true,
      title: 'board-major',
    });
    const page = await ok(
      await coordinator.get(`/api/incidents?tenantId=${tenant.id}&status=new&limit=200`),
      (value) => value as { items: Incident[] },
    );
    const order = page.items
      .map((item) => item.id)
      .filter((id) => [later.id, sooner.id, major.id].includes(id));
    expect(order).toEqual([major.id, sooner.id, later.id]);
  });

  it('has the watcher recompute before it records: a holiday or a relaxed contract added since leaves no false breach', async () => {
    // Opened Friday 11 December 17:00 Paris: 60 min served Friday, due Monday 09:00, warned at 08:30.
    coordinator = await signInAt('2026-12-11T16:00:00Z', t);
    admin = await signedIn(t.url, 'admin');
    const beforeHoliday = await newIncident(coordinator, { rackIds: [rackId] });
    expect(clockOf(beforeHoliday, 'ack').dueAt).toBe('2026-12-14T08:00:00.000Z');
    // A 24x7 contract of another tenant, relaxed after the incident was opened.
    const relaxed = await newTenant(admin);
    const contract = await newContract(admin, {
      tenantId: relaxed.id,
      slaPolicy: uniformPolicy(60, 240, 480),
    });
    const relaxedRack = (await newRack(admin, (await newRoom(admin)).id, { tenantId: relaxed.id })).id;
    const beforeRelax = await newIncident(coordinator, { rackIds: [relaxedRack] });
    expect(clockOf(beforeRelax, 'ack').dueAt).toBe('2026-12-11T17:00:00.000Z');

    // Neither change touches the incidents: their stored due times are now stale.
    const holiday = await admin.post('/api/holidays', {
      countryCode: 'FR',
      date: '2026-12-14',
      name: 'Late day off',
    });
    expect(holiday.status).toBe(201);
    const relaxedPolicy = await admin.patch(`/api/contracts/${contract.id}`, {
      version: contract.version,
      slaPolicy: uniformPolicy(600, 900, 1200),
    });
    expect(relaxedPolicy.status).toBe(200);

    const watcher = t.app.get(SlaWatcher);
    // Past the relaxed contract's old due time (Friday 17:00 UTC), before its new one (Saturday 02:00 UTC).
    await watcher.tick(new Date('2026-12-11T17:01:00Z'));
    const relaxedNow = await getIncident(coordinator, beforeRelax.id);
    expect(relaxedNow.escalationLevel).toBe(0);
    expect(clockOf(relaxedNow, 'ack')).toMatchObject({ state: 'running', dueAt: '2026-12-12T02:00:00.000Z' });
    expect((await timelineOf(coordinator, beforeRelax.id)).map((entry) => entry.kind)).toEqual([
      'transition',
    ]);

    // Past the business-hours incident's old due time (Monday 09:00 Paris), now a holiday.
    await watcher.tick(new Date('2026-12-14T08:01:00Z'));
    coordinator = await signInAt('2026-12-14T08:01:00Z', t);
    const moved = await getIncident(coordinator, beforeHoliday.id);
    expect(moved.escalationLevel).toBe(0);
    expect(clockOf(moved, 'ack')).toMatchObject({ state: 'running', dueAt: '2026-12-15T08:00:00.000Z' });
    expect((await timelineOf(coordinator, beforeHoliday.id)).map((entry) => entry.kind)).toEqual([
      'transition',
    ]);

    // The watcher still records the breach at the new due time.
    await watcher.tick(new Date('2026-12-15T08:01:00Z'));
    const breached = await getIncident(coordinator, beforeHoliday.id);
    expect(breached.escalationLevel).toBe(1);
    expect(clockOf(breached, 'ack')).toMatchObject({
      state: 'breached',
      breachedAt: '2026-12-15T08:00:00.000Z',
    });
  });
});

describe('the SLA watcher on its interval', () => {
  let t: TestApp;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-12-01T09:00:00Z');
    t = await startTestApp({ env: { VIGIE_SLA_WATCH_SECONDS: '1', ...longSessions } });
  });
  afterAll(async () => {
    await t.close();
    vi.useRealTimers();
  });

  it('records the breach of an incident under the default policy within a few seconds of its due time', async () => {
    const coordinator = await signedIn(t.url, 'coordinator');
    const incident = await newIncident(coordinator, { impact: 3, urgency: 3 });
    expect(incident.slaContract).toBeNull();
    expect(clockOf(incident, 'ack').targetMinutes).toBe(480);
    const staff = new LiveClient(t.url, coordinator.cookie);
    await staff.ready();
    try {
      at('2026-12-01T17:01:00Z');
      await staff.until(
        (events) =>
          events.some(
            (event) =>
              event.type === 'incident.updated' &&
              parseIncident(event.payload).id === incident.id &&
              parseIncident(event.payload).escalationLevel === 1,
          ),
        10_000,
      );
    } finally {
      staff.close();
    }
  });
});
