import { MikroORM } from '@mikro-orm/core';
import { incidentReferencePattern, procedureCategories, type Incident, type Page } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentSlaService } from '../../server/src/incidents/incident-sla.service.js';
import { Incident as IncidentEntity } from '../../server/src/incidents/incident.entity.js';
import { SlaWatcher } from '../../server/src/incidents/sla-watcher.js';
import { signedIn, startTestApp, type ApiClient, type TestApp } from './support/test-app.js';
import { withRawDatabase } from './support/sqlite.js';

const msPerDay = 86_400_000;

interface IncidentRow {
  id: number;
  priority: string;
  status: string;
  opened_at: number;
}

interface ClockRow {
  incident_id: number;
  metric: string;
  state: string;
  target_minutes: number;
  due_at: number | null;
  warn_at: number | null;
  elapsed_minutes: number;
  paused_minutes: number;
  stopped_at: number | null;
  breached_at: number | null;
  breach_recorded_at: number | null;
  warning_recorded_at: number | null;
}

describe('demo incident history', () => {
  let t: TestApp;
  let coordinator: ApiClient;
  let startedAt: number;

  beforeAll(async () => {
    startedAt = Date.now();
    t = await startTestApp();
    coordinator = await signedIn(t.url, 'coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  const query = <T>(sql: string, ...params: unknown[]): T[] =>
    withRawDatabase(t.config.databaseFile, (db) => db.prepare(sql).all(...params) as T[]);
  const count = (sql: string, ...params: unknown[]) => query<{ n: number }>(sql, ...params)[0]!.n;
  const share = (part: number, whole: number) => (part / whole) * 100;

  it('holds a year of a few thousand incidents, numbered in opening order', async () => {
    const total = count('select count(*) as n from incident');
    expect(total).toBeGreaterThanOrEqual(2000);
    expect(total).toBeLessThanOrEqual(4000);
    const [span] = query<{ first: number; last: number }>(
      'select min(opened_at) as first, max(opened_at) as last from incident',
    );
    expect(span!.first).toBeGreaterThan(startedAt - 367 * msPerDay);
    expect(span!.first).toBeLessThan(startedAt - 355 * msPerDay);
    expect(span!.last).toBeLessThanOrEqual(Date.now());
    // Ids (hence references) follow the opening times.
    expect(
      count(
        'select count(*) as n from incident a join incident b on b.id > a.id where b.opened_at < a.opened_at',
      ),
    ).toBe(0);

    const page = (await (
      await coordinator.get('/api/incidents?sort=newest&limit=100')
    ).json()) as Page<Incident>;
    const references = page.items.map((incident) => incident.reference);
    expect(references).toHaveLength(100);
    expect(new Set(references).size).toBe(100);
    for (const reference of references) expect(reference).toMatch(incidentReferencePattern);
    expect([...references].sort().reverse()).toEqual(references);
    const opened = page.items.map((incident) => Date.parse(incident.openedAt));
    expect([...opened].sort((a, b) => b - a)).toEqual(opened);
  });

  it('has P1 rare, P2 some, P3 and P4 most, and a handful of P0 majors with root causes', () => {
    const total = count('select count(*) as n from incident');
    const byPriority: Record<string, number> = { P0: 0, P1: 0, P2: 0, P3: 0, P4: 0 };
    for (const row of query<{ priority: string; n: number }>(
      'select priority, count(*) as n from incident group by priority',
    ))
      byPriority[row.priority] = row.n;
    const countOf = (priority: string) => byPriority[priority] ?? 0;
    expect(countOf('P0')).toBeGreaterThanOrEqual(3);
    expect(countOf('P0')).toBeLessThanOrEqual(8);
    expect(share(countOf('P1'), total)).toBeGreaterThan(0.3);
    expect(share(countOf('P1'), total)).toBeLessThan(3);
    expect(share(countOf('P2'), total)).toBeGreaterThan(5);
    expect(share(countOf('P2'), total)).toBeLessThan(25);
    expect(share(countOf('P3') + countOf('P4'), total)).toBeGreaterThan(70);
    const majors = query<{ major: number; root_cause: string | null; status: string }>(
      `select major, root_cause, status from incident where priority = 'P0'`,
    );
    for (const major of majors) {
      expect(major.major).toBe(1);
      expect(major.status).toBe('closed');
      expect(major.root_cause?.length).toBeGreaterThan(40);
    }
  });

  it('spreads incidents over categories, origins, rooms and every tenant', async () => {
    const categories = query<{ category: string }>('select distinct category from incident').map(
      (row) => row.category,
    );
    expect(categories.length).toBeGreaterThanOrEqual(10);
    for (const category of categories) expect(procedureCategories).toContain(category);
    expect(query<{ origin: string }>('select distinct origin from incident order by origin')).toEqual([
      { origin: 'client' },
      { origin: 'monitoring' },
      { origin: 'round' },
      { origin: 'staff' },
    ]);
    expect(count('select count(distinct room_id) as n from incident')).toBe(2);
    const perTenant = query<{ code: string; n: number }>(
      `select t.code, count(*) as n from incident_tenants it join tenant t on t.id = it.tenant_id group by t.code`,
    );
    expect(perTenant).toHaveLength(5);
    for (const tenant of perTenant) expect(tenant.n).toBeGreaterThan(50);
    // Tenants are those of the affected racks and devices, as the server derives them.
    expect(
      count(
        `select count(*) as n from incident_tenants it where it.tenant_id not in (
           select r.tenant_id from incident_racks ir join rack r on r.id = ir.rack_id where ir.incident_id = it.incident_id
           union select d.tenant_id from incident_devices idv join device d on d.id = idv.device_id where idv.incident_id = it.incident_id)`,
      ),
    ).toBe(0);
    // Shared plant trouble concerns no client.
    expect(
      count('select count(*) as n from incident where id not in (select incident_id from incident_tenants)'),
    ).toBeGreaterThan(100);

    const viewer = await signedIn(t.url, 'viewer');
    const mine = (await (await viewer.get('/api/incidents?sort=newest&limit=50')).json()) as Page<Incident>;
    expect(mine.items.length).toBe(50);
    for (const incident of mine.items)
      expect(incident.tenants.map((tenant) => tenant.code)).toEqual(['NOVA']);
  });

  it('takes minutes to acknowledge, hours to restore and days for some P4s', () => {
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const minutes = (sql: string) => median(query<{ m: number }>(sql).map((row) => row.m));
    const ackP2 = minutes(
      `select (acknowledged_at - opened_at) / 60000.0 as m from incident where priority = 'P2' and acknowledged_at is not null`,
    );
    expect(ackP2).toBeGreaterThan(1);
    expect(ackP2).toBeLessThan(30);
    const restoreP2 = minutes(
      `select (coalesce(mitigated_at, resolved_at) - opened_at) / 60000.0 as m from incident
       where priority = 'P2' and status = 'closed' and cancelled_at is null`,
    );
    expect(restoreP2).toBeGreaterThan(30);
    expect(restoreP2).toBeLessThan(12 * 60);
    const longP4 = count(
      `select count(*) as n from incident where priority = 'P4' and resolved_at - opened_at > 3 * ${msPerDay}`,
    );
    expect(longP4).toBeGreaterThan(100);
  });

  it('counts only business hours for HELIO and MERID: nights and weekends do not run their clocks', () => {
    const clocks = query<{ service_hours: string; elapsed: number; wall: number; paused: number }>(
      `select c.service_hours, k.elapsed_minutes as elapsed, k.paused_minutes as paused,
              (k.stopped_at - i.opened_at) / 60000.0 as wall
       from incident_sla_clock k join incident i on i.id = k.incident_id join contract c on c.id = i.sla_contract_id
       where k.metric = 'resolve' and k.stopped_at is not null and i.status = 'closed'
         and not exists (select 1 from incident_timeline_entry e
                         where e.incident_id = i.id and json_extract(e.details, '$.to') = 'reopened')`,
    );
    const business = clocks.filter((clock) => clock.service_hours === 'business_hours');
    const roundTheClock = clocks.filter((clock) => clock.service_hours === '24x7');
    expect(business.length).toBeGreaterThan(100);
    // Out of hours is not counted: most business-hours clocks count well under their wall time.
    expect(
      business.filter((clock) => clock.elapsed < clock.wall * 0.6).length / business.length,
    ).toBeGreaterThan(0.5);
    // Round the clock, every minute counts but the pending ones (reopened incidents aside: resolved time does not count).
    for (const clock of roundTheClock.slice(0, 300))
      expect(Math.abs(clock.elapsed + clock.paused - clock.wall)).toBeLessThan(0.01);
  });

  it('has pending periods with reasons, reopenings and cancellations', () => {
    const total = count('select count(*) as n from incident');
    const pending = query<{ reason: string; n: number }>(
      `select json_extract(details, '$.pendingReason') as reason, count(distinct incident_id) as n
       from incident_timeline_entry where kind = 'transition' and json_extract(details, '$.to') = 'pending' group by reason`,
    );
    expect(pending.map((row) => row.reason).sort()).toEqual([
      'access',
      'client',
      'parts',
      'vendor',
      'window',
    ]);
    const waited = pending.reduce((sum, row) => sum + row.n, 0);
    expect(share(waited, total)).toBeGreaterThan(8);
    expect(share(waited, total)).toBeLessThan(40);
    const reopened = count(
      `select count(distinct incident_id) as n from incident_timeline_entry
       where kind = 'transition' and json_extract(details, '$.to') = 'reopened'`,
    );
    expect(reopened).toBeGreaterThanOrEqual(10);
    const cancelled = query<{ reason: string; n: number }>(
      `select cancellation_reason as reason, count(*) as n from incident where status = 'cancelled' group by reason order by reason`,
    );
    expect(cancelled.map((row) => row.reason)).toEqual(['duplicate', 'false_positive']);
    expect(
      share(
        cancelled.reduce((sum, row) => sum + row.n, 0),
        total,
      ),
    ).toBeLessThan(8);
    // A duplicate names an earlier incident, in its row and in its cancellation line.
    expect(
      count(
        `select count(*) as n from incident i left join incident o on o.id = i.duplicate_of_id
         where i.cancellation_reason = 'duplicate' and (o.id is null or o.opened_at > i.opened_at)`,
      ),
    ).toBe(0);
    expect(
      count(
        `select count(*) as n from incident i join incident_timeline_entry e on e.incident_id = i.id
         where i.cancellation_reason = 'duplicate' and json_extract(e.details, '$.to') = 'cancelled'
           and json_extract(e.details, '$.duplicateOfId') = i.duplicate_of_id`,
      ),
    ).toBe(cancelled.find((row) => row.reason === 'duplicate')!.n);
  });

  it('breaches 3–8 % of incidents, each breach recorded in the timeline and escalated', () => {
    const counted = count(`select count(*) as n from incident where status <> 'cancelled'`);
    const breached = query<{ id: number; escalation_level: number; breaches: number; lines: number }>(
      `select i.id, i.escalation_level,
              (select count(*) from incident_sla_clock k where k.incident_id = i.id and k.breached_at is not null) as breaches,
              (select count(*) from incident_timeline_entry e where e.incident_id = i.id and e.kind = 'sla_breach') as lines
       from incident i where i.status <> 'cancelled'
         and exists (select 1 from incident_sla_clock k where k.incident_id = i.id and k.state = 'breached')`,
    );
    expect(share(breached.length, counted)).toBeGreaterThanOrEqual(3);
    expect(share(breached.length, counted)).toBeLessThanOrEqual(8);
    for (const incident of breached) {
      expect(incident.lines).toBe(incident.breaches);
      expect(incident.escalation_level).toBe(incident.breaches);
    }
  });

  it('writes timelines by the demo users, with notes, resolution codes and solutions', () => {
    const authors = query<{ username: string | null; kind: string }>(
      `select distinct u.username, e.kind from incident_timeline_entry e left join app_user u on u.id = e.author_id`,
    );
    for (const { username, kind } of authors) {
      if (['sla_warning', 'sla_breach', 'escalation'].includes(kind)) expect(username).toBeNull();
      else expect(['admin', 'coordinator', 'technician']).toContain(username);
    }
    expect(count(`select count(*) as n from incident_timeline_entry where kind = 'note'`)).toBeGreaterThan(
      300,
    );
    expect(
      count(`select count(*) as n from incident_timeline_entry where kind = 'field_change'`),
    ).toBeGreaterThan(20);
    expect(
      count(
        `select count(*) as n from incident where status in ('resolved', 'closed')
         and (resolution_code is null or solution is null or resolved_at is null)`,
      ),
    ).toBe(0);
    expect(count(`select count(distinct resolution_code) as n from incident`)).toBe(7);
    // Each incident's timeline begins with its creation and ends in its current status.
    const mismatched = count(
      `select count(*) as n from incident i where i.status <> (
         select json_extract(e.details, '$.to') from incident_timeline_entry e
         where e.incident_id = i.id and e.kind = 'transition' order by e.at desc, e.id desc limit 1)`,
    );
    expect(mismatched).toBe(0);
  });

  it('stores the clocks that a recomputation from the timeline gives', async () => {
    const incidents = query<IncidentRow>(`select id, priority, status, opened_at from incident order by id`);
    const settled = incidents.filter((row) => ['closed', 'cancelled', 'resolved'].includes(row.status));
    const breachedIds = new Set(
      query<{ incident_id: number }>(
        `select distinct incident_id from incident_sla_clock where breached_at is not null`,
      ).map((row) => row.incident_id),
    );
    // Every 40th settled incident, every breached one, and every open one (their clocks still run).
    const open = incidents.filter((row) => !settled.includes(row));
    const sample = [...settled.filter((row, index) => index % 40 === 0 || breachedIds.has(row.id)), ...open];
    expect(sample.length).toBeGreaterThan(100);
    const stored = query<ClockRow>(
      `select * from incident_sla_clock where incident_id in (${sample.map((row) => row.id).join(',')}) order by incident_id, metric`,
    );
    const em = t.app.get(MikroORM).em.fork();
    const sla = t.app.get(IncidentSlaService);
    const now = new Date();
    const mismatches: string[] = [];
    for (const row of sample) {
      const incident = await em.findOneOrFail(
        IncidentEntity,
        { id: row.id },
        { filters: false, populate: ['site', 'tenants'] },
      );
      // Recomputed in memory only: this fork is never flushed.
      const clocks = await sla.recompute(em, incident, now);
      for (const clock of clocks) {
        const saved = stored.find(
          (candidate) => candidate.incident_id === row.id && candidate.metric === clock.metric,
        )!;
        const recomputed: Partial<Record<string, unknown>> = {
          state: clock.state,
          targetMinutes: clock.targetMinutes,
          dueAt: clock.dueAt?.getTime() ?? null,
          warnAt: clock.warnAt?.getTime() ?? null,
          elapsedMinutes: Math.round(clock.elapsedMinutes * 1000),
          pausedMinutes: Math.round(clock.pausedMinutes * 1000),
          stoppedAt: clock.stoppedAt?.getTime() ?? null,
          breachedAt: clock.breachedAt?.getTime() ?? null,
        };
        const original: Partial<Record<string, unknown>> = {
          state: saved.state,
          targetMinutes: saved.target_minutes,
          dueAt: saved.due_at,
          warnAt: saved.warn_at,
          elapsedMinutes: Math.round(saved.elapsed_minutes * 1000),
          pausedMinutes: Math.round(saved.paused_minutes * 1000),
          stoppedAt: saved.stopped_at,
          breachedAt: saved.breached_at,
        };
        // A clock still counting has counted on since the demo was loaded; its projections have not moved.
        if (open.includes(row)) {
          for (const moving of ['state', 'elapsedMinutes', 'pausedMinutes'] as const) {
            delete recomputed[moving];
            delete original[moving];
          }
        }
        if (JSON.stringify(recomputed) !== JSON.stringify(original))
          mismatches.push(
            `${row.id}/${clock.metric}: ${JSON.stringify(original)} ≠ ${JSON.stringify(recomputed)}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('leaves nothing in the past for the SLA watcher to record', async () => {
    const lines = () => count(`select count(*) as n from incident_timeline_entry where kind like 'sla_%'`);
    const before = lines();
    expect(before).toBeGreaterThan(100);
    expect(await t.app.get(SlaWatcher).tick(new Date())).toBe(0);
    expect(lines()).toBe(before);
    expect(
      count(
        `select count(*) as n from incident_sla_clock where breached_at is not null and breach_recorded_at is null`,
      ),
    ).toBe(0);
  });

  it('puts open incidents on the board: fresh ones, one near its warning, one breached, one pending', async () => {
    const page = (await (
      await coordinator.get('/api/incidents?open=true&limit=100')
    ).json()) as Page<Incident>;
    const open = page.items;
    expect(open.length).toBeGreaterThanOrEqual(5);
    expect(open.length).toBeLessThanOrEqual(40);
    const now = Date.now();
    const running = (incident: Incident) => incident.slaClocks.filter((clock) => clock.stoppedAt === null);
    expect(
      open.filter((incident) => incident.status === 'new' && now - Date.parse(incident.openedAt) < 3_600_000)
        .length,
    ).toBeGreaterThanOrEqual(1);
    expect(
      open.filter((incident) =>
        running(incident).some(
          (clock) =>
            clock.state === 'running' &&
            clock.warnAt !== null &&
            Date.parse(clock.warnAt) > now &&
            Date.parse(clock.warnAt) < now + 3_600_000,
        ),
      ).length,
    ).toBeGreaterThanOrEqual(1);
    const breached = open.filter((incident) => running(incident).some((clock) => clock.state === 'breached'));
    expect(breached.length).toBeGreaterThanOrEqual(1);
    expect(breached[0]!.escalationLevel).toBeGreaterThanOrEqual(1);
    const pending = open.filter((incident) => incident.status === 'pending');
    expect(pending.length).toBeGreaterThanOrEqual(1);
    expect(pending.every((incident) => incident.pendingReason !== null)).toBe(true);
    expect(pending.some((incident) => incident.slaClocks.some((clock) => clock.state === 'paused'))).toBe(
      true,
    );
    // The board order puts the most urgent first.
    expect(open[0]!.priority <= open[open.length - 1]!.priority).toBe(true);
  });
});
