import {
  occurrenceSchema,
  pageSchema,
  recurringTaskSchema,
  reportItemSchema,
  roomSchema,
  siteSchema,
  steeringReportSchema,
  type Occurrence,
  type RecurringTask,
  type ReportItem,
  type RunDetail,
  type SteeringReport,
  type UserRef,
} from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TaskScheduler } from '../../server/src/tasks/task-scheduler.js';
import { newIncident, newTenant } from './support/incident-fixtures.js';
import { created, expectError, newRack, ok, unique } from './support/inventory-fixtures.js';
import { signStep, startRun, tempLibrary } from './support/run-fixtures.js';
import { withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

/** A planned change: two ordered steps (the second critical) and one rollback step. */
const changeProcedure = `id: a2-change
title: { fr: Changement planifié, en: Planned change }
kind: MOP
risk: high
applies_to: [pdu]
categories: [power]
estimated_minutes: 60
steps:
  - id: prepare
    text: { fr: Préparer, en: Prepare }
  - id: switch
    text: { fr: Basculer, en: Switch }
    critical: true
rollback:
  - id: revert
    text: { fr: Revenir en arrière, en: Revert }
`;

/** A round (category inspection): a reading, a photo and a check, in any order. */
const roundProcedure = `id: a2-round
title: { fr: Ronde, en: Round }
kind: SOP
risk: low
applies_to: [room]
categories: [inspection]
estimated_minutes: 20
phases:
  - id: walk
    title: { fr: Tour, en: Walk }
    free_order: true
    steps:
      - id: read-temp
        text: { fr: Relever la température, en: Read the temperature }
        reading:
          label: { fr: Température, en: Temperature }
          unit: '°C'
          min: 18
          max: 27
      - id: photo
        text: { fr: Photographier le tableau, en: Photograph the board }
        evidence: true
      - id: check
        text: { fr: Vérifier les portes, en: Check the doors }
`;

/** Maintenance (not a round): one step. */
const maintenanceProcedure = `id: a2-service
title: { fr: Entretien, en: Service }
kind: SOP
risk: low
applies_to: [rack]
categories: [maintenance]
estimated_minutes: 15
steps:
  - id: service
    text: { fr: Entretenir, en: Service }
`;

const itemPage = pageSchema(reportItemSchema);

/** The signed-in person as the report names them. */
async function userOf(client: ApiClient): Promise<UserRef> {
  const { user } = (await (await client.get('/api/auth/me')).json()) as { user: UserRef };
  return { id: user.id, displayName: user.displayName };
}
const occurrencePage = pageSchema(occurrenceSchema);

/*
 * The operations side of the steering report on a small data set of its own: a new site (Paris
 * time) with one room and one rack of a new tenant, so the demo data never enters the figures.
 * Everything happens through the API at controlled times (the clock is faked), in October 2026,
 * which holds the end of summer time (Sunday 25 October, 03:00 CEST → 02:00 CET = 01:00Z).
 *
 * The period is October 2026 in Paris: [2026-09-30T22:00Z, 2026-10-31T23:00Z).
 *
 * Runs (technician = T, coordinator = C):
 *   round 5 Oct   (occurrence 08:00 CEST = 06:00Z, due 07:00Z)  T starts 06:10Z, completes 06:40Z: on time
 *   MOP1  6 Oct   T, 08:00Z → 09:00Z, clean (critical step verified by C): successful
 *   round 12 Oct  T starts 06:50Z, completes 07:30Z: done 30 min late
 *   MOP2  13 Oct  T, 12:00Z → 13:00Z: switch failed, rollback step `revert` done: rolled back
 *   maint 15 Oct  (10:00 CEST = 08:00Z, due 09:00Z) C starts 08:10Z, completes 08:30Z: on time
 *   round 19 Oct  not started: missed
 *   MOP3  20 Oct  T, 13:00Z → 13:30Z, then an incident raised from it at 13:40Z
 *   round 24 Oct  (incident context) T starts 21:20Z, aborted 25 Oct 14:00Z (not a MOP)
 *   round 26 Oct  cancelled with a reason
 *   MOP4  27 Oct  C, 14:00Z → aborted 14:30Z
 */
describe('steering report: changes, compliance, recurring work and team', () => {
  const library = tempLibrary({
    'mop/a2-change.yaml': changeProcedure,
    'sop/a2-round.yaml': roundProcedure,
    'sop/a2-service.yaml': maintenanceProcedure,
  });
  let t: TestApp;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let technician: ApiClient;
  let manager: ApiClient;
  let viewer: ApiClient;
  let tenantId: number;
  let siteId: number;
  let technicianId: number;
  let coordinatorId: number;
  let technicianUser: UserRef;
  let coordinatorUser: UserRef;
  const runs: Record<string, RunDetail> = {};
  const recordIds: Record<string, number> = {};
  let round: RecurringTask;
  let maintenance: RecurringTask;
  let roundOccurrences: Occurrence[] = [];
  let maintenanceOccurrence: Occurrence;
  let raisedIncidentId: number;

  const at = (iso: string) => vi.setSystemTime(new Date(iso));
  /** Sessions end after a day idle: sign in again after each jump, then let the scheduler pass. */
  const jump = async (iso: string) => {
    at(iso);
    [admin, coordinator, technician, manager] = await Promise.all([
      signedIn(t.url, 'admin'),
      signedIn(t.url, 'coordinator'),
      signedIn(t.url, 'technician'),
      signedIn(t.url, 'manager'),
    ]);
    await t.app.get(TaskScheduler).tick(new Date(iso));
  };

  const occurrencesOf = async (taskId: number) =>
    (
      await ok(await coordinator.get(`/api/occurrences?taskId=${taskId}&limit=200`), (value) =>
        occurrencePage.parse(value),
      )
    ).items;
  const occurrenceAt = (occurrences: Occurrence[], scheduledAt: string) => {
    const found = occurrences.find((occurrence) => occurrence.scheduledAt === scheduledAt);
    if (!found) throw new Error(`no occurrence at ${scheduledAt}`);
    return found;
  };
  const startOccurrence = async (client: ApiClient, occurrence: Occurrence) => {
    const started = await created(await client.post(`/api/occurrences/${occurrence.id}/start`, {}), (value) =>
      occurrenceSchema.parse(value),
    );
    return ok(await client.get(`/api/runs/${started.runId}`), (value) => value as RunDetail);
  };
  const sign = async (
    client: ApiClient,
    key: string,
    run: RunDetail,
    stepId: string,
    body: Parameters<typeof signStep>[3],
  ) => {
    const result = await signStep(client, run.id, stepId, body);
    recordIds[key] = result.record.id;
    return result;
  };
  const verify = async (run: RunDetail, stepId: string, recordKey: string) => {
    const response = await coordinator.post(`/api/runs/${run.id}/steps/${stepId}/verification`, {
      recordId: recordIds[recordKey],
    });
    expect(response.status, await response.clone().text()).toBe(201);
  };
  const complete = async (client: ApiClient, run: RunDetail) =>
    ok(await client.post(`/api/runs/${run.id}/complete`, {}), (value) => value as RunDetail);
  const abort = async (client: ApiClient, run: RunDetail, reason: string) =>
    ok(await client.post(`/api/runs/${run.id}/abort`, { reason }), (value) => value as RunDetail);
  const uploadEvidence = async (run: RunDetail): Promise<string> => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array([137, 80, 78, 71, run.id])], { type: 'image/png' }),
      'board.png',
    );
    const response = await fetch(`${t.url}/api/runs/${run.id}/evidence`, {
      method: 'POST',
      headers: { cookie: technician.cookie ?? '' },
      body: form,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { sha256: string }).sha256;
  };

  const period = (from: string, to: string) => `tenant=${tenantId}&site=${siteId}&from=${from}&to=${to}`;
  const reportOf = async (
    client: ApiClient,
    from = '2026-10-01',
    to = '2026-10-31',
  ): Promise<SteeringReport> =>
    ok(await client.get(`/api/reports/steering?${period(from, to)}`), (value) =>
      steeringReportSchema.parse(value),
    );
  /** Every page of a drill-down, two at a time so the keyset paging is exercised. */
  const drill = async (figure: string, extra = ''): Promise<ReportItem[]> => {
    const items: ReportItem[] = [];
    let cursor: string | null = null;
    do {
      const query = `${period('2026-10-01', '2026-10-31')}&figure=${figure}&limit=2${extra}${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: ReportItem[]; nextCursor: string | null } = await ok(
        await manager.get(`/api/reports/steering/items?${query}`),
        (value) => itemPage.parse(value),
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-09-28T08:00:00Z');
    t = await startTestApp({
      env: {
        VIGIE_PROCEDURES_DIR: library.dir,
        VIGIE_TASK_SCHEDULER_SECONDS: '0',
        VIGIE_SLA_WATCH_SECONDS: '0',
        SESSION_IDLE_MINUTES: '1440',
        SESSION_ABSOLUTE_HOURS: '720',
      },
    });
    await jump('2026-09-28T08:00:00Z');
    [technicianUser, coordinatorUser] = await Promise.all([userOf(technician), userOf(coordinator)]);
    technicianId = technicianUser.id;
    coordinatorId = coordinatorUser.id;

    // The scope: a tenant of its own, on a Paris site of its own.
    tenantId = (await newTenant(admin)).id;
    const site = await created(
      await admin.post('/api/sites', {
        code: unique('A2')
          .toUpperCase()
          .replace(/[^A-Z0-9-]/g, '-')
          .slice(0, 16),
        name: 'Site du rapport',
        timeZone: 'Europe/Paris',
        countryCode: 'FR',
      }),
      (value) => siteSchema.parse(value),
    );
    siteId = site.id;
    const room = await created(
      await admin.post('/api/rooms', { siteId, name: 'Salle R', gridColumns: 4, gridRows: 2 }),
      (value) => roomSchema.parse(value),
    );
    const rack = await newRack(admin, room.id, { tenantId });
    // The ticket the changes and one round are run under: the tenant's, through its rack.
    const ticket = await newIncident(coordinator, {
      title: 'Changements d’octobre',
      impact: 3,
      urgency: 3,
      rackIds: [rack.id],
    });
    expect(ticket.tenants.map((tenant) => tenant.id)).toEqual([tenantId]);

    // A weekly round on the whole site (shared: shown to the tenant), a monthly service on its rack.
    round = await created(
      await coordinator.post('/api/tasks', {
        title: 'Ronde hebdomadaire',
        procedureId: 'a2-round',
        scope: { siteId },
        rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=8;BYMINUTE=0',
        leadMinutes: 60,
        graceMinutes: 60,
      }),
      (value) => recurringTaskSchema.parse(value),
    );
    maintenance = await created(
      await coordinator.post('/api/tasks', {
        title: 'Entretien mensuel',
        procedureId: 'a2-service',
        scope: { siteId, roomId: room.id, rackId: rack.id },
        rrule: 'FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=10;BYMINUTE=0',
        leadMinutes: 60,
        graceMinutes: 60,
      }),
      (value) => recurringTaskSchema.parse(value),
    );

    // Mon 5 Oct: the round, on time, with a deviation on `check`.
    await jump('2026-10-05T06:10:00Z');
    roundOccurrences = await occurrencesOf(round.id);
    runs.round5 = await startOccurrence(
      technician,
      occurrenceAt(roundOccurrences, '2026-10-05T06:00:00.000Z'),
    );
    const photo5 = await uploadEvidence(runs.round5);
    at('2026-10-05T06:15:00Z');
    await sign(technician, 'r1', runs.round5, 'read-temp', { outcome: 'done', reading: 22 });
    at('2026-10-05T06:20:00Z');
    await sign(technician, 'r2', runs.round5, 'photo', { outcome: 'done', evidence: [photo5] });
    at('2026-10-05T06:25:00Z');
    await sign(technician, 'r3', runs.round5, 'check', {
      outcome: 'done',
      deviation: true,
      reason: 'Porte contrôlée depuis l’allée froide',
    });
    at('2026-10-05T06:40:00Z');
    await complete(technician, runs.round5);

    // Tue 6 Oct: MOP1, clean.
    await jump('2026-10-06T08:00:00Z');
    runs.mop1 = await startRun(technician, 'a2-change', { context: { kind: 'incident', id: ticket.id } });
    at('2026-10-06T08:10:00Z');
    await sign(technician, 'mop1.prepare', runs.mop1, 'prepare', { outcome: 'done' });
    at('2026-10-06T08:20:00Z');
    await sign(technician, 'mop1.switch', runs.mop1, 'switch', { outcome: 'done' });
    at('2026-10-06T08:25:00Z');
    await verify(runs.mop1, 'switch', 'mop1.switch');
    at('2026-10-06T09:00:00Z');
    await complete(technician, runs.mop1);

    // Mon 12 Oct: the round, done 30 min late; a wrong reading corrected; the photo skipped.
    await jump('2026-10-12T06:50:00Z');
    roundOccurrences = await occurrencesOf(round.id);
    runs.round12 = await startOccurrence(
      technician,
      occurrenceAt(roundOccurrences, '2026-10-12T06:00:00.000Z'),
    );
    at('2026-10-12T06:55:00Z');
    await sign(technician, 'r4', runs.round12, 'read-temp', { outcome: 'done', reading: 30 });
    at('2026-10-12T06:58:00Z');
    await sign(technician, 'r5', runs.round12, 'read-temp', {
      outcome: 'done',
      reading: 23,
      reason: 'Relevé mal saisi',
      expectedRecordId: recordIds.r4,
    });
    at('2026-10-12T07:00:00Z');
    await sign(technician, 'r6', runs.round12, 'photo', {
      outcome: 'skipped',
      reason: 'Appareil photo déchargé',
    });
    at('2026-10-12T07:10:00Z');
    await sign(technician, 'r7', runs.round12, 'check', { outcome: 'done' });
    at('2026-10-12T07:30:00Z');
    await complete(technician, runs.round12);

    // Tue 13 Oct: MOP2, the switch fails and is rolled back.
    await jump('2026-10-13T12:00:00Z');
    runs.mop2 = await startRun(technician, 'a2-change', { context: { kind: 'incident', id: ticket.id } });
    at('2026-10-13T12:10:00Z');
    await sign(technician, 'mop2.prepare', runs.mop2, 'prepare', { outcome: 'done' });
    at('2026-10-13T12:20:00Z');
    await sign(technician, 'mop2.switch', runs.mop2, 'switch', {
      outcome: 'failed',
      reason: 'Le by-pass refuse',
    });
    await verify(runs.mop2, 'switch', 'mop2.switch');
    at('2026-10-13T12:30:00Z');
    await sign(technician, 'mop2.revert', runs.mop2, 'revert', { outcome: 'done' });
    at('2026-10-13T13:00:00Z');
    await complete(technician, runs.mop2);

    // Thu 15 Oct: the monthly service, on time, by the coordinator.
    await jump('2026-10-15T08:10:00Z');
    maintenanceOccurrence = occurrenceAt(await occurrencesOf(maintenance.id), '2026-10-15T08:00:00.000Z');
    runs.service = await startOccurrence(coordinator, maintenanceOccurrence);
    at('2026-10-15T08:20:00Z');
    await sign(coordinator, 'service', runs.service, 'service', { outcome: 'done' });
    at('2026-10-15T08:30:00Z');
    await complete(coordinator, runs.service);

    // Mon 19 Oct: nobody starts the round. Tue 20: the scheduler marks it missed; MOP3, then an incident from it.
    await jump('2026-10-20T13:00:00Z');
    runs.mop3 = await startRun(technician, 'a2-change', { context: { kind: 'incident', id: ticket.id } });
    at('2026-10-20T13:05:00Z');
    await sign(technician, 'mop3.prepare', runs.mop3, 'prepare', { outcome: 'done' });
    at('2026-10-20T13:10:00Z');
    await sign(technician, 'mop3.switch', runs.mop3, 'switch', { outcome: 'done' });
    at('2026-10-20T13:15:00Z');
    await verify(runs.mop3, 'switch', 'mop3.switch');
    at('2026-10-20T13:30:00Z');
    await complete(technician, runs.mop3);
    at('2026-10-20T13:40:00Z');
    raisedIncidentId = (
      await newIncident(technician, {
        title: 'Alarme après le changement',
        impact: 3,
        urgency: 2,
        rackIds: [rack.id],
        sourceRunId: runs.mop3.id,
      })
    ).id;

    // Sat 24 Oct 23:30 CEST: a round under the ticket, across the change of time.
    await jump('2026-10-24T21:20:00Z');
    runs.dst = await startRun(technician, 'a2-round', { context: { kind: 'incident', id: ticket.id } });
    at('2026-10-24T21:30:00Z');
    await sign(technician, 'dst.check', runs.dst, 'check', { outcome: 'done' });
    // The API refuses a `done` without the reading or the evidence the step asks for, but such
    // records exist (signed against a version written before the rule): two are written directly.
    withRawDatabase(t.config.databaseFile, (db) => {
      const insert = db.prepare(
        `insert into step_record (run_id, step_id, revision, supersedes, outcome, deviation, evidence, performed_by_id, performed_at)
         values (?, ?, 1, null, 'done', 0, '[]', ?, ?)`,
      );
      // 05:30Z = 06:30 CET (night); 13:30Z = 14:30 CET (morning).
      recordIds['dst.read-temp'] = Number(
        insert.run(runs.dst!.id, 'read-temp', technicianId, Date.parse('2026-10-25T05:30:00Z'))
          .lastInsertRowid,
      );
      recordIds['dst.photo'] = Number(
        insert.run(runs.dst!.id, 'photo', technicianId, Date.parse('2026-10-25T13:30:00Z')).lastInsertRowid,
      );
    });
    await jump('2026-10-25T14:00:00Z');
    await abort(technician, runs.dst, 'Ronde reprise le lendemain');
    // The round of Monday 26 is called off.
    roundOccurrences = await occurrencesOf(round.id);
    const cancelled = await coordinator.post(
      `/api/occurrences/${occurrenceAt(roundOccurrences, '2026-10-26T07:00:00.000Z').id}/cancel`,
      { reason: 'Salle fermée pour travaux' },
    );
    expect(cancelled.status).toBe(200);

    // Tue 27 Oct: MOP4 by the coordinator, the critical switch signed but never verified, then aborted.
    await jump('2026-10-27T14:00:00Z');
    runs.mop4 = await startRun(coordinator, 'a2-change', { context: { kind: 'incident', id: ticket.id } });
    at('2026-10-27T14:05:00Z');
    await sign(coordinator, 'mop4.prepare', runs.mop4, 'prepare', { outcome: 'done' });
    at('2026-10-27T14:10:00Z');
    await sign(coordinator, 'mop4.switch', runs.mop4, 'switch', { outcome: 'done' });
    at('2026-10-27T14:30:00Z');
    await abort(coordinator, runs.mop4, 'Fenêtre de maintenance dépassée');

    await jump('2026-11-02T10:00:00Z');
    roundOccurrences = await occurrencesOf(round.id);
    viewer = await signedIn(t.url, 'viewer');
  }, 240_000);

  afterAll(async () => {
    await t?.close();
    library.close();
    vi.useRealTimers();
  });

  it('records the incident raised from a run, and refuses an unknown run', async () => {
    const raised = await ok(
      await coordinator.get(`/api/incidents/${raisedIncidentId}`),
      (value) => value as { sourceRunId: number | null },
    );
    expect(raised.sourceRunId).toBe(runs.mop3!.id);
    const unknownRun = await expectError(
      await coordinator.post('/api/incidents', {
        title: 'x',
        description: '',
        impact: 3,
        urgency: 3,
        sourceRunId: 99_999_999,
      }),
      422,
      'rule_violation',
    );
    expect(unknownRun.fields?.map((field) => field.path)).toEqual(['sourceRunId']);
    const audited = withRawDatabase(t.config.databaseFile, (db) =>
      db
        .prepare(`select after from audit_event where action = 'incident.create' and entity_id = ?`)
        .get(String(raisedIncidentId)),
    ) as { after: string };
    expect(JSON.parse(audited.after)).toMatchObject({ sourceRunId: runs.mop3!.id });
  });

  it('the occurrences ended as planned', () => {
    const states = Object.fromEntries(
      roundOccurrences.map((occurrence) => [occurrence.scheduledAt, occurrence.state]),
    );
    expect(states).toMatchObject({
      '2026-10-05T06:00:00.000Z': 'done',
      '2026-10-12T06:00:00.000Z': 'done',
      '2026-10-19T06:00:00.000Z': 'missed',
      '2026-10-26T07:00:00.000Z': 'cancelled',
    });
  });

  it('counts changes, planned work, compliance, recurring work and team activity as computed by hand', async () => {
    const report = await reportOf(manager);
    const figures = report.current;

    // MOP runs ended in October: MOP1 (completed, clean), MOP2 (completed, rollback step `revert`
    // done), MOP3 (completed, incident raised from it), MOP4 (aborted). Successful: MOP1 only → 1/4.
    expect(figures.changes).toEqual({
      total: 4,
      successful: 1,
      rolledBack: 1,
      withIncident: 1,
      aborted: 1,
      success: { count: 1, of: 4, percent: 25 },
    });
    // MOP runs started in October: 60 + 60 + 30 + 30 minutes.
    expect(figures.availability).toMatchObject({ plannedRuns: 4, plannedMinutes: 180 });

    // Current records signed in October (r4 is superseded by its correction r5):
    //   round 5: r1 ✓, r2 ✓, r3 deviation            round 12: r5 ✓, r6 skipped, r7 ✓
    //   MOP1: prepare ✓, switch ✓ (verified)         MOP2: prepare ✓, switch failed, revert ✓
    //   service ✓                                     MOP3: prepare ✓, switch ✓ (verified)
    //   dst: check ✓, read-temp no reading, photo no evidence
    //   MOP4: prepare ✓, switch critical not verified
    // signed 19, compliant 13 → 68.421 %; skipped (skipped/failed) 2; 1 deviation.
    expect(figures.compliance).toEqual({
      signed: 19,
      compliant: 13,
      missingReading: 1,
      missingEvidence: 1,
      unverified: 1,
      skipped: 2,
      deviations: 1,
      rate: { count: 13, of: 19, percent: 68.421 },
    });

    // Due in October: rounds 5 (on time), 12 (30 min late), 19 (missed), 26 (cancelled: not due);
    // service 15 (on time). Due 4, on time 2 → 50 %.
    expect(figures.recurring).toEqual({
      due: 4,
      onTime: 2,
      late: 1,
      missed: 1,
      cancelled: 1,
      completion: { count: 2, of: 4, percent: 50 },
      meanLatenessMinutes: 30,
      rounds: {
        due: 3,
        onTime: 1,
        late: 1,
        missed: 1,
        completion: { count: 1, of: 3, percent: 33.333 },
        meanLatenessMinutes: 30,
      },
      maintenance: {
        due: 1,
        onTime: 1,
        late: 0,
        missed: 0,
        completion: { count: 1, of: 1, percent: 100 },
        meanLatenessMinutes: null,
      },
    });

    // Runs started in October: 2 rounds, 4 MOPs, the service, the dst round = 8; records = 19.
    expect(figures.team).toMatchObject({ runs: 8, steps: 19 });

    // Nothing of this scope in September.
    expect(report.previous.changes.total).toBe(0);
    expect(report.previous.compliance.signed).toBe(0);
    expect(report.previous.recurring.due).toBe(0);
  });

  it('lists planned work, step exceptions and the team by shift across the change of time', async () => {
    const report = await reportOf(manager);
    expect(report.plannedWork.total).toBe(4);
    expect(report.plannedWork.items.map((item) => [item.run.id, item.state, item.minutes])).toEqual([
      [runs.mop4!.id, 'aborted', 30],
      [runs.mop3!.id, 'completed', 30],
      [runs.mop2!.id, 'completed', 60],
      [runs.mop1!.id, 'completed', 60],
    ]);
    expect(report.plannedWork.items[0]!.run).toMatchObject({
      procedureId: 'a2-change',
      title: { fr: 'Changement planifié', en: 'Planned change' },
    });

    // The 6 exceptions (19 signed − 13 compliant), most recent first.
    expect(report.stepExceptions.total).toBe(6);
    expect(
      report.stepExceptions.items.map((item) => [
        item.run.id,
        item.stepId,
        item.outcome,
        item.deviation,
        item.reason,
      ]),
    ).toEqual([
      [runs.mop4!.id, 'switch', 'done', false, null],
      [runs.dst!.id, 'photo', 'done', false, null],
      [runs.dst!.id, 'read-temp', 'done', false, null],
      [runs.mop2!.id, 'switch', 'failed', false, 'Le by-pass refuse'],
      [runs.round12!.id, 'photo', 'skipped', false, 'Appareil photo déchargé'],
      [runs.round5!.id, 'check', 'done', true, 'Porte contrôlée depuis l’allée froide'],
    ]);

    // Technician: 6 runs, 16 records. Local times: every record in the morning (07–15) except
    // MOP3's two (15:05 and 15:10 CEST: afternoon), dst.check at 23:30 CEST (night) and
    // dst.read-temp at 06:30 CET (night: with the summer offset it would read 07:30).
    // Coordinator: 2 runs, 3 records: service 10:20 CEST (morning), MOP4 15:05 and 15:10 CET (afternoon).
    expect(report.team).toEqual([
      {
        user: technicianUser,
        runs: 6,
        steps: 16,
        stepsByShift: { morning: 12, afternoon: 2, night: 2 },
      },
      {
        user: coordinatorUser,
        runs: 2,
        steps: 3,
        stepsByShift: { morning: 1, afternoon: 2, night: 0 },
      },
    ]);

    // Weeks of October (Monday first, clipped): 1–4 nothing due; 5–11 the round on time (100);
    // 12–18 the late round and the service (1/2); 19–25 the missed round (0); 26–31 only cancelled.
    expect(report.weeks.map((week) => [week.weekStart, week.recurringPercent])).toEqual([
      ['2026-09-28', null],
      ['2026-10-05', 100],
      ['2026-10-12', 50],
      ['2026-10-19', 0],
      ['2026-10-26', null],
    ]);
  });

  it('drills down to exactly the records counted', async () => {
    const ids = (items: ReportItem[]) => items.map((item) => item.id);
    const mops = [runs.mop1!, runs.mop2!, runs.mop3!, runs.mop4!].map((run) => run.id);
    const changes = await drill('changes.all');
    expect(ids(changes)).toEqual(mops);
    expect(changes.map((item) => (item.kind === 'run' ? item.detail : null))).toEqual([
      'successful',
      'rolled_back',
      'incident',
      'aborted',
    ]);
    expect(ids(await drill('changes.failed'))).toEqual(mops.slice(1));

    const exceptions = await drill('compliance.exceptions');
    expect(ids(exceptions)).toEqual(
      ['r3', 'r6', 'mop2.switch', 'mop4.switch', 'dst.read-temp', 'dst.photo']
        .map((key) => recordIds[key]!)
        .sort((a, b) => a - b),
    );
    expect(
      Object.fromEntries(exceptions.map((item) => [item.id, item.kind === 'step' ? item.detail : null])),
    ).toEqual({
      [recordIds.r3!]: 'deviation',
      [recordIds.r6!]: 'skipped',
      [recordIds['mop2.switch']!]: 'failed',
      [recordIds['mop4.switch']!]: 'unverified',
      [recordIds['dst.read-temp']!]: 'missing_reading',
      [recordIds['dst.photo']!]: 'missing_evidence',
    });
    // Narrowed to one person: the coordinator's only exception.
    expect(ids(await drill('compliance.exceptions', `&userId=${coordinatorId}`))).toEqual([
      recordIds['mop4.switch'],
    ]);

    const occurrence = (scheduledAt: string) => occurrenceAt(roundOccurrences, scheduledAt).id;
    expect(ids(await drill('recurring.due')).sort((a, b) => a - b)).toEqual(
      [
        occurrence('2026-10-05T06:00:00.000Z'),
        occurrence('2026-10-12T06:00:00.000Z'),
        occurrence('2026-10-19T06:00:00.000Z'),
        maintenanceOccurrence.id,
      ].sort((a, b) => a - b),
    );
    const late = await drill('recurring.late');
    expect(late).toEqual([
      expect.objectContaining({
        kind: 'occurrence',
        id: occurrence('2026-10-12T06:00:00.000Z'),
        latenessMinutes: 30,
        runId: runs.round12!.id,
      }),
    ]);
    expect(ids(await drill('recurring.missed'))).toEqual([occurrence('2026-10-19T06:00:00.000Z')]);

    const teamRuns = await drill('team.runs');
    expect(ids(teamRuns)).toEqual(
      Object.values(runs)
        .map((run) => run.id)
        .sort((a, b) => a - b),
    );
    expect(ids(await drill('team.runs', `&userId=${coordinatorId}`))).toEqual([
      runs.service!.id,
      runs.mop4!.id,
    ]);
  });

  it('shows the client viewer its own tenant only', async () => {
    // The demo viewer belongs to a demo tenant: this tenant is not theirs.
    expect((await viewer.get(`/api/reports/steering?${period('2026-10-01', '2026-10-31')}`)).status).toBe(
      404,
    );
    // The overview of this site (no tenant) counts the same site-wide work.
    const overview = await ok(
      await manager.get(`/api/reports/steering?site=${siteId}&from=2026-10-01&to=2026-10-31`),
      (value) => steeringReportSchema.parse(value),
    );
    expect(overview.current.changes.total).toBe(4);
    expect(overview.current.recurring.due).toBe(4);
  });
});
