import {
  idempotentReplayHeader,
  type LiveEnvelope,
  type RunDetail,
  type StepRecordResult,
} from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient, settle } from './support/live-client.js';
import { errorOf, recordStep, signStep, startRun, stepOf, tempLibrary } from './support/run-fixtures.js';
import { countRows, withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

describe('procedure runs: never lost, never twice, live', () => {
  const library = tempLibrary();
  let t: TestApp;
  let coordinator: ApiClient;
  let technician: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await startTestApp({ env: { VIGIE_PROCEDURES_DIR: library.dir } });
    coordinator = await signedIn(t.url, 'coordinator');
    technician = await signedIn(t.url, 'technician');
    admin = await signedIn(t.url, 'admin');
  });
  afterAll(async () => {
    await t.close();
    library.close();
  });

  const recordsOf = (runId: number, stepId: string) =>
    withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare('select id from step_record where run_id = ? and step_id = ?').all(runId, stepId),
    );
  const auditCount = (action: string) =>
    withRawDatabase(
      t.config.databaseFile,
      (db) =>
        (db.prepare('select count(*) n from audit_event where action = ?').get(action) as { n: number }).n,
    );

  it('answers a retry with the same Idempotency-Key with the first answer, recording once', async () => {
    const run = await startRun(technician);
    const key = { 'Idempotency-Key': 'tick-badge-in-0001' };
    const body = { outcome: 'done' as const, deviceTime: new Date(Date.now() - 60_000).toISOString() };
    const audits = auditCount('step.record');
    const events = countRows(t.config.databaseFile, 'live_event');

    const first = await recordStep(technician, run.id, 'badge-in', body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get(idempotentReplayHeader)).toBeNull();
    const firstBody = (await first.json()) as StepRecordResult;
    const retries = await Promise.all(
      [1, 2, 3].map(() => recordStep(technician, run.id, 'badge-in', body, key)),
    );
    for (const retry of retries) {
      expect(retry.status).toBe(201);
      expect(retry.headers.get(idempotentReplayHeader)).toBe('true');
      expect((await retry.json()) as StepRecordResult).toEqual(firstBody);
    }
    expect(firstBody.record.deviceTime).toBe(body.deviceTime);
    expect(recordsOf(run.id, 'badge-in')).toEqual([{ id: firstBody.record.id }]);
    expect(auditCount('step.record')).toBe(audits + 1);
    // step.recorded and run.updated, once.
    expect(countRows(t.config.databaseFile, 'live_event')).toBe(events + 2);

    const reused = await recordStep(technician, run.id, 'read-load', { outcome: 'done', reading: 3 }, key);
    expect(reused.status).toBe(422);
    expect(recordsOf(run.id, 'read-load')).toEqual([]);
  });

  it('gives one of two technicians ticking the same step at once a 2xx, the other a 409 with the current state', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const run = await startRun(coordinator);
      const [a, b] = await Promise.all([
        recordStep(
          technician,
          run.id,
          'badge-in',
          { outcome: 'done' },
          { 'Idempotency-Key': `race-a-${run.id}` },
        ),
        recordStep(
          coordinator,
          run.id,
          'badge-in',
          { outcome: 'done' },
          { 'Idempotency-Key': `race-b-${run.id}` },
        ),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const [winner, loser] = a.status === 201 ? [a, b] : [b, a];
      const won = (await winner.json()) as StepRecordResult;
      const lost = await errorOf(loser);
      expect(lost.code).toBe('conflict');
      const current = lost.current as RunDetail;
      expect(stepOf(current, 'badge-in').current).toEqual(won.record);
      expect(recordsOf(run.id, 'badge-in')).toEqual([{ id: won.record.id }]);
    }
  });

  it('lets only one of two simultaneous corrections of the same record through', async () => {
    const run = await startRun(coordinator);
    const first = await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 99 });
    const correction = (reading: number) => ({
      outcome: 'done' as const,
      reading,
      reason: 'misread',
      expectedRecordId: first.record.id,
    });
    const answers = await Promise.all([
      recordStep(technician, run.id, 'read-load', correction(41)),
      recordStep(coordinator, run.id, 'read-load', correction(42)),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(recordsOf(run.id, 'read-load')).toHaveLength(2);
  });

  it('lets only one of two simultaneous verifications through', async () => {
    const run = await startRun(technician);
    await signStep(technician, run.id, 'badge-in', { outcome: 'done' });
    await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 30 });
    const { record } = await signStep(technician, run.id, 'switch-bypass', { outcome: 'done' });
    const answers = await Promise.all(
      [coordinator, admin].map((client) =>
        client.post(`/api/runs/${run.id}/steps/switch-bypass/verification`, { recordId: record.id }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(countRows(t.config.databaseFile, 'step_verification')).toBeGreaterThanOrEqual(1);
    expect(
      withRawDatabase(t.config.databaseFile, (db) =>
        db.prepare('select count(*) n from step_verification where record_id = ?').get(record.id),
      ),
    ).toEqual({ n: 1 });
  });

  it('is held by the database itself: a second record of the same revision is refused', async () => {
    const run = await startRun(technician);
    const { record } = await signStep(technician, run.id, 'badge-in', { outcome: 'done' });
    // As a second server process would, racing past the in-transaction check.
    expect(() =>
      withRawDatabase(t.config.databaseFile, (db) =>
        db
          .prepare(
            `insert into step_record (run_id, step_id, revision, outcome, deviation, evidence, performed_by_id, performed_at)
             select run_id, step_id, revision, 'failed', 0, '[]', performed_by_id, performed_at from step_record where id = ?`,
          )
          .run(record.id),
      ),
    ).toThrow(/UNIQUE constraint failed: step_record.run_id, step_record.step_id, step_record.revision/);
    expect(() =>
      withRawDatabase(t.config.databaseFile, (db) =>
        db
          .prepare(
            'insert into step_verification (record_id, verified_by_id, verified_at) values (?, ?, 0), (?, ?, 0)',
          )
          .run(record.id, 1, record.id, 1),
      ),
    ).toThrow(/UNIQUE constraint failed: step_verification.record_id/);
  });

  it('keeps every record in the audit chain, which still verifies', async () => {
    const verification = await admin.get('/api/audit/verify');
    expect(verification.status).toBe(200);
    expect(await verification.json()).toMatchObject({ ok: true });
  });

  // Within a second of the API answer (the bound); test/bench/runs.bench.ts measures how fast.
  it('sends every record and verification live to the staff, within a second of the answer', async () => {
    const live = new LiveClient(t.url, coordinator.cookie);
    const viewer = await signedIn(t.url, 'viewer');
    const tenantLive = new LiveClient(t.url, viewer.cookie);
    try {
      await live.ready();
      await tenantLive.ready();
      const run = await startRun(technician);
      const { record } = await signStep(technician, run.id, 'badge-in', { outcome: 'done' });
      const events = await live.until(
        (received) => received.some((event) => event.type === 'step.recorded'),
        1_000,
      );
      const recorded = events.find(
        (event) => event.type === 'step.recorded',
      ) as LiveEnvelope<'step.recorded'>;
      expect(recorded.payload.record).toMatchObject({ id: record.id, stepId: 'badge-in', outcome: 'done' });
      expect(recorded.payload.run).toMatchObject({ id: run.id, progress: { signed: 1, required: 5 } });
      const types = events.map((event) => event.type);
      expect(types).toEqual(expect.arrayContaining(['run.started', 'step.recorded', 'run.updated']));
      const updated = events
        .filter((event) => event.type === 'run.updated')
        .at(-1) as LiveEnvelope<'run.updated'>;
      expect(updated.payload.version).toBe(recorded.payload.run.version);

      await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 5 });
      const bypass = await signStep(technician, run.id, 'switch-bypass', { outcome: 'done' });
      await admin.post(`/api/runs/${run.id}/steps/switch-bypass/verification`, {
        recordId: bypass.record.id,
      });
      const verified = (
        await live.until((received) => received.some((event) => event.type === 'step.verified'), 1_000)
      ).find((event) => event.type === 'step.verified') as LiveEnvelope<'step.verified'>;
      expect(verified.payload.record.verification).not.toBeNull();
      // Runs are internal: a client viewer's socket receives none of it.
      await settle();
      expect(
        tenantLive.events.filter((event) => event.type.startsWith('run.') || event.type.startsWith('step.')),
      ).toEqual([]);
    } finally {
      live.close();
      tenantLive.close();
    }
  });
});
