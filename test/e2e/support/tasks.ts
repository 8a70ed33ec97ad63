import { expect, type APIRequestContext } from '@playwright/test';
import {
  occurrenceSchema,
  pageSchema,
  recurringTaskSchema,
  siteSchema,
  type Occurrence,
  type RecurringTask,
} from '@vigie/shared';

/** The first site (the task form's default) and a wall time `minutes` from now in its zone. */
export async function firstSiteTimeIn(
  api: APIRequestContext,
  minutes: number,
): Promise<{ siteId: number; timeZone: string; time: string }> {
  const response = await api.get('/api/sites?limit=200');
  expect(response.status()).toBe(200);
  const site = pageSchema(siteSchema).parse(await response.json()).items[0];
  if (!site) throw new Error('The demo data has no site');
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: site.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + minutes * 60_000));
  return { siteId: site.id, timeZone: site.timeZone, time };
}

/** A task found by its (unique) title. */
export async function taskByTitle(api: APIRequestContext, title: string): Promise<RecurringTask> {
  const response = await api.get(`/api/tasks?limit=100&search=${encodeURIComponent(title)}`);
  expect(response.status()).toBe(200);
  const task = pageSchema(recurringTaskSchema)
    .parse(await response.json())
    .items.find((item) => item.title === title);
  if (!task) throw new Error(`No task titled ${title}`);
  return task;
}

/** A task's occurrences, oldest first. */
export async function occurrencesOf(api: APIRequestContext, taskId: number): Promise<Occurrence[]> {
  const response = await api.get(`/api/occurrences?taskId=${taskId}&limit=100`);
  expect(response.status(), await response.text()).toBe(200);
  return pageSchema(occurrenceSchema).parse(await response.json()).items;
}

/** Defines a daily task at one time through the API (as another coordinator would). */
export async function createDailyTaskViaApi(
  api: APIRequestContext,
  body: { title: string; siteId: number; time: string; procedureId?: string; team?: string },
): Promise<RecurringTask> {
  const response = await api.post('/api/tasks', {
    data: {
      title: body.title,
      procedureId: body.procedureId ?? 'remote-hands-request',
      scope: { siteId: body.siteId, roomId: null, rackId: null },
      schedule: { kind: 'daily', times: [body.time] },
      ...(body.team ? { team: body.team } : {}),
    },
    headers: { 'Idempotency-Key': `e2e-task-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  });
  expect(response.status(), await response.text()).toBe(201);
  return recurringTaskSchema.parse(await response.json());
}
