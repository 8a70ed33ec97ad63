import {
  pageSchema,
  type Contract,
  reportItemSchema,
  steeringReportSchema,
  type CreateIncident,
  type Incident,
  type IncidentTransition,
  type Page,
  type ReportItem,
  type SteeringReport,
  type Tenant,
} from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SlaWatcher } from '../../server/src/incidents/sla-watcher.js';
import { getIncident, moved, newContract, newIncident, newTenant } from './support/incident-fixtures.js';
import { expectError, newRack, newRoom, ok } from './support/inventory-fixtures.js';
import { signedIn, startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

/**
 * The incident side of the steering report, against a small history built through the real API
 * at controlled times (the server runs in this process: faking Date moves its clock, so the SLA
 * engine records each step at the time chosen here). Every expected figure is worked out by hand
 * in the comments, from the timeline below, never by running the report's SQL again.
 *
 * Tenant T (its own, so the demo data does not count) has two contracts; the strictest per
 * priority drives the clocks:
 * - 24x7, P0–P2: acknowledge 15, restore 60, resolve 240 min (P3/P4 targets far longer);
 * - business hours Mon–Fri 08:00–18:00 Europe/Paris, P3/P4: 60 / 240 / 480 min.
 * Paris is UTC+2 until Sunday 25 October 2026 03:00, UTC+1 after.
 *
 * September (the previous period, 43,200 min):
 * - S1 P2 (impact 1) Thu 10 Sep 10:00Z, ack 10:10, resolved 10:50: ack 10, restore 50, resolve 50, all met.
 * October (2026-09-30T22:00Z → 2026-10-31T23:00Z: 31 × 1440 + 60 = 44,700 min):
 * - A P2 (impact 2) Mon 5 Oct 08:00Z, ack 08:05, pending (client) 08:20 → 09:20, resolved 09:50,
 *   reopened Tue 6 Oct 08:00, resolved 08:05. Ack 5. Restore and resolve: 20 + 30 before, + 5 after
 *   the reopening (the hour pending deducted) = 55, met, stopped 6 Oct 08:05.
 * - B P3 (impact 2, business hours) Fri 9 Oct 15:00Z = 17:00 Paris, ack 15:30 (30), mitigated
 *   Mon 12 Oct 07:00Z = 09:00 Paris: restore 60 (Fri 17–18) + 60 (Mon 08–09) = 120 met; resolved
 *   12:00Z = 14:00 Paris: resolve 60 + 360 = 420 met. The night and weekend do not count.
 * - C P3 (impact 3, business hours) Tue 13 Oct 07:00Z = 09:00 Paris, ack 07:30 (30); restore due
 *   13:00 Paris (11:00Z), resolve due 17:00 Paris (15:00Z); the watcher records both breaches at
 *   16:00Z (escalations 1 and 2); resolved Wed 14 Oct 08:00Z = 10:00 Paris: 540 + 120 = 660 for
 *   restore (breached) and resolve (breached).
 * - D P0 major (impact 1) Tue 20 Oct 10:00Z, ack 10:10 (10), mitigated 11:30 with a workaround:
 *   restore 90 > 60, breached at 11:00Z; resolved 13:00 with a root cause: resolve 180 met; closed 14:00.
 * - E P1 (impact 1) 20 Oct 11:00Z, ack 11:05 (5), resolved 11:45: restore 45, resolve 45, met.
 * - H P1 (impact 1) Thu 22 Oct 08:00Z, cancelled 08:05 (false positive): counted as opened only.
 * - G P3 (impact 3, business hours) Mon 26 Oct 09:00Z = 10:00 Paris, ack 09:10 (10); restore due
 *   14:00 Paris (13:00Z), resolve due 18:00 Paris (17:00Z): both breached on Monday; pending (vendor)
 *   from Tue 27 Oct 09:00Z = 10:00 Paris to the end (480 + 120 = 600 min elapsed, clocks paused, not
 *   ended): open at the end, 5 d 14 h old.
 * - F P4 (impact 3) Sat 31 Oct 20:00Z, still new at the end: 3 h old.
 */

const longSessions = {
  SESSION_IDLE_MINUTES: '1440',
  SESSION_ABSOLUTE_HOURS: '720',
  VIGIE_SLA_WATCH_SECONDS: '0',
};
const october = 'from=2026-10-01&to=2026-10-31';
const target = (ackMinutes: number, restoreMinutes: number, resolveMinutes: number) => ({
  ackMinutes,
  restoreMinutes,
  resolveMinutes,
});
const fast = target(15, 60, 240);
const slow = target(10_000, 20_000, 30_000);
const businessTargets = target(60, 240, 480);
const notStrictest = target(10_000, 20_000, 40_000);

describe('steering report: incident figures of one tenant, October 2026 in Paris', () => {
  let t: TestApp;
  let tenant: Tenant;
  let rackId: number;
  let coordinator: ApiClient;
  let lastSignIn = 0;
  const incidents: Record<'S1' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H', Incident> = {} as never;
  let report: SteeringReport;
  let roundTheClock: Contract;
  let businessHours: Contract;

  /** Moves the server's clock; signs the coordinator in again after a jump (sessions expire when idle). */
  async function at(iso: string): Promise<void> {
    const time = Date.parse(iso);
    vi.setSystemTime(new Date(time));
    if (time - lastSignIn > 6 * 3_600_000) {
      coordinator = await signedIn(t.url, 'coordinator');
      lastSignIn = time;
    }
  }

  async function open(iso: string, fields: Partial<CreateIncident>): Promise<Incident> {
    await at(iso);
    return newIncident(coordinator, { rackIds: [rackId], ...fields });
  }

  async function move(
    incident: Incident,
    iso: string,
    body: Omit<IncidentTransition, 'version'> & Record<string, unknown>,
  ): Promise<Incident> {
    await at(iso);
    return moved(coordinator, incident, body);
  }

  const resolution = { resolutionCode: 'repaired', solution: 'Fixed on site' } as const;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-09-01T06:00:00Z'));
    t = await startTestApp({ env: longSessions });
    const admin = await signedIn(t.url, 'admin');
    tenant = await newTenant(admin);
    roundTheClock = await newContract(admin, {
      tenantId: tenant.id,
      serviceHours: '24x7',
      slaPolicy: { P0: fast, P1: fast, P2: fast, P3: slow, P4: slow },
    });
    businessHours = await newContract(admin, {
      tenantId: tenant.id,
      serviceHours: 'business_hours',
      businessHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
      slaPolicy: {
        P0: notStrictest,
        P1: notStrictest,
        P2: notStrictest,
        P3: businessTargets,
        P4: businessTargets,
      },
    });
    const room = await newRoom(admin);
    rackId = (await newRack(admin, room.id, { tenantId: tenant.id })).id;

    // September
    let s1 = await open('2026-09-10T10:00:00Z', { impact: 1, urgency: 2 });
    s1 = await move(s1, '2026-09-10T10:10:00Z', { to: 'acknowledged' });
    s1 = await move(s1, '2026-09-10T10:10:00Z', { to: 'in_progress' });
    incidents.S1 = await move(s1, '2026-09-10T10:50:00Z', { to: 'resolved', ...resolution });

    // A: a pause, a reopening
    let a = await open('2026-10-05T08:00:00Z', {
      impact: 2,
      urgency: 1,
      origin: 'monitoring',
      category: 'power',
    });
    a = await move(a, '2026-10-05T08:05:00Z', { to: 'acknowledged' });
    a = await move(a, '2026-10-05T08:05:00Z', { to: 'in_progress' });
    a = await move(a, '2026-10-05T08:20:00Z', { to: 'pending', pendingReason: 'client' });
    a = await move(a, '2026-10-05T09:20:00Z', { to: 'in_progress' });
    a = await move(a, '2026-10-05T09:50:00Z', { to: 'resolved', ...resolution });
    a = await move(a, '2026-10-06T08:00:00Z', { to: 'reopened', comment: 'The fault came back' });
    incidents.A = await move(a, '2026-10-06T08:05:00Z', { to: 'resolved', ...resolution });

    // B: business hours over a night and a weekend
    let b = await open('2026-10-09T15:00:00Z', {
      impact: 2,
      urgency: 2,
      origin: 'client',
      category: 'cooling',
    });
    b = await move(b, '2026-10-09T15:30:00Z', { to: 'acknowledged' });
    b = await move(b, '2026-10-09T15:30:00Z', { to: 'in_progress' });
    b = await move(b, '2026-10-12T07:00:00Z', { to: 'mitigated', workaround: 'Spare fan' });
    incidents.B = await move(b, '2026-10-12T12:00:00Z', { to: 'resolved', ...resolution });

    // C: two breaches, escalated by the watcher
    let c: Incident = await open('2026-10-13T07:00:00Z', {
      impact: 3,
      urgency: 1,
      origin: 'round',
      category: 'cooling',
    });
    c = await move(c, '2026-10-13T07:30:00Z', { to: 'acknowledged' });
    c = await move(c, '2026-10-13T07:30:00Z', { to: 'in_progress' });
    await at('2026-10-13T16:00:00Z');
    await t.app.get(SlaWatcher).tick(new Date('2026-10-13T16:00:00Z'));
    // The watcher's escalations moved the incident's version on.
    c = await getIncident(coordinator, c.id);
    incidents.C = await move(c, '2026-10-14T08:00:00Z', { to: 'resolved', ...resolution });

    // D (major) and E overlap: their client impact counts once
    let d = await open('2026-10-20T10:00:00Z', {
      impact: 1,
      urgency: 1,
      major: true,
      origin: 'monitoring',
      category: 'power',
    });
    d = await move(d, '2026-10-20T10:10:00Z', { to: 'acknowledged' });
    d = await move(d, '2026-10-20T10:10:00Z', { to: 'in_progress' });
    let e = await open('2026-10-20T11:00:00Z', {
      impact: 1,
      urgency: 1,
      origin: 'monitoring',
      category: 'power',
    });
    e = await move(e, '2026-10-20T11:05:00Z', { to: 'acknowledged' });
    e = await move(e, '2026-10-20T11:05:00Z', { to: 'in_progress' });
    d = await move(d, '2026-10-20T11:30:00Z', { to: 'mitigated', workaround: 'Load moved to the B feed' });
    incidents.E = await move(e, '2026-10-20T11:45:00Z', { to: 'resolved', ...resolution });
    d = await move(d, '2026-10-20T13:00:00Z', {
      to: 'resolved',
      ...resolution,
      rootCause: 'Failed breaker on PDU A',
    });
    incidents.D = await move(d, '2026-10-20T14:00:00Z', { to: 'closed' });

    const h = await open('2026-10-22T08:00:00Z', {
      impact: 1,
      urgency: 1,
      origin: 'monitoring',
      category: 'network',
    });
    incidents.H = await move(h, '2026-10-22T08:05:00Z', {
      to: 'cancelled',
      cancellationReason: 'false_positive',
    });

    let g = await open('2026-10-26T09:00:00Z', {
      impact: 3,
      urgency: 1,
      origin: 'client',
      category: 'hardware',
    });
    g = await move(g, '2026-10-26T09:10:00Z', { to: 'acknowledged' });
    g = await move(g, '2026-10-26T09:10:00Z', { to: 'in_progress' });
    incidents.G = await move(g, '2026-10-27T09:00:00Z', { to: 'pending', pendingReason: 'vendor' });

    incidents.F = await open('2026-10-31T20:00:00Z', { impact: 3, urgency: 3 });

    await at('2026-11-10T09:00:00Z');
    const manager = await signedIn(t.url, 'manager');
    report = await ok(await manager.get(`/api/reports/steering?tenant=${tenant.id}&${october}`), (value) =>
      steeringReportSchema.parse(value),
    );
  }, 120_000);

  afterAll(async () => {
    await t.close();
    vi.useRealTimers();
  });

  it('built the history it describes (priorities, contracts)', () => {
    expect(
      Object.fromEntries(Object.entries(incidents).map(([name, incident]) => [name, incident.priority])),
    ).toEqual({ S1: 'P2', A: 'P2', B: 'P3', C: 'P3', D: 'P0', E: 'P1', F: 'P4', G: 'P3', H: 'P1' });
    expect(incidents.B.slaContract?.id).toBe(businessHours.id);
    expect(incidents.G.slaContract?.id).toBe(businessHours.id);
    expect(incidents.A.slaContract?.id).toBe(roundTheClock.id);
    expect(incidents.D.slaContract?.id).toBe(roundTheClock.id);
  });

  it('covers October in Paris (DST included) and September before it', () => {
    expect(report.timeZone).toBe('Europe/Paris');
    expect(report.period).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      start: '2026-09-30T22:00:00.000Z',
      end: '2026-10-31T23:00:00.000Z',
    });
    expect(report.previousPeriod.start).toBe('2026-08-31T22:00:00.000Z');
    expect(report.current.availability.periodMinutes).toBe(44_700);
    expect(report.previous.availability.periodMinutes).toBe(43_200);
  });

  it('measures SLA adherence per metric and priority over the clocks ended in the period', () => {
    const { sla } = report.current;
    // ack ended: A, B, C, D, E, G, all met (H is cancelled, F still running).
    expect(sla.ack.all).toEqual({ count: 6, of: 6, percent: 100 });
    expect(sla.ack.byPriority).toEqual({
      P0: { count: 1, of: 1, percent: 100 },
      P1: { count: 1, of: 1, percent: 100 },
      P2: { count: 1, of: 1, percent: 100 },
      P3: { count: 3, of: 3, percent: 100 },
      P4: { count: 0, of: 0, percent: null },
    });
    // restore ended: A, B, E met; C, D breached (G is paused) → 3 of 5.
    expect(sla.restore.all).toEqual({ count: 3, of: 5, percent: 60 });
    expect(sla.restore.byPriority.P0).toEqual({ count: 0, of: 1, percent: 0 });
    expect(sla.restore.byPriority.P3).toEqual({ count: 1, of: 2, percent: 50 });
    // resolve ended: A, B, D, E met; C breached → 4 of 5.
    expect(sla.resolve.all).toEqual({ count: 4, of: 5, percent: 80 });
    expect(sla.resolve.byPriority.P3).toEqual({ count: 1, of: 2, percent: 50 });
    // September: S1 met everything.
    expect(report.previous.sla.restore.all).toEqual({ count: 1, of: 1, percent: 100 });
  });

  it('computes MTTA, MTTRestore and MTTR (mean, nearest-rank p90) in contractual minutes', () => {
    const { responseTimes } = report.current;
    // ack: 5, 5, 10, 10, 30, 30 → mean 90 / 6 = 15; p90 = rank ⌈5.4⌉ = 6th = 30.
    expect(responseTimes.ack.all).toEqual({ count: 6, meanMinutes: 15, p90Minutes: 30 });
    // restore: 45, 55, 90, 120, 660 → mean 970 / 5 = 194; p90 = rank ⌈4.5⌉ = 5th = 660.
    expect(responseTimes.restore.all).toEqual({ count: 5, meanMinutes: 194, p90Minutes: 660 });
    // resolve: 45, 55, 180, 420, 660 → mean 1360 / 5 = 272; p90 = 660.
    expect(responseTimes.resolve.all).toEqual({ count: 5, meanMinutes: 272, p90Minutes: 660 });
    // P3 resolve: B 420, C 660 → mean 540, p90 = rank ⌈1.8⌉ = 2nd = 660.
    expect(responseTimes.resolve.byPriority.P3).toEqual({ count: 2, meanMinutes: 540, p90Minutes: 660 });
    expect(responseTimes.resolve.byPriority.P4).toEqual({ count: 0, meanMinutes: null, p90Minutes: null });
    expect(report.previous.responseTimes.ack.all).toEqual({ count: 1, meanMinutes: 10, p90Minutes: 10 });
  });

  it('counts the incidents opened by priority, origin, category and room', () => {
    const { volume } = report.current;
    // A, B, C, D, E, H, G, F (the cancelled H was opened too).
    expect(volume.total).toBe(8);
    expect(volume.major).toBe(1);
    expect(volume.byPriority).toEqual({ P0: 1, P1: 2, P2: 1, P3: 3, P4: 1 });
    expect(volume.byOrigin).toEqual({ monitoring: 4, client: 2, round: 1, staff: 1 });
    expect(volume.byCategory).toEqual([
      { category: 'power', count: 3 },
      { category: 'cooling', count: 2 },
      { category: 'hardware', count: 1 },
      { category: 'network', count: 1 },
      { category: null, count: 1 },
    ]);
    expect(volume.byRoom).toEqual([
      { room: { id: incidents.A.room!.id, name: incidents.A.room!.name }, count: 8 },
    ]);
    expect(report.previous.volume.total).toBe(1);
  });

  it('deducts the union of client-impact intervals from availability', () => {
    // Downtime is a client's service down (urgency 1, impact 1–2) or a major incident.
    // A 5 Oct 08:00 → 6 Oct 08:05 (restore clock stop) = 1445;
    // D 10:00 → 11:30 and E 11:00 → 11:45 overlap: 10:00 → 11:45 = 105 (not 90 + 45).
    // B is degraded (urgency 2), C, G, F have no client impact (impact 3); H is cancelled. 1445 + 105 = 1550.
    expect(report.current.availability).toMatchObject({ periodMinutes: 44_700, impactMinutes: 1550 });
    // (44,700 − 1,550) ÷ 44,700 = 96.5324…%
    expect(report.current.availability.percent).toBe(96.532);
    // September: S1 was degraded (urgency 2), not down: no downtime.
    expect(report.previous.availability).toMatchObject({ impactMinutes: 0, percent: 100 });
  });

  it('lists the breaches, most recent first, and the major incident', () => {
    // Dated in October, stopped or not: G's two (still paused), D's restore, C's two.
    expect(report.breaches.total).toBe(5);
    expect(
      report.breaches.items.map((breach) => [
        breach.incident.id,
        breach.metric,
        breach.breachedAt,
        breach.elapsedMinutes,
      ]),
    ).toEqual([
      [incidents.G.id, 'resolve', '2026-10-26T17:00:00.000Z', 600],
      [incidents.G.id, 'restore', '2026-10-26T13:00:00.000Z', 600],
      [incidents.D.id, 'restore', '2026-10-20T11:00:00.000Z', 90],
      [incidents.C.id, 'resolve', '2026-10-13T15:00:00.000Z', 660],
      [incidents.C.id, 'restore', '2026-10-13T11:00:00.000Z', 660],
    ]);
    expect(report.breaches.items[0]).toMatchObject({ targetMinutes: 480, stoppedAt: null });
    expect(report.breaches.items[2]).toMatchObject({
      targetMinutes: 60,
      stoppedAt: '2026-10-20T11:30:00.000Z',
    });
    expect(report.majorIncidents).toEqual({
      total: 1,
      items: [
        {
          incident: {
            id: incidents.D.id,
            reference: incidents.D.reference,
            title: incidents.D.title,
            priority: 'P0',
          },
          status: 'closed',
          openedAt: '2026-10-20T10:00:00.000Z',
          restoredAt: '2026-10-20T11:30:00.000Z',
          resolvedAt: '2026-10-20T13:00:00.000Z',
          durationMinutes: 90,
          rootCause: 'Failed breaker on PDU A',
          workaround: 'Load moved to the B feed',
        },
      ],
    });
  });

  it('reads the backlog at the end of the period and the pending time by reason', () => {
    const { backlog } = report.current;
    // G (pending, P3) 26 Oct 09:00 → 31 Oct 23:00 = 5 d 14 h; F (new, P4) 3 h.
    expect(backlog.open).toBe(2);
    expect(backlog.byAge.d1to7).toEqual({ P0: 0, P1: 0, P2: 0, P3: 1, P4: 0 });
    expect(backlog.byAge.lt1d).toEqual({ P0: 0, P1: 0, P2: 0, P3: 0, P4: 1 });
    expect(backlog.byAge.gt30d.P3 + backlog.byAge.d7to30.P3).toBe(0);
    // A pending 60 min for the client; G for the vendor from 27 Oct 09:00 to 31 Oct 23:00 = 4 d 14 h = 6600.
    expect(backlog.pendingMinutesByReason).toEqual({
      client: 60,
      vendor: 6600,
      parts: 0,
      window: 0,
      access: 0,
    });
    expect(report.previous.backlog.open).toBe(0);
  });

  it('counts resolutions, reopenings and escalations', () => {
    // Resolved in October: A (twice, one incident), B, C, D, E = 5; one reopening; C's two escalations.
    expect(report.current.team).toMatchObject({
      resolved: 5,
      reopened: 1,
      reopenRate: { count: 1, of: 5, percent: 20 },
      escalations: 2,
    });
    expect(report.previous.team).toMatchObject({ resolved: 1, reopened: 0, escalations: 0 });
  });

  it('charts each local week (the last one of 25 October has 25 hours)', () => {
    expect(report.weeks.map((week) => week.weekStart)).toEqual([
      '2026-09-28',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
    ]);
    const incidentSide = report.weeks.map(
      ({ incidentsByPriority, slaPercent, mttaMinutes, mttrMinutes, availabilityPercent }) => ({
        incidentsByPriority,
        slaPercent,
        mttaMinutes,
        mttrMinutes,
        availabilityPercent,
      }),
    );
    const none = { P0: 0, P1: 0, P2: 0, P3: 0, P4: 0 };
    expect(incidentSide).toEqual([
      // 1–4 Oct: nothing.
      {
        incidentsByPriority: none,
        slaPercent: { ack: null, restore: null, resolve: null },
        mttaMinutes: null,
        mttrMinutes: null,
        availabilityPercent: 100,
      },
      // 5–11 Oct: A, B opened; ended A ack/restore/resolve, B ack; mtta (5 + 30) / 2; impact A 1445
      // → (10,080 − 1,445) ÷ 10,080 = 85.6647%.
      {
        incidentsByPriority: { ...none, P2: 1, P3: 1 },
        slaPercent: { ack: 100, restore: 100, resolve: 100 },
        mttaMinutes: 17.5,
        mttrMinutes: 55,
        availabilityPercent: 85.665,
      },
      // 12–18 Oct: C opened; ended B restore/resolve (met), C ack (met), C restore/resolve (breached);
      // mttr (420 + 660) / 2; no downtime (B is degraded, C has no client impact).
      {
        incidentsByPriority: { ...none, P3: 1 },
        slaPercent: { ack: 100, restore: 50, resolve: 50 },
        mttaMinutes: 30,
        mttrMinutes: 540,
        availabilityPercent: 100,
      },
      // 19–25 Oct (10,140 min with the extra hour): D, E, H opened; D restore breached; mtta (10 + 5) / 2,
      // mttr (180 + 45) / 2; impact 105 → 10,035 ÷ 10,140 = 98.9645%.
      {
        incidentsByPriority: { ...none, P0: 1, P1: 2 },
        slaPercent: { ack: 100, restore: 50, resolve: 100 },
        mttaMinutes: 7.5,
        mttrMinutes: 112.5,
        availabilityPercent: 98.964,
      },
      // 26–31 Oct: G, F opened; G ack ended (10).
      {
        incidentsByPriority: { ...none, P3: 1, P4: 1 },
        slaPercent: { ack: 100, restore: null, resolve: null },
        mttaMinutes: 10,
        mttrMinutes: null,
        availabilityPercent: 100,
      },
    ]);
  });

  it('gives the coordinator the same report as the manager', async () => {
    await at('2026-11-10T09:00:00Z');
    const again = await ok(
      await coordinator.get(`/api/reports/steering?tenant=${tenant.id}&${october}`),
      (value) => steeringReportSchema.parse(value),
    );
    expect({ ...again, generatedAt: null }).toEqual({ ...report, generatedAt: null });
  });

  describe('drill-down: exactly the incidents behind each figure', () => {
    const itemPage = pageSchema(reportItemSchema);

    async function items(query: string): Promise<Page<ReportItem>> {
      await at('2026-11-10T09:00:00Z');
      return ok(
        await coordinator.get(`/api/reports/steering/items?tenant=${tenant.id}&${october}&${query}`),
        (value) => itemPage.parse(value),
      );
    }

    /** Every page, following the cursor. */
    async function allItems(query: string, limit = 2): Promise<ReportItem[]> {
      const found: ReportItem[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<ReportItem> = await items(
          `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(limit);
        found.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return found;
    }

    const ids = (list: readonly ReportItem[]) => list.map((item) => item.id);
    const detailed = (list: readonly ReportItem[]) =>
      list.map((item) => [item.id, item.kind === 'incident' ? item.detail : null]);

    it('pages through the incidents opened, in opening order, and narrows by priority', async () => {
      const { A, B, C, D, E, F, G, H } = incidents;
      expect(ids(await allItems('figure=incidents.opened'))).toEqual(
        [A, B, C, D, E, H, G, F].map((i) => i.id),
      );
      expect(ids(await allItems('figure=incidents.opened&priority=P3'))).toEqual([B, C, G].map((i) => i.id));
      expect(ids(await allItems('figure=incidents.opened&previous=true'))).toEqual([incidents.S1.id]);
      expect(ids(await allItems('figure=incidents.major'))).toEqual([D.id]);
    });

    it('lists the clocks ended and the breaches, narrowed by metric, with the minutes that count', async () => {
      const { A, B, C, D, E, G } = incidents;
      // Restore clocks in stop order: A 6 Oct, B 12 Oct, C 14 Oct, D 20 Oct 11:30, E 20 Oct 11:45.
      const restored = await allItems('figure=sla.ended&metric=restore');
      expect(ids(restored)).toEqual([A, B, C, D, E].map((i) => i.id));
      expect(detailed(restored)[1]).toEqual([B.id, 'restore met: 120 of 240 min']);
      expect(await allItems('figure=sla.ended')).toHaveLength(6 + 5 + 5);
      const breached = await allItems('figure=sla.breached');
      expect(detailed(breached)).toEqual([
        [C.id, 'restore breached at 2026-10-13T11:00:00.000Z: 660 of 240 min'],
        [C.id, 'resolve breached at 2026-10-13T15:00:00.000Z: 660 of 480 min'],
        [D.id, 'restore breached at 2026-10-20T11:00:00.000Z: 90 of 60 min'],
        [G.id, 'restore breached at 2026-10-26T13:00:00.000Z: 600 of 240 min, not stopped yet'],
        [G.id, 'resolve breached at 2026-10-26T17:00:00.000Z: 600 of 480 min, not stopped yet'],
      ]);
      expect(ids(await allItems('figure=sla.breached&metric=restore'))).toEqual([C.id, D.id, G.id]);
      expect(ids(await allItems('figure=sla.breached&priority=P0'))).toEqual([D.id]);
    });

    it('lists the client-impact incidents, the backlog, the reopenings and the escalations', async () => {
      const { A, C, D, E, F, G } = incidents;
      const impact = await allItems('figure=availability.impact');
      expect(detailed(impact)).toEqual([
        [A.id, '1445 min of client impact in the period'],
        [D.id, '90 min of client impact in the period'],
        [E.id, '45 min of client impact in the period'],
      ]);
      const open = await allItems('figure=backlog.open');
      expect(detailed(open)).toEqual([
        [G.id, 'pending at the end of the period, 5.6 days old'],
        [F.id, 'new at the end of the period, 0.1 days old'],
      ]);
      expect(ids(await allItems('figure=team.reopened'))).toEqual([A.id]);
      expect(ids(await allItems('figure=team.escalated'))).toEqual([C.id, C.id]);
    });
  });

  it('shows a tenant report to its own client viewers only, and no report to technicians', async () => {
    await at('2026-11-10T09:00:00Z');
    const viewer = await signedIn(t.url, 'viewer');
    await expectError(
      await viewer.get(`/api/reports/steering?tenant=${tenant.id}&${october}`),
      404,
      'not_found',
    );
    await expectError(
      await viewer.get(`/api/reports/steering/items?tenant=${tenant.id}&${october}&figure=incidents.opened`),
      404,
      'not_found',
    );
    await expectError(await viewer.get(`/api/reports/steering?${october}`), 403, 'forbidden');
    const technician = await signedIn(t.url, 'technician');
    await expectError(
      await technician.get(`/api/reports/steering?tenant=${tenant.id}&${october}`),
      403,
      'forbidden',
    );
  });

  it('refuses a bad period or a forged cursor with the documented error, not a failure', async () => {
    await at('2026-11-10T09:00:00Z');
    const manager = await signedIn(t.url, 'manager');
    await expectError(
      await manager.get(`/api/reports/steering?tenant=${tenant.id}&from=2026-10-31&to=2026-10-01`),
      400,
      'validation_failed',
    );
    await expectError(
      await manager.get(`/api/reports/steering?tenant=${tenant.id}&from=2025-01-01&to=2026-10-31`),
      400,
      'validation_failed',
    );
    await expectError(
      await manager.get(
        `/api/reports/steering/items?tenant=${tenant.id}&${october}&figure=incidents.opened&cursor=not-a-cursor`,
      ),
      400,
      'validation_failed',
    );
  });
});
