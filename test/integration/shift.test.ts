import {
  handoverSchema,
  occurrenceSchema,
  pageSchema,
  shiftLogEntrySchema,
  siteSchema,
  type Handover,
  type RunDetail,
  type ShiftLogEntry,
} from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskScheduler } from '../../server/src/tasks/task-scheduler.js';
import { newIncident } from './support/incident-fixtures.js';
import { created, expectError, ok, unique } from './support/inventory-fixtures.js';
import { LiveClient } from './support/live-client.js';
import { startRun, tempLibrary, userIdOf } from './support/run-fixtures.js';
import { countRows, withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

const parseEntry = (value: unknown): ShiftLogEntry => shiftLogEntrySchema.parse(value);
const parseHandover = (value: unknown): Handover => handoverSchema.parse(value);
const parseEntryPage = (value: unknown) => pageSchema(shiftLogEntrySchema).parse(value);
const parseHandoverPage = (value: unknown) => pageSchema(handoverSchema).parse(value);

describe('main courante and shift handover', () => {
  const library = tempLibrary();
  let t: TestApp;
  let coordinator: ApiClient;
  let admin: ApiClient;
  let technician: ApiClient;
  let manager: ApiClient;
  let viewer: ApiClient;
  let siteId: number;

  beforeAll(async () => {
    t = await startTestApp({ env: { VIGIE_PROCEDURES_DIR: library.dir } });
    coordinator = await signedIn(t.url, 'coordinator');
    admin = await signedIn(t.url, 'admin');
    technician = await signedIn(t.url, 'technician');
    manager = await signedIn(t.url, 'manager');
    viewer = await signedIn(t.url, 'viewer');
    const sites = pageSchema(siteSchema).parse(await (await admin.get('/api/sites')).json()).items;
    siteId = sites[0]!.id;
  });
  afterAll(async () => {
    await t.close();
    library.close();
  });

  const append = (client: ApiClient, body: object, headers?: Record<string, string>) =>
    client.post('/api/shift-log', { siteId, category: 'event', ...body }, headers);
  /** A task run every hour, announced 2 h ahead: its next occurrence is due at once. */
  const dueOccurrence = async (title: string, onSite = siteId) => {
    const hours = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, '0')}:30`);
    const task = await coordinator.post('/api/tasks', {
      title,
      procedureId: 'check-ups',
      scope: { siteId: onSite },
      schedule: { kind: 'daily', times: hours },
      leadMinutes: 120,
      graceMinutes: 30,
    });
    expect(task.status, await task.clone().text()).toBe(201);
    const { id: taskId } = (await task.json()) as { id: number };
    const due = await ok(
      await coordinator.get(`/api/occurrences?taskId=${taskId}&state=due&limit=1`),
      (value) => pageSchema(occurrenceSchema).parse(value),
    );
    expect(due.items.length).toBe(1);
    return due.items[0]!;
  };
  const newSite = async () =>
    created(
      await admin.post('/api/sites', {
        code: `SH-${unique('').replace(/\D/g, '').slice(-8)}`,
        name: unique('Other site'),
        timeZone: 'Europe/Paris',
        countryCode: 'FR',
      }),
      (value) => siteSchema.parse(value),
    );
  const auditCount = (action: string, entityId: number) =>
    withRawDatabase(t.config.databaseFile, (db) => {
      const row = db
        .prepare('select count(*) as n from audit_event where action = ? and entity_id = ?')
        .get(action, String(entityId)) as { n: number };
      return row.n;
    });

  describe('the log is append-only', () => {
    it('appends an entry with its author, time and resolved links, audited', async () => {
      const incident = await newIncident(coordinator, { siteId });
      const text = unique('Generator test started');
      const entry = await created(
        await append(coordinator, { text, links: [{ kind: 'incident', id: incident.id }] }),
        parseEntry,
      );
      expect(entry).toMatchObject({
        siteId,
        category: 'event',
        text,
        author: { id: await userIdOf(coordinator) },
        links: [{ kind: 'incident', id: incident.id, label: `${incident.reference} · ${incident.title}` }],
        correctsId: null,
        correctedByIds: [],
      });
      expect(Math.abs(Date.parse(entry.at) - Date.now())).toBeLessThan(10_000);
      expect(auditCount('shift-log.append', entry.id)).toBe(1);
      const page = parseEntryPage(await (await technician.get(`/api/shift-log?siteId=${siteId}`)).json());
      expect(page.items[0]?.id).toBe(entry.id);
    });

    it('has no route to edit or delete an entry', async () => {
      const entry = await created(await append(coordinator, { text: unique('Door left open') }), parseEntry);
      for (const method of ['PATCH', 'PUT', 'DELETE']) {
        const response = await coordinator.request(method, `/api/shift-log/${entry.id}`, {
          text: 'rewritten',
        });
        expect(response.status).toBe(404);
      }
      const page = parseEntryPage(
        await (await coordinator.get(`/api/shift-log?siteId=${siteId}&limit=200`)).json(),
      );
      expect(page.items.find((item) => item.id === entry.id)?.text).toBe(entry.text);
    });

    it('records a correction as a new entry linked to the one it corrects', async () => {
      const wrong = await created(await append(coordinator, { text: unique('CRAC-3 stopped') }), parseEntry);
      const correction = await created(
        await append(coordinator, { text: 'It was CRAC-4, not CRAC-3', correctsId: wrong.id }),
        parseEntry,
      );
      expect(correction.correctsId).toBe(wrong.id);
      const page = parseEntryPage(
        await (await coordinator.get(`/api/shift-log?siteId=${siteId}&limit=200`)).json(),
      );
      const original = page.items.find((item) => item.id === wrong.id);
      expect(original?.text).toBe(wrong.text);
      expect(original?.correctedByIds).toEqual([correction.id]);
    });

    it('refuses a correction of an unknown entry and a link to nothing, writing nothing', async () => {
      const before = parseEntryPage(await (await coordinator.get(`/api/shift-log?siteId=${siteId}`)).json());
      const error = await expectError(
        await append(coordinator, { text: 'x', correctsId: 999_999 }),
        422,
        'rule_violation',
      );
      expect(error.fields?.[0]?.path).toBe('correctsId');
      const linkError = await expectError(
        await append(coordinator, { text: 'x', links: [{ kind: 'rack', id: 999_999 }] }),
        422,
        'rule_violation',
      );
      expect(linkError.fields?.[0]?.path).toBe('links.0.id');
      await expectError(await append(coordinator, { text: '   ' }), 400, 'validation_failed');
      await expectError(
        await append(coordinator, { text: 'x', category: 'gossip' }),
        400,
        'validation_failed',
      );
      const after = parseEntryPage(await (await coordinator.get(`/api/shift-log?siteId=${siteId}`)).json());
      expect(after.items[0]?.id).toBe(before.items[0]?.id);
    });

    it('checks run and occurrence links exist and labels them itself, whatever the client says', async () => {
      const run = await startRun(coordinator, 'check-ups', { siteId });
      const occurrence = await dueOccurrence(unique('Linked round'));
      const entry = await created(
        await append(coordinator, {
          text: unique('Round started'),
          links: [
            { kind: 'run', id: run.id },
            { kind: 'occurrence', id: occurrence.id },
          ],
        }),
        parseEntry,
      );
      const local = new Date(Date.parse(occurrence.scheduledAt))
        .toLocaleString('sv-SE', { timeZone: 'Europe/Paris' })
        .slice(0, 16);
      expect(entry.links).toEqual([
        { kind: 'run', id: run.id, label: `#${run.id} · check-ups` },
        { kind: 'occurrence', id: occurrence.id, label: `${occurrence.title} · ${local}` },
      ]);
      const before = countRows(t.config.databaseFile, 'shift_log_entry');
      const unknown = await expectError(
        await append(coordinator, {
          text: 'x',
          links: [
            { kind: 'occurrence', id: 999_999 },
            { kind: 'run', id: run.id },
          ],
        }),
        422,
        'rule_violation',
      );
      expect(unknown.fields?.[0]?.path).toBe('links.0.id');
      const unknownRun = await expectError(
        await append(coordinator, { text: 'x', links: [{ kind: 'run', id: 999_999 }] }),
        422,
        'rule_violation',
      );
      expect(unknownRun.fields?.[0]?.path).toBe('links.0.id');
      // A label of the client's own is not accepted: the server names every link.
      await expectError(
        await append(coordinator, {
          text: 'x',
          links: [{ kind: 'occurrence', id: occurrence.id, label: 'INC-000001 · fake' }],
        }),
        400,
        'validation_failed',
      );
      expect(countRows(t.config.databaseFile, 'shift_log_entry')).toBe(before);
    });

    it('filters by category and pages newest first by keyset', async () => {
      const category = 'safety';
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push(
          (await created(await append(coordinator, { category, text: unique('Round') }), parseEntry)).id,
        );
      }
      const first = parseEntryPage(
        await (await coordinator.get(`/api/shift-log?siteId=${siteId}&category=${category}&limit=2`)).json(),
      );
      expect(first.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
      expect(first.items.every((item) => item.category === category)).toBe(true);
      const second = parseEntryPage(
        await (
          await coordinator.get(
            `/api/shift-log?siteId=${siteId}&category=${category}&limit=2&cursor=${first.nextCursor}`,
          )
        ).json(),
      );
      expect(second.items.map((item) => item.id)).toEqual([ids[0]]);
      expect(second.nextCursor).toBeNull();
    });

    it('lets staff read but only coordinators and admins write; client viewers see nothing', async () => {
      await expectError(await append(technician, { text: 'not mine to write' }), 403, 'forbidden');
      await expectError(await append(manager, { text: 'not mine to write' }), 403, 'forbidden');
      expect((await manager.get(`/api/shift-log?siteId=${siteId}`)).status).toBe(200);
      await expectError(await viewer.get(`/api/shift-log?siteId=${siteId}`), 403, 'forbidden');
      await expectError(await technician.get(`/api/handovers/draft?siteId=${siteId}`), 403, 'forbidden');
      await expectError(await technician.post('/api/handovers', { siteId }), 403, 'forbidden');
      await created(await append(admin, { text: unique('Admin note') }), parseEntry);
    });

    it('sends the new entry live to staff sockets', async () => {
      const live = new LiveClient(t.url, technician.cookie);
      try {
        await live.ready();
        const entry = await created(await append(coordinator, { text: unique('Live entry') }), parseEntry);
        const events = await live.until((received) =>
          received.some((event) => event.type === 'shift-log.entry-added' && event.payload.id === entry.id),
        );
        const event = events.find((received) => received.type === 'shift-log.entry-added');
        expect(event?.payload).toMatchObject({ id: entry.id, text: entry.text });
      } finally {
        live.close();
      }
    });

    it('replays an entry posted twice with the same Idempotency-Key', async () => {
      const headers = { 'Idempotency-Key': unique('shift-key') };
      const body = { text: unique('Once only') };
      const first = await created(await append(coordinator, body, headers), parseEntry);
      const second = await append(coordinator, body, headers);
      expect(second.status).toBe(201);
      expect(second.headers.get('Idempotent-Replayed')).toBe('true');
      expect(parseEntry(await second.json()).id).toBe(first.id);
    });
  });

  describe('the handover', () => {
    it('drafts from the live state: open incidents with SLA state, runs in progress, the shift log', async () => {
      const incident = await newIncident(coordinator, { siteId, impact: 1, urgency: 1 });
      const run = await startRun(coordinator, 'check-ups', {
        context: { kind: 'incident', id: incident.id },
      });
      const entry = await created(await append(coordinator, { text: unique('Shift note') }), parseEntry);
      // Another site's incident and its run belong to that site's handover, not this one.
      const otherSite = await newSite();
      const elsewhere = await newIncident(coordinator, { siteId: otherSite.id });
      const elsewhereRun = await startRun(coordinator, 'check-ups', {
        context: { kind: 'incident', id: elsewhere.id },
      });
      // Free runs belong to the site they were started for; one without a site to no handover.
      const freeHere = await startRun(coordinator, 'check-ups', { siteId });
      const freeElsewhere = await startRun(coordinator, 'check-ups', { siteId: otherSite.id });
      const freeNowhere = await startRun(coordinator, 'check-ups');
      // A run of one of this site's occurrences is on this site.
      const occurrence = await dueOccurrence(unique('Round in progress'));
      const occurrenceRunId = (
        await created(await coordinator.post(`/api/occurrences/${occurrence.id}/start`, {}), (value) =>
          occurrenceSchema.parse(value),
        )
      ).runId;
      const draft = await ok(await coordinator.get(`/api/handovers/draft?siteId=${siteId}`), parseHandover);
      expect(draft).toMatchObject({ id: null, state: 'draft', siteId, incoming: null, submittedAt: null });
      const drafted = draft.snapshot.openIncidents.find((item) => item.id === incident.id);
      expect(drafted).toMatchObject({ reference: incident.reference, status: 'new', slaState: 'on_track' });
      expect(draft.snapshot.runsInProgress.find((item) => item.id === run.id)).toMatchObject({
        procedureId: 'check-ups',
        progress: { signed: 0, required: 5 },
      });
      expect(draft.snapshot.logEntries.map((item) => item.id)).toContain(entry.id);
      expect(draft.snapshot.openIncidents.map((item) => item.id)).not.toContain(elsewhere.id);
      const runIds = draft.snapshot.runsInProgress.map((item) => item.id);
      expect(runIds).toEqual(expect.arrayContaining([run.id, freeHere.id, occurrenceRunId]));
      expect(runIds).not.toContain(elsewhereRun.id);
      expect(runIds).not.toContain(freeElsewhere.id);
      expect(runIds).not.toContain(freeNowhere.id);
      expect(draft.snapshot.runsInProgress.find((item) => item.id === occurrenceRunId)?.contextLabel).toBe(
        (await ok(await coordinator.get(`/api/runs/${occurrenceRunId}`), (value) => value as RunDetail))
          .context.label,
      );
      const otherDraft = await ok(
        await coordinator.get(`/api/handovers/draft?siteId=${otherSite.id}`),
        parseHandover,
      );
      expect(otherDraft.snapshot.runsInProgress.map((item) => item.id).sort((a, b) => a - b)).toEqual(
        [elsewhereRun.id, freeElsewhere.id].sort((a, b) => a - b),
      );
      // Drafting stores nothing.
      const listed = parseHandoverPage(
        await (await coordinator.get(`/api/handovers?siteId=${siteId}`)).json(),
      );
      expect(listed.items).toEqual([]);
    });

    it("lists the site's upcoming recurring task occurrences in the draft", async () => {
      const title = unique('Hourly round');
      const hours = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, '0')}:00`);
      const task = await coordinator.post('/api/tasks', {
        title,
        procedureId: 'check-ups',
        scope: { siteId },
        schedule: { kind: 'daily', times: hours },
      });
      expect(task.status, await task.clone().text()).toBe(201);
      const draft = await ok(await coordinator.get(`/api/handovers/draft?siteId=${siteId}`), parseHandover);
      const upcoming = draft.snapshot.upcomingTasks.filter((item) => item.title === title);
      expect(upcoming.length).toBeGreaterThan(0);
      expect(Date.parse(upcoming[0]!.dueAt)).toBeGreaterThan(Date.now());
    });

    it("gives a run its context's site and refuses another or an unknown one", async () => {
      const otherSite = await newSite();
      const incident = await newIncident(coordinator, { siteId });
      const mismatch = await expectError(
        await coordinator.post('/api/runs', {
          procedureId: 'check-ups',
          context: { kind: 'incident', id: incident.id },
          siteId: otherSite.id,
        }),
        422,
        'rule_violation',
      );
      expect(mismatch.fields?.[0]?.path).toBe('siteId');
      const unknown = await expectError(
        await coordinator.post('/api/runs', { procedureId: 'check-ups', siteId: 999_999 }),
        422,
        'rule_violation',
      );
      expect(unknown.fields?.[0]?.path).toBe('siteId');
      // The same site as the context's is accepted.
      await startRun(coordinator, 'check-ups', { context: { kind: 'incident', id: incident.id }, siteId });
    });

    it("lists the site's overdue occurrences in the draft, not another site's", async () => {
      const otherSite = await newSite();
      const here = await dueOccurrence(unique('Missed round'));
      const there = await dueOccurrence(unique('Missed round elsewhere'), otherSite.id);
      // Their latest start passes: the scheduler flags them missed.
      withRawDatabase(t.config.databaseFile, (db) =>
        db
          .prepare('update task_occurrence set due_at = ? where id in (?, ?)')
          .run(Date.now() - 60_000, here.id, there.id),
      );
      await t.app.get(TaskScheduler).tick();
      const draft = await ok(await coordinator.get(`/api/handovers/draft?siteId=${siteId}`), parseHandover);
      expect(draft.snapshot.overdueTasks.find((item) => item.id === here.id)).toMatchObject({
        title: here.title,
        state: 'missed',
      });
      expect(draft.snapshot.overdueTasks.map((item) => item.id)).not.toContain(there.id);
      const otherDraft = await ok(
        await coordinator.get(`/api/handovers/draft?siteId=${otherSite.id}`),
        parseHandover,
      );
      expect(otherDraft.snapshot.overdueTasks.map((item) => item.id)).toEqual([there.id]);
    });

    it('stores the snapshot as submitted, then only another coordinator acknowledges it', async () => {
      const live = new LiveClient(t.url, admin.cookie);
      try {
        await live.ready();
        const incident = await newIncident(coordinator, { siteId });
        const notes = unique('Watch CRAC-2 overnight');
        const submitted = await created(
          await coordinator.post('/api/handovers', { siteId, notes }),
          parseHandover,
        );
        expect(submitted).toMatchObject({ state: 'submitted', notes, incoming: null, acknowledgedAt: null });
        expect(submitted.snapshot.openIncidents.map((item) => item.id)).toContain(incident.id);
        expect(auditCount('handover.submit', submitted.id!)).toBe(1);
        await live.until((events) =>
          events.some((event) => event.type === 'handover.submitted' && event.payload.id === submitted.id),
        );

        // The stored snapshot does not follow the live state: an entry written after submission is not in it.
        await created(await append(coordinator, { text: unique('After submission') }), parseEntry);
        const stored = await ok(await admin.get(`/api/handovers/${submitted.id}`), parseHandover);
        expect(stored.snapshot).toEqual(submitted.snapshot);

        const pending = parseHandoverPage(await (await admin.get('/api/handovers?state=submitted')).json());
        expect(pending.items.map((item) => item.id)).toContain(submitted.id);

        // A second handover while this one waits would split the shift: 409 with the pending one, nothing stored.
        const handoversBefore = countRows(t.config.databaseFile, 'handover');
        const submitsBefore = auditCount('handover.submit', submitted.id!);
        const second = await expectError(
          await coordinator.post('/api/handovers', { siteId, notes: 'forgotten note' }),
          409,
          'conflict',
        );
        expect(parseHandover(second.current)).toMatchObject({ id: submitted.id, state: 'submitted' });
        expect(countRows(t.config.databaseFile, 'handover')).toBe(handoversBefore);
        expect(auditCount('handover.submit', submitted.id!)).toBe(submitsBefore);

        const refused = await expectError(
          await coordinator.post(`/api/handovers/${submitted.id}/acknowledge`),
          422,
          'rule_violation',
        );
        expect(refused.message).toMatch(/incoming/);
        await expectError(
          await technician.post(`/api/handovers/${submitted.id}/acknowledge`),
          403,
          'forbidden',
        );

        const acknowledged = await ok(
          await admin.post(`/api/handovers/${submitted.id}/acknowledge`),
          parseHandover,
        );
        expect(acknowledged).toMatchObject({
          state: 'acknowledged',
          incoming: { id: await userIdOf(admin) },
        });
        expect(acknowledged.acknowledgedAt).not.toBeNull();
        expect(acknowledged.snapshot).toEqual(submitted.snapshot);
        expect(auditCount('handover.acknowledge', submitted.id!)).toBe(1);
        await live.until((events) =>
          events.some((event) => event.type === 'handover.acknowledged' && event.payload.id === submitted.id),
        );

        await expectError(await admin.post(`/api/handovers/${submitted.id}/acknowledge`), 409, 'conflict');
        const after = parseHandoverPage(await (await admin.get('/api/handovers?state=submitted')).json());
        expect(after.items.map((item) => item.id)).not.toContain(submitted.id);
        // Once acknowledged, the next handover can be submitted.
        const next = await created(
          await coordinator.post('/api/handovers', { siteId, notes: unique('Next shift') }),
          parseHandover,
        );
        expect(next.shiftStart).toBe(submitted.submittedAt);
      } finally {
        live.close();
      }
    });

    it('starts the next shift where the last handover ended', async () => {
      const last = parseHandoverPage(await (await coordinator.get(`/api/handovers?siteId=${siteId}`)).json())
        .items[0]!;
      const draft = await ok(await coordinator.get(`/api/handovers/draft?siteId=${siteId}`), parseHandover);
      expect(draft.shiftStart).toBe(last.submittedAt);
      expect(draft.snapshot.logEntries.every((item) => item.at >= last.submittedAt!)).toBe(true);
    });

    it('answers 404 for an unknown site or handover', async () => {
      await expectError(await coordinator.get('/api/handovers/draft?siteId=999999'), 404, 'not_found');
      await expectError(await coordinator.post('/api/handovers', { siteId: 999_999 }), 404, 'not_found');
      await expectError(await admin.post('/api/handovers/999999/acknowledge'), 404, 'not_found');
    });
  });
});
