import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageSchema, recurringTaskSchema, siteSchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRawDatabase } from '../integration/support/sqlite.js';
import { signedIn } from '../integration/support/test-app.js';
import { freePort, ServerProcess, sleep, withReadOnlyDatabase } from './support/server-process.js';

const msPerHour = 3_600_000;
const taskCount = 12;
/** How far back the tasks' planning stopped: the servers were "down" this long. */
const outageHours = 30;
const graceMinutes = 15;

/**
 * Two server processes on one SQLite file, both running the task scheduler every second: hourly
 * tasks whose planning stopped 30 hours ago (so both processes plan the same past and future
 * occurrences and sweep the same overdue ones at once). Each occurrence must exist once, be
 * flagged missed once, with one audit row and one `occurrence.overdue` event.
 */
describe('two server processes schedule recurring tasks on one database file', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-schedulers-'));
  const databaseFile = join(dataDir, 'vigie.db');
  const servers: ServerProcess[] = [];
  const taskIds: number[] = [];
  let stoppedAt = 0;
  let lastIdBefore = 0;

  beforeAll(async () => {
    // First start alone, scheduler off: migrations, demo data and the tasks, through the API.
    const setup = new ServerProcess({
      dataDir,
      port: await freePort(),
      env: { VIGIE_SLA_WATCH_SECONDS: '0', VIGIE_TASK_SCHEDULER_SECONDS: '0' },
    });
    servers.push(setup);
    await setup.start();
    const coordinator = await signedIn(setup.url, 'coordinator');
    const site = pageSchema(siteSchema).parse(await (await coordinator.get('/api/sites')).json()).items[0]!;
    const hours = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, '0')}:00`);
    for (let index = 0; index < taskCount; index++) {
      const response = await coordinator.post('/api/tasks', {
        title: `Ronde horaire ${index + 1}`,
        procedureId: 'daily-inspection-round',
        scope: { siteId: site.id },
        schedule: { kind: 'daily', times: hours },
        startDate: '2026-01-01',
        leadMinutes: 30,
        graceMinutes,
      });
      expect(response.status, await response.clone().text()).toBe(201);
      taskIds.push(recurringTaskSchema.parse(await response.json()).id);
    }
    await setup.stop();

    // The outage: planning stopped 30 hours ago (half past an hour, away from the rounds).
    stoppedAt = Math.floor(Date.now() / msPerHour) * msPerHour - outageHours * msPerHour + msPerHour / 2;
    withRawDatabase(databaseFile, (db) => {
      const ids = taskIds.join(',');
      db.prepare(`update recurring_task set planned_until = ? where id in (${ids})`).run(stoppedAt);
      // Only these tasks' work is watched: the demo's own tasks are retired for this test.
      db.prepare(`update recurring_task set active = 0 where id not in (${ids})`).run();
      db.prepare(
        `update task_occurrence set state = 'cancelled' where state in ('scheduled', 'due') and task_id not in (${ids})`,
      ).run();
      lastIdBefore = (
        db.prepare('select coalesce(max(id), 0) as id from task_occurrence').get() as { id: number }
      ).id;
    });
  }, 180_000);

  afterAll(async () => {
    for (const server of servers) await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('plans and flags every occurrence once, though both processes sweep the same rows', async () => {
    const env = { VIGIE_SLA_WATCH_SECONDS: '0', VIGIE_TASK_SCHEDULER_SECONDS: '1' };
    const [one, two] = [
      new ServerProcess({ dataDir, port: await freePort(), env }),
      new ServerProcess({ dataDir, port: await freePort(), env }),
    ];
    servers.push(one, two);
    const startedAt = Date.now();
    await Promise.all([one.start(), two.start()]);
    const ids = taskIds.join(',');

    // Until nothing is left overdue and unflagged and every task is planned past the outage.
    const settled = () =>
      withReadOnlyDatabase(databaseFile, (db) => {
        const overdue = db
          .prepare(
            `select count(*) as n from task_occurrence
             where task_id in (${ids}) and state in ('scheduled', 'due') and due_at <= ?`,
          )
          .get(Date.now() - 2_000) as { n: number };
        const behind = db
          .prepare(`select count(*) as n from recurring_task where id in (${ids}) and planned_until < ?`)
          .get(Date.now()) as { n: number };
        return overdue.n === 0 && behind.n === 0;
      });
    const deadline = Date.now() + 60_000;
    while (!settled()) {
      if (Date.now() > deadline) throw new Error(`the schedulers did not settle:\n${one.log}\n${two.log}`);
      await sleep(250);
    }
    // A few more passes of both processes over the same rows.
    await sleep(3_000);
    await Promise.all([one.stop(), two.stop()]);

    withReadOnlyDatabase(databaseFile, (db) => {
      const occurrences = db
        .prepare(
          `select id, task_id as taskId, scheduled_at as scheduledAt, state from task_occurrence
           where task_id in (${ids}) order by task_id, scheduled_at`,
        )
        .all() as { id: number; taskId: number; scheduledAt: number; state: string }[];

      // Every round of the outage exists once per task and counts as missed: the whole hours
      // after planning stopped, up to the last one whose latest start had passed at start-up.
      const lastMissedHour = Math.floor((startedAt - graceMinutes * 60_000) / msPerHour) * msPerHour;
      const expectedHours: number[] = [];
      for (let hour = stoppedAt + msPerHour / 2; hour <= lastMissedHour; hour += msPerHour) {
        expectedHours.push(hour);
      }
      expect(expectedHours.length).toBeGreaterThanOrEqual(outageHours - 1);
      for (const taskId of taskIds) {
        const missedHours = occurrences
          .filter((row) => row.taskId === taskId && row.state === 'missed')
          .map((row) => row.scheduledAt);
        expect(missedHours.filter((hour) => hour <= lastMissedHour)).toEqual(expectedHours);
      }

      const missed = occurrences.filter((row) => row.state === 'missed').map((row) => row.id);
      expect(missed.length).toBeGreaterThanOrEqual(taskCount * expectedHours.length);

      // One audit row and one live event per missed occurrence, whichever process claimed it.
      const audited = db
        .prepare(
          `select cast(entity_id as integer) as id, count(*) as n from audit_event
           where action = 'occurrence.missed' group by entity_id`,
        )
        .all() as { id: number; n: number }[];
      const auditedOurs = audited.filter((row) => missed.includes(row.id));
      expect(auditedOurs.map((row) => row.id).sort((a, b) => a - b)).toEqual(
        [...missed].sort((a, b) => a - b),
      );
      expect(auditedOurs.every((row) => row.n === 1)).toBe(true);
      const announced = db
        .prepare(
          `select json_extract(payload, '$.id') as id, count(*) as n from live_event
           where type = 'occurrence.overdue' group by json_extract(payload, '$.id')`,
        )
        .all() as { id: number; n: number }[];
      const announcedOurs = announced.filter((row) => missed.includes(row.id));
      expect(announcedOurs.length).toBe(missed.length);
      expect(announcedOurs.every((row) => row.n === 1)).toBe(true);

      // The planning audits count exactly the rows the two processes inserted between them.
      const plannedCounts = db
        .prepare(
          `select coalesce(sum(json_extract(after, '$.count')), 0) as n from audit_event
           where action = 'occurrence.plan' and entity_type = 'RecurringTask'
             and cast(entity_id as integer) in (${ids}) and at >= ?`,
        )
        .get(startedAt) as { n: number };
      // At least the outage's rounds; more only when the horizon crossed an hour since the tasks
      // were created (their future rounds were planned then).
      const inserted = occurrences.filter((row) => row.id > lastIdBefore).length;
      expect(inserted).toBeGreaterThanOrEqual(taskCount * expectedHours.length);
      expect(plannedCounts.n).toBe(inserted);
    });
  }, 180_000);
});
