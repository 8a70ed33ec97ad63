import { EntityManager } from '@mikro-orm/core';
import { occurrenceSchema, pageSchema, recurringTaskSchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueOccurrences, upcomingOccurrences } from '../../server/src/tasks/occurrence-queries.js';
import { TaskScheduler } from '../../server/src/tasks/task-scheduler.js';
import { ok } from './support/inventory-fixtures.js';
import { withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

describe('demo recurring programme', () => {
  let t: TestApp;
  let coordinator: ApiClient;

  beforeAll(async () => {
    t = await startTestApp({ env: { VIGIE_TASK_SCHEDULER_SECONDS: '0' } });
    coordinator = await signedIn(t.url, 'coordinator');
  });
  afterAll(() => t.close());

  it('holds rounds, weekly, monthly and quarterly tasks with a year of history', async () => {
    const tasks = await ok(await coordinator.get('/api/tasks'), (value) =>
      pageSchema(recurringTaskSchema).parse(value),
    );
    expect(tasks.items.map((task) => task.schedule?.kind ?? 'raw')).toEqual([
      'daily',
      'weekly',
      'weekly',
      'monthly_weekday',
      'raw',
    ]);
    const counts = withRawDatabase(t.config.databaseFile, (db) =>
      Object.fromEntries(
        (
          db.prepare('select state, count(*) as n from task_occurrence group by state').all() as {
            state: string;
            n: number;
          }[]
        ).map((row) => [row.state, row.n]),
      ),
    );
    // 3 rounds a day for a year, plus the weekly, monthly and quarterly checks.
    expect(counts.done).toBeGreaterThan(1000);
    expect(counts.missed).toBeGreaterThan(10);
    expect(counts.cancelled).toBeGreaterThan(5);
    expect((counts.scheduled ?? 0) + (counts.due ?? 0)).toBeGreaterThan(20);
    const late = withRawDatabase(t.config.databaseFile, (db) =>
      Number(
        (
          db.prepare('select count(*) as n from task_occurrence where lateness_minutes > 0').get() as {
            n: number;
          }
        ).n,
      ),
    );
    expect(late).toBeGreaterThan(20);
  });

  it('runs a procedure of the library for every task, a dedicated one for each check', async () => {
    const tasks = await ok(await coordinator.get('/api/tasks'), (value) =>
      pageSchema(recurringTaskSchema).parse(value),
    );
    const procedureIds = tasks.items.map((task) => task.procedureId);
    expect(procedureIds).toEqual([
      'daily-inspection-round',
      'ups-weekly-check',
      'cooling-weekly-check',
      'generator-monthly-load-test',
      'pdu-quarterly-thermography',
    ]);
    for (const id of procedureIds) {
      expect((await coordinator.get(`/api/procedures/${id}`)).status).toBe(200);
    }
  });

  it("gives every seeded run its site: its occurrence's, its incident's, or the demo site for planned changes", () => {
    const rows = withRawDatabase(
      t.config.databaseFile,
      (db) =>
        db
          .prepare(
            `select r.context_kind as kind, count(*) as runs,
                    sum(r.site_id is (case r.context_kind
                      when 'occurrence' then (select o.site_id from task_occurrence o where o.id = r.context_id)
                      when 'incident' then (select i.site_id from incident i where i.id = r.context_id)
                      else (select min(id) from site) end)) as matching,
                    sum(r.site_id is null) as without
             from procedure_run r group by r.context_kind order by r.context_kind`,
          )
          .all() as { kind: string; runs: number; matching: number; without: number }[],
    );
    expect(rows.map((row) => row.kind)).toEqual(['incident', 'none', 'occurrence']);
    for (const row of rows) {
      expect(row.matching, row.kind).toBe(row.runs);
      expect(row.without, row.kind).toBe(0);
    }
  });

  it('serves the overdue and upcoming lists to the board and the handover', async () => {
    const em = t.app.get(EntityManager).fork();
    const overdue = await overdueOccurrences(em);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue[0]).toMatchObject({ state: 'missed', overdue: true, team: 'operations' });
    const upcoming = await upcomingOccurrences(em, { hours: 24 });
    expect(upcoming.length).toBeGreaterThanOrEqual(2);
    expect(upcoming.every((occurrence) => ['scheduled', 'due'].includes(occurrence.state))).toBe(true);
    const listed = await ok(
      await coordinator.get('/api/occurrences?overdue=true&limit=5&from=2020-01-01T00:00:00Z'),
      (value) => pageSchema(occurrenceSchema).parse(value),
    );
    expect(listed.items.length).toBe(5);
    expect(listed.nextCursor).not.toBeNull();
    const next = await ok(
      await coordinator.get(`/api/occurrences?overdue=true&limit=5&cursor=${listed.nextCursor}`),
      (value) => pageSchema(occurrenceSchema).parse(value),
    );
    expect(next.items[0]!.scheduledAt >= listed.items[4]!.scheduledAt).toBe(true);
    expect(next.items.some((item) => listed.items.some((seen) => seen.id === item.id))).toBe(false);
  });

  it('the scheduler carries on from the seeded horizon without planning anything twice', async () => {
    const before = withRawDatabase(
      t.config.databaseFile,
      (db) => (db.prepare('select count(*) as n from task_occurrence').get() as { n: number }).n,
    );
    const result = await t.app.get(TaskScheduler).tick();
    expect(result.missed).toBe(0);
    const after = withRawDatabase(
      t.config.databaseFile,
      (db) => (db.prepare('select count(*) as n from task_occurrence').get() as { n: number }).n,
    );
    expect(after).toBe(before + result.created);
  });
});
