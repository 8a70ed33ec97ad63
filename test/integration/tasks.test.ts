import {
  type Occurrence,
  occurrenceSchema,
  pageSchema,
  type RecurringTask,
  recurringTaskSchema,
  type RunDetail,
  type Site,
  siteSchema,
  taskPreviewSchema,
} from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deactivatedReason } from '../../server/src/tasks/tasks.service.js';
import { maxCatchUpDays, TaskScheduler } from '../../server/src/tasks/task-scheduler.js';
import { created, expectError, ok } from './support/inventory-fixtures.js';
import { LiveClient, settle } from './support/live-client.js';
import { tempLibrary } from './support/run-fixtures.js';
import { countRows, withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

// The server runs in this process: faking Date moves its clock too (timers stay real).
const at = (iso: string) => vi.setSystemTime(new Date(iso));

/** A one-step round, so a test can run it to completion. */
const quickRound = `id: quick-round
title: { fr: Ronde rapide, en: Quick round }
kind: SOP
risk: low
applies_to: [room]
estimated_minutes: 5
steps:
  - id: look
    text: { fr: Regarder, en: Look }
`;

const taskPage = pageSchema(recurringTaskSchema);
const occurrencePage = pageSchema(occurrenceSchema);

describe('recurring tasks and their occurrences', () => {
  const library = tempLibrary({ 'sop/quick-round.yaml': quickRound });
  let t: TestApp;
  let coordinator: ApiClient;
  let technician: ApiClient;
  let manager: ApiClient;
  let viewer: ApiClient;
  let site: Site;

  const occurrencesOf = async (taskId: number, extra = '') =>
    (
      await ok(await coordinator.get(`/api/occurrences?taskId=${taskId}&limit=1000${extra}`), (value) =>
        occurrencePage.parse(value),
      )
    ).items;

  const newTask = async (body: object = {}): Promise<RecurringTask> =>
    created(
      await coordinator.post('/api/tasks', {
        title: 'Ronde salle A',
        procedureId: 'quick-round',
        scope: { siteId: site.id },
        schedule: { kind: 'daily', times: ['07:00', '15:00', '23:00'] },
        leadMinutes: 30,
        graceMinutes: 60,
        team: 'operations',
        ...body,
      }),
      (value) => recurringTaskSchema.parse(value),
    );

  /** Sessions expire after a day idle: sign in again after each jump of the clock. */
  const signInAll = async () => {
    [coordinator, technician, manager, viewer] = await Promise.all([
      signedIn(t.url, 'coordinator'),
      signedIn(t.url, 'technician'),
      signedIn(t.url, 'manager'),
      signedIn(t.url, 'viewer'),
    ]);
  };
  const jump = async (iso: string) => {
    at(iso);
    await signInAll();
  };

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-03-27T10:00:00Z');
    t = await startTestApp({
      env: {
        VIGIE_PROCEDURES_DIR: library.dir,
        VIGIE_TASK_SCHEDULER_SECONDS: '0',
        VIGIE_SLA_WATCH_SECONDS: '0',
        SESSION_IDLE_MINUTES: '1440',
        SESSION_ABSOLUTE_HOURS: '720',
      },
    });
    await signInAll();
    const sites = await ok(await coordinator.get('/api/sites'), (value) =>
      pageSchema(siteSchema).parse(value),
    );
    site = sites.items.find((candidate) => candidate.timeZone === 'Europe/Paris') ?? sites.items[0]!;
  });
  afterAll(async () => {
    await t.close();
    library.close();
    vi.useRealTimers();
  });

  it('defines a task from the schedule form and plans its week ahead in local time across the DST change', async () => {
    expect(site.timeZone).toBe('Europe/Paris');
    const task = await newTask();
    expect(task).toMatchObject({
      rrule: 'FREQ=DAILY;BYHOUR=7,15,23;BYMINUTE=0',
      schedule: { kind: 'daily', times: ['07:00', '15:00', '23:00'] },
      startDate: '2026-03-27',
      timeZone: 'Europe/Paris',
      version: 1,
    });
    const planned = await occurrencesOf(task.id);
    // From 10:00Z on Friday 27 up to now + 30 min + 7 days (Fri 3 April 10:30Z): 15:00 and 23:00
    // today, 3 a day from Saturday to Thursday, and 07:00 on Friday 3.
    expect(planned.length).toBe(2 + 3 * 6 + 1);
    expect(planned.every((occurrence) => occurrence.state === 'scheduled')).toBe(true);
    const times = planned.map((occurrence) => occurrence.scheduledAt);
    expect(times).toContain('2026-03-28T06:00:00.000Z'); // 07:00 CET
    expect(times).toContain('2026-03-29T05:00:00.000Z'); // 07:00 CEST, the day of the change
    expect(times).toContain('2026-03-29T21:00:00.000Z'); // 23:00 CEST
    const first = planned[0]!;
    expect(first).toMatchObject({
      scheduledAt: '2026-03-27T14:00:00.000Z',
      availableAt: '2026-03-27T13:30:00.000Z',
      dueAt: '2026-03-27T15:00:00.000Z',
      overdue: false,
    });
    const listed = await ok(await manager.get(`/api/tasks?siteId=${site.id}`), (value) =>
      taskPage.parse(value),
    );
    expect(listed.items.map((item) => item.id)).toContain(task.id);
  });

  it('previews the next occurrences in UTC and local wall time (last Sunday, 02:30 skipped by DST)', async () => {
    const preview = await ok(
      await technician.post('/api/tasks/preview', {
        siteId: site.id,
        rrule: 'FREQ=MONTHLY;BYDAY=-1SU;BYHOUR=2;BYMINUTE=30',
        from: '2026-03-01T00:00:00Z',
        count: 2,
      }),
      (value) => taskPreviewSchema.parse(value),
    );
    expect(preview.items).toEqual([
      { at: '2026-03-29T01:00:00.000Z', local: '2026-03-29T03:00' },
      { at: '2026-04-26T00:30:00.000Z', local: '2026-04-26T02:30' },
    ]);
  });

  it('refuses bad input with field paths, unknown procedures with 422, and checks roles', async () => {
    const bad = await expectError(
      await coordinator.post('/api/tasks', {
        title: 'x',
        procedureId: 'quick-round',
        scope: { siteId: site.id },
        rrule: 'FREQ=HOURLY',
      }),
      400,
      'validation_failed',
    );
    expect(bad.fields?.[0]).toMatchObject({ path: 'rrule' });
    const times = await expectError(
      await coordinator.post('/api/tasks', {
        title: 'x',
        procedureId: 'quick-round',
        scope: { siteId: site.id },
        schedule: { kind: 'daily', times: ['07:00', '15:30'] },
      }),
      400,
      'validation_failed',
    );
    expect(times.fields?.[0]?.path).toContain('schedule');
    const unknown = await expectError(
      await coordinator.post('/api/tasks', {
        title: 'x',
        procedureId: 'no-such-procedure',
        scope: { siteId: site.id },
        rrule: 'FREQ=DAILY;BYHOUR=8',
      }),
      422,
      'rule_violation',
    );
    expect(unknown.fields?.[0]?.path).toBe('procedureId');
    await expectError(
      await technician.post('/api/tasks', {
        title: 'x',
        procedureId: 'quick-round',
        scope: { siteId: site.id },
        rrule: 'FREQ=DAILY;BYHOUR=8',
      }),
      403,
      'forbidden',
    );
    expect((await viewer.get('/api/occurrences')).status).toBe(403);
    expect((await viewer.get('/api/tasks')).status).toBe(403);
    expect((await manager.post('/api/occurrences/1/start', {})).status).toBe(403);
  });

  it('two scheduler passes at once plan each occurrence once and flag each overdue one once', async () => {
    const task = await newTask({ title: 'Ronde concurrente' });
    const live = new LiveClient(t.url, coordinator.cookie);
    await live.ready();
    const scheduler = t.app.get(TaskScheduler);
    const planned = (await occurrencesOf(task.id)).length;

    // Two days later: the horizon moved by 6 occurrences, and the first ones are past their latest start.
    await jump('2026-03-29T10:00:00Z');
    const now = new Date('2026-03-29T10:00:00Z');
    const rowsBefore = countRows(t.config.databaseFile, 'task_occurrence');
    const [one, two] = await Promise.all([scheduler.tick(now), scheduler.tick(now)]);
    const all = await occurrencesOf(task.id);
    expect(all.length).toBe(planned + 6);
    // The two passes together report exactly the rows that were inserted (every task's, demo ones too).
    expect(one.created + two.created).toBe(countRows(t.config.databaseFile, 'task_occurrence') - rowsBefore);

    const missed = all.filter((occurrence) => occurrence.state === 'missed');
    // Fri 15:00 and 23:00 CET, Sat 07:00, 15:00, 23:00 CET, Sun 07:00 CEST (dueAt 06:00Z): all past due.
    expect(missed.map((occurrence) => occurrence.scheduledAt)).toEqual([
      '2026-03-27T14:00:00.000Z',
      '2026-03-27T22:00:00.000Z',
      '2026-03-28T06:00:00.000Z',
      '2026-03-28T14:00:00.000Z',
      '2026-03-28T22:00:00.000Z',
      '2026-03-29T05:00:00.000Z',
    ]);
    expect(missed.every((occurrence) => occurrence.overdue)).toBe(true);
    // Sunday 15:00 CEST (13:00Z) becomes due at 12:30Z: still scheduled at 10:00Z.
    expect(all.find((occurrence) => occurrence.scheduledAt === '2026-03-29T13:00:00.000Z')?.state).toBe(
      'scheduled',
    );

    await live.until((events) => events.filter((event) => event.type === 'occurrence.overdue').length >= 6);
    await settle();
    const overdueIds = live.events
      .flatMap((event) => (event.type === 'occurrence.overdue' ? [event.payload.id] : []))
      .filter((id) => missed.some((occurrence) => occurrence.id === id));
    // Each missed occurrence announced exactly once, though two passes ran.
    expect(overdueIds.sort((a, b) => a - b)).toEqual(missed.map((occurrence) => occurrence.id));

    // Later passes: the missed stay missed, are never planned again nor announced again.
    const announced = live.events.length;
    await jump('2026-03-29T12:40:00Z');
    await scheduler.tick(new Date('2026-03-29T12:40:00Z'));
    const after = await occurrencesOf(task.id);
    expect(
      after.filter((occurrence) => occurrence.state === 'missed').map((occurrence) => occurrence.id),
    ).toEqual(missed.map((occurrence) => occurrence.id));
    expect(new Set(after.map((occurrence) => occurrence.scheduledAt)).size).toBe(after.length);
    expect(after.find((occurrence) => occurrence.scheduledAt === '2026-03-29T13:00:00.000Z')?.state).toBe(
      'due',
    );
    await settle();
    const newEvents = live.events.slice(announced);
    expect(newEvents.some((event) => event.type === 'occurrence.overdue')).toBe(false);
    expect(newEvents.some((event) => event.type === 'occurrence.updated')).toBe(true);

    const overdueList = await ok(
      await coordinator.get(`/api/occurrences?taskId=${task.id}&overdue=true`),
      (value) => occurrencePage.parse(value),
    );
    expect(overdueList.items.length).toBe(6);
    const missedAudits = withRawDatabase(t.config.databaseFile, (db) =>
      Number(
        (
          db.prepare(`select count(*) as n from audit_event where action = 'occurrence.missed'`).get() as {
            n: number;
          }
        ).n,
      ),
    );
    expect(missedAudits).toBeGreaterThanOrEqual(6);
    live.close();
  });

  it('start → run → complete marks the occurrence done; a run started late records its lateness', async () => {
    await jump('2026-03-30T05:00:00Z');
    const task = await newTask({ title: 'Ronde du matin', graceMinutes: 30 });
    const scheduler = t.app.get(TaskScheduler);
    await scheduler.tick(new Date('2026-03-30T05:00:00Z'));
    const [next] = await occurrencesOf(task.id, '&state=due,scheduled');
    expect(next).toMatchObject({ scheduledAt: '2026-03-30T13:00:00.000Z', state: 'scheduled' });

    await jump('2026-03-30T12:45:00Z');
    await scheduler.tick(new Date('2026-03-30T12:45:00Z'));
    const key = { 'Idempotency-Key': `start-${next!.id}` };
    const started = await created(
      await technician.post(`/api/occurrences/${next!.id}/start`, {}, key),
      (value) => occurrenceSchema.parse(value),
    );
    expect(started).toMatchObject({ state: 'in_progress', startedAt: '2026-03-30T12:45:00.000Z' });
    expect(started.runId).not.toBeNull();
    // A retry with the same key answers the same; a second start without it is a conflict.
    const replay = await technician.post(`/api/occurrences/${next!.id}/start`, {}, key);
    expect(replay.status).toBe(201);
    expect(((await replay.json()) as Occurrence).runId).toBe(started.runId);
    await expectError(await technician.post(`/api/occurrences/${next!.id}/start`, {}), 409, 'conflict');

    const run = (await (await technician.get(`/api/runs/${started.runId}`)).json()) as RunDetail;
    expect(run.context).toMatchObject({ kind: 'occurrence', id: next!.id });
    expect(run.context.label).toContain('Ronde du matin · 2026-03-30 15:00');

    await jump('2026-03-30T13:40:00Z'); // dueAt 13:30Z: done 10 minutes late
    expect((await technician.post(`/api/runs/${run.id}/steps/look`, { outcome: 'done' })).status).toBe(201);
    const completed = await technician.post(`/api/runs/${run.id}/complete`, {});
    expect(completed.status, await completed.text()).toBe(200);
    const done = await ok(await coordinator.get(`/api/occurrences/${next!.id}`), (value) =>
      occurrenceSchema.parse(value),
    );
    expect(done).toMatchObject({ state: 'done', doneAt: '2026-03-30T13:40:00.000Z', latenessMinutes: 10 });
  });

  it('an aborted run makes the occurrence startable again; cancel needs a reason and define rights', async () => {
    await jump('2026-03-31T12:40:00Z');
    const task = await newTask({ title: 'Ronde annulable' });
    await t.app.get(TaskScheduler).tick(new Date('2026-03-31T12:40:00Z'));
    const [due, later] = await occurrencesOf(task.id, '&state=due,scheduled');
    expect(due?.state).toBe('due');
    const started = await created(await technician.post(`/api/occurrences/${due!.id}/start`, {}), (value) =>
      occurrenceSchema.parse(value),
    );
    const aborted = await technician.post(`/api/runs/${started.runId}/abort`, {
      reason: 'Alarme incendie, évacuation',
    });
    expect(aborted.status, await aborted.text()).toBe(200);
    const reopened = await ok(await coordinator.get(`/api/occurrences/${due!.id}`), (value) =>
      occurrenceSchema.parse(value),
    );
    expect(reopened).toMatchObject({ state: 'due', runId: null });

    await expectError(
      await technician.post(`/api/occurrences/${later!.id}/cancel`, { reason: 'Salle fermée' }),
      403,
      'forbidden',
    );
    await expectError(
      await coordinator.post(`/api/occurrences/${later!.id}/cancel`, { reason: '' }),
      400,
      'validation_failed',
    );
    const cancelled = await ok(
      await coordinator.post(`/api/occurrences/${later!.id}/cancel`, { reason: 'Salle fermée pour travaux' }),
      (value) => occurrenceSchema.parse(value),
    );
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: 'Salle fermée pour travaux' });
    await expectError(
      await coordinator.post(`/api/occurrences/${later!.id}/cancel`, { reason: 'encore' }),
      409,
      'conflict',
    );
  });

  it('a run started from the runs API plugs into the occurrence; wrong procedure, missed or unknown ones are refused', async () => {
    await jump('2026-04-02T12:40:00Z');
    const task = await newTask({ title: 'Ronde via les runs' });
    await t.app.get(TaskScheduler).tick(new Date('2026-04-02T12:40:00Z'));
    const [due] = await occurrencesOf(task.id, '&state=due');
    const wrong = await expectError(
      await technician.post('/api/runs', {
        procedureId: 'other',
        context: { kind: 'occurrence', id: due!.id },
      }),
      422,
      'rule_violation',
    );
    expect(wrong.fields?.[0]?.path).toBe('procedureId');
    const run = await technician.post('/api/runs', {
      procedureId: 'quick-round',
      context: { kind: 'occurrence', id: due!.id },
    });
    expect(run.status, await run.text()).toBe(201);
    const started = await ok(await coordinator.get(`/api/occurrences/${due!.id}`), (value) =>
      occurrenceSchema.parse(value),
    );
    expect(started.state).toBe('in_progress');
    // A missed one of the demo history stays missed: it cannot be started any more.
    const missed = await ok(await coordinator.get('/api/occurrences?state=missed&limit=1'), (value) =>
      occurrencePage.parse(value),
    );
    expect(missed.items).toHaveLength(1);
    await expectError(
      await technician.post(`/api/occurrences/${missed.items[0]!.id}/start`, {}),
      422,
      'rule_violation',
    );
    await expectError(await technician.post('/api/occurrences/99999999/start', {}), 404, 'not_found');
    await expectError(await coordinator.get('/api/occurrences/99999999'), 404, 'not_found');
  });

  it('editing the rule re-plans only future scheduled occurrences; a stale version gets 409', async () => {
    await jump('2026-04-01T10:00:00Z');
    const task = await newTask({ title: 'Ronde replanifiée' });
    const before = await occurrencesOf(task.id);
    const changed = await ok(
      await coordinator.patch(`/api/tasks/${task.id}`, {
        version: task.version,
        schedule: { kind: 'weekly', days: ['MO'], times: ['07:00'] },
      }),
      (value) => recurringTaskSchema.parse(value),
    );
    expect(changed).toMatchObject({ version: 2, rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=7;BYMINUTE=0' });
    const after = await occurrencesOf(task.id);
    expect(after.map((occurrence) => occurrence.scheduledAt)).toEqual(['2026-04-06T05:00:00.000Z']);
    expect(before.length).toBeGreaterThan(1);
    const stale = await coordinator.patch(`/api/tasks/${task.id}`, { version: 1, title: 'Autre' });
    expect(stale.status).toBe(409);
  });

  it('a run aborted past the latest start leaves its occurrence missed, announced as overdue', async () => {
    await jump('2026-04-03T12:40:00Z');
    const task = await newTask({ title: 'Ronde interrompue', graceMinutes: 30 });
    await t.app.get(TaskScheduler).tick(new Date('2026-04-03T12:40:00Z'));
    const [due] = await occurrencesOf(task.id, '&state=due');
    expect(due).toMatchObject({ scheduledAt: '2026-04-03T13:00:00.000Z', dueAt: '2026-04-03T13:30:00.000Z' });
    const started = await created(await technician.post(`/api/occurrences/${due!.id}/start`, {}), (value) =>
      occurrenceSchema.parse(value),
    );
    const live = new LiveClient(t.url, coordinator.cookie);
    try {
      await live.ready();
      await jump('2026-04-03T13:45:00Z');
      const aborted = await technician.post(`/api/runs/${started.runId}/abort`, {
        reason: 'Coupure secteur',
      });
      expect(aborted.status, await aborted.text()).toBe(200);
      const after = await ok(await coordinator.get(`/api/occurrences/${due!.id}`), (value) =>
        occurrenceSchema.parse(value),
      );
      expect(after).toMatchObject({ state: 'missed', overdue: true });
      await live.until((events) =>
        events.some((event) => event.type === 'occurrence.overdue' && event.payload.id === due!.id),
      );
    } finally {
      live.close();
    }
  });

  it('deactivating a task cancels its open occurrences with a reason instead of letting them be missed', async () => {
    await jump('2026-04-04T12:40:00Z');
    const task = await newTask({ title: 'Ronde retirée' });
    await t.app.get(TaskScheduler).tick(new Date('2026-04-04T12:40:00Z'));
    const [due] = await occurrencesOf(task.id, '&state=due');
    expect(due?.scheduledAt).toBe('2026-04-04T13:00:00.000Z');
    const retired = await ok(
      await coordinator.patch(`/api/tasks/${task.id}`, { version: task.version, active: false }),
      (value) => recurringTaskSchema.parse(value),
    );
    expect(retired.active).toBe(false);
    const after = await occurrencesOf(task.id);
    // The future planned ones are gone; the one due now is cancelled, with its reason and its audit row.
    expect(after.map((occurrence) => [occurrence.id, occurrence.state, occurrence.cancelReason])).toEqual([
      [due!.id, 'cancelled', deactivatedReason],
    ]);
    const audits = withRawDatabase(t.config.databaseFile, (db) =>
      Number(
        (
          db
            .prepare(
              `select count(*) as n from audit_event where action = 'occurrence.cancel' and entity_id = ?`,
            )
            .get(String(due!.id)) as { n: number }
        ).n,
      ),
    );
    expect(audits).toBe(1);
    // Past its latest start, the scheduler finds nothing of this task to flag missed.
    await jump('2026-04-04T15:00:00Z');
    await t.app.get(TaskScheduler).tick(new Date('2026-04-04T15:00:00Z'));
    expect((await occurrencesOf(task.id)).map((occurrence) => occurrence.state)).toEqual(['cancelled']);
  });

  it('filters the calendar by site and by team, free-text teams included', async () => {
    await jump('2026-04-05T10:00:00Z');
    const admin = await signedIn(t.url, 'admin');
    const other = await created(
      await admin.post('/api/sites', {
        code: 'TSK-2',
        name: 'Second site',
        timeZone: 'Europe/Paris',
        countryCode: 'FR',
      }),
      (value) => siteSchema.parse(value),
    );
    const here = await newTask({ title: 'Ronde site 1', team: 'Équipe de nuit' });
    const there = await newTask({ title: 'Ronde site 2', scope: { siteId: other.id }, team: 'electrical' });
    const window = 'from=2026-04-05T00:00:00Z&to=2026-04-07T00:00:00Z&limit=1000';
    const list = async (query: string) =>
      (
        await ok(await coordinator.get(`/api/occurrences?${window}&${query}`), (value) =>
          occurrencePage.parse(value),
        )
      ).items;
    const onOther = await list(`siteId=${other.id}`);
    expect(onOther.length).toBe(5); // 15:00 and 23:00 on the 5th, three on the 6th
    expect(onOther.every((occurrence) => occurrence.taskId === there.id)).toBe(true);
    const onFirst = await list(`siteId=${site.id}`);
    expect(onFirst.some((occurrence) => occurrence.taskId === here.id)).toBe(true);
    expect(onFirst.some((occurrence) => occurrence.taskId === there.id)).toBe(false);
    const night = await list(`team=${encodeURIComponent('Équipe de nuit')}`);
    expect(night.length).toBe(5);
    expect(night.every((occurrence) => occurrence.taskId === here.id)).toBe(true);
    const electrical = await list(`team=electrical&siteId=${site.id}`);
    expect(electrical.some((occurrence) => occurrence.taskId === there.id)).toBe(false);
    // The window bounds: nothing scheduled outside [from, to).
    expect(
      [...onOther, ...night].every(
        (occurrence) =>
          occurrence.scheduledAt >= '2026-04-05T00:00:00.000Z' &&
          occurrence.scheduledAt < '2026-04-07T00:00:00.000Z',
      ),
    ).toBe(true);
  });

  it('previews from the start date: an every-other-day rule shows the days the scheduler plans', async () => {
    const rrule = 'FREQ=DAILY;INTERVAL=2;BYHOUR=7;BYMINUTE=0';
    const task = await newTask({
      title: 'Ronde un jour sur deux',
      rrule,
      schedule: undefined,
      startDate: '2026-04-04',
    });
    const planned = (await occurrencesOf(task.id)).map((occurrence) => occurrence.scheduledAt);
    const preview = async (startDate?: string) =>
      (
        await ok(
          await technician.post('/api/tasks/preview', {
            siteId: site.id,
            rrule,
            ...(startDate ? { startDate } : {}),
            count: planned.length,
          }),
          (value) => taskPreviewSchema.parse(value),
        )
      ).items.map((item) => item.at);
    expect(planned[0]).toBe('2026-04-06T05:00:00.000Z');
    expect(await preview('2026-04-04')).toEqual(planned);
    // Anchored on today (the 5th) instead, the preview would show the other days.
    expect((await preview())[0]).toBe('2026-04-07T05:00:00.000Z');
  });

  it('after an outage, the occurrences that fell inside it are created and counted missed, each announced once', async () => {
    await jump('2026-04-20T10:00:00Z');
    const task = await newTask({ title: 'Ronde pendant la panne' });
    // Only this task runs through the outage: the earlier tests' tasks would add hundreds of sweeps.
    withRawDatabase(t.config.databaseFile, (db) => {
      db.prepare('update recurring_task set active = 0 where id <> ?').run(task.id);
      db.prepare(
        `update task_occurrence set state = 'cancelled' where state in ('scheduled', 'due') and task_id <> ?`,
      ).run(task.id);
    });
    const live = new LiveClient(t.url, coordinator.cookie);
    await live.ready();
    try {
      // No server ran for ten days: beyond the planned horizon (20 April + 30 min + 7 days).
      await jump('2026-04-30T10:00:00Z');
      await t.app.get(TaskScheduler).tick(new Date('2026-04-30T10:00:00Z'));
      const all = await occurrencesOf(task.id);
      const past = all.filter((occurrence) => occurrence.scheduledAt < '2026-04-30T10:00:00.000Z');
      // 13:00Z and 21:00Z on the 20th, three a day from the 21st to the 29th, 05:00Z on the 30th.
      expect(past.length).toBe(2 + 3 * 9 + 1);
      expect(past.every((occurrence) => occurrence.state === 'missed')).toBe(true);
      expect(past.map((occurrence) => occurrence.scheduledAt)).toContain('2026-04-28T13:00:00.000Z');
      await live.until(
        (events) =>
          events.filter(
            (event) =>
              event.type === 'occurrence.overdue' && past.some((item) => item.id === event.payload.id),
          ).length >= past.length,
      );
      await settle();
      const announced = live.events.flatMap((event) =>
        event.type === 'occurrence.overdue' && past.some((item) => item.id === event.payload.id)
          ? [event.payload.id]
          : [],
      );
      expect(announced.sort((a, b) => a - b)).toEqual(
        past.map((occurrence) => occurrence.id).sort((a, b) => a - b),
      );
    } finally {
      live.close();
    }

    // A much older horizon (a restored backup) catches up at most maxCatchUpDays back.
    await jump('2026-05-01T10:00:00Z');
    const other = await newTask({ title: 'Ronde restaurée', startDate: '2026-01-01' });
    withRawDatabase(t.config.databaseFile, (db) =>
      db
        .prepare('update recurring_task set planned_until = ? where id = ?')
        .run(Date.parse('2026-02-01T00:00:00Z'), other.id),
    );
    await t.app.get(TaskScheduler).tick(new Date('2026-05-01T10:00:00Z'));
    const restored = await occurrencesOf(other.id);
    expect(Date.parse(restored[0]!.scheduledAt)).toBeGreaterThanOrEqual(
      Date.parse('2026-05-01T10:00:00Z') - maxCatchUpDays * 86_400_000,
    );
    expect(restored.filter((occurrence) => occurrence.state === 'missed').length).toBe(3 * maxCatchUpDays);
  });
});
