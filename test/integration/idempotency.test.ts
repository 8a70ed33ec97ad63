import { MikroORM } from '@mikro-orm/core';
import { idempotencyKeyHeader, idempotentReplayHeader, type RunDetail } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyKey } from '../../server/src/common/idempotency/idempotency-key.entity.js';
import {
  IdempotencyKeyTaken,
  IdempotencyStore,
} from '../../server/src/common/idempotency/idempotency-store.js';
import { ProcedureVersion } from '../../server/src/runs/procedure-version.entity.js';
import { errorOf, recordStep, signStep, startRun, tempLibrary, userIdOf } from './support/run-fixtures.js';
import { countRows, withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

describe('Idempotency-Key on writes', () => {
  const library = tempLibrary();
  let t: TestApp;
  let technician: ApiClient;
  let coordinator: ApiClient;
  let technicianId: number;
  const start = { procedureId: 'check-ups' };

  beforeAll(async () => {
    t = await startTestApp({ env: { VIGIE_PROCEDURES_DIR: library.dir } });
    technician = await signedIn(t.url, 'technician');
    coordinator = await signedIn(t.url, 'coordinator');
    technicianId = await userIdOf(technician);
  });
  afterAll(async () => {
    await t.close();
    library.close();
  });

  const em = () => t.app.get(MikroORM).em.fork();
  const runs = () => countRows(t.config.databaseFile, 'procedure_run');
  const keyRow = (userId: number, key: string) => em().findOne(IdempotencyKey, { userId, key });
  const withKey = (key: string) => ({ [idempotencyKeyHeader]: key });

  it('runs every request without a key', async () => {
    const before = runs();
    expect((await technician.post('/api/runs', start)).status).toBe(201);
    expect((await technician.post('/api/runs', start)).status).toBe(201);
    expect(runs()).toBe(before + 2);
  });

  it('writes once and answers every retry with the first answer, stored with the commit', async () => {
    const before = runs();
    const first = await technician.post('/api/runs', start, withKey('start-run-key-1'));
    expect(first.status).toBe(201);
    const body = (await first.json()) as RunDetail;
    const retry = await technician.post('/api/runs', start, withKey('start-run-key-1'));
    expect(retry.status).toBe(201);
    expect(retry.headers.get(idempotentReplayHeader)).toBe('true');
    expect(await retry.json()).toEqual(body);
    expect(runs()).toBe(before + 1);
    const row = await keyRow(technicianId, 'start-run-key-1');
    expect(row).toMatchObject({ status: 201 });
    expect(JSON.parse(row!.body)).toEqual(body);
  });

  it('replays a 200 answer as a 200, without a second audit event', async () => {
    const run = await startRun(technician);
    const abort = () =>
      technician.post(`/api/runs/${run.id}/abort`, { reason: 'drill' }, withKey(`abort-${run.id}-x`));
    const first = await abort();
    const second = await abort();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.json()).toEqual(await first.json());
    const audits = withRawDatabase(t.config.databaseFile, (db) =>
      db
        .prepare("select count(*) n from audit_event where action = 'run.abort' and entity_id = ?")
        .get(String(run.id)),
    );
    expect(audits).toEqual({ n: 1 });
  });

  it('refuses an invalid key with 400, writing nothing', async () => {
    const before = runs();
    for (const key of ['short', 'has spaces in it', 'x'.repeat(129)]) {
      const response = await technician.post('/api/runs', start, withKey(key));
      expect(response.status).toBe(400);
      expect((await errorOf(response)).fields?.[0]?.path).toBe(idempotencyKeyHeader);
    }
    expect(runs()).toBe(before);
  });

  it('refuses the same key for another body or another route with 422', async () => {
    expect((await technician.post('/api/runs', start, withKey('reused-key-01'))).status).toBe(201);
    const before = runs();
    const otherBody = await technician.post(
      '/api/runs',
      { procedureId: 'swap-pdu' },
      withKey('reused-key-01'),
    );
    expect(otherBody.status).toBe(422);
    expect((await errorOf(otherBody)).message).toMatch(/different request/);
    const run = await startRun(technician);
    const otherRoute = await technician.post(
      `/api/runs/${run.id}/abort`,
      { reason: 'x' },
      withKey('reused-key-01'),
    );
    expect(otherRoute.status).toBe(422);
    expect(runs()).toBe(before + 1);
  });

  it('keeps keys per user', async () => {
    const before = runs();
    const mine = await technician.post('/api/runs', start, withKey('shared-key-0001'));
    const theirs = await coordinator.post('/api/runs', start, withKey('shared-key-0001'));
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers.get(idempotentReplayHeader)).toBeNull();
    expect(((await theirs.json()) as RunDetail).id).not.toBe(((await mine.json()) as RunDetail).id);
    expect(runs()).toBe(before + 2);
  });

  it('frees the key of a request refused before any write', async () => {
    const refused = await technician.post('/api/runs', { procedureId: 'nope' }, withKey('refused-start-01'));
    expect(refused.status).toBe(422);
    expect(await keyRow(technicianId, 'refused-start-01')).toBeNull();
  });

  it('frees the key of a request that failed, so the retry runs again', async () => {
    const run = await startRun(technician);
    const tick = () =>
      recordStep(technician, run.id, 'switch-bypass', { outcome: 'done' }, withKey(`tick-${run.id}-bypass`));
    expect((await tick()).status).toBe(422);
    expect(await keyRow(technicianId, `tick-${run.id}-bypass`)).toBeNull();
    await signStep(technician, run.id, 'badge-in', { outcome: 'done' });
    await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 10 });
    const retried = await tick();
    expect(retried.status).toBe(201);
    expect(retried.headers.get(idempotentReplayHeader)).toBeNull();
  });

  it('writes once when the same request comes twice at the same time, answering both alike', async () => {
    const before = runs();
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map(() => technician.post('/api/runs', start, withKey('double-submit-01'))),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(answers.filter((answer) => answer.headers.get(idempotentReplayHeader) === null)).toHaveLength(1);
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(runs()).toBe(before + 1);

    const run = await startRun(technician);
    const ticks = await Promise.all(
      [1, 2, 3].map(() =>
        recordStep(technician, run.id, 'badge-in', { outcome: 'done' }, withKey(`double-tick-${run.id}`)),
      ),
    );
    expect(ticks.map((tick) => tick.status)).toEqual([201, 201, 201]);
    const records = withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare("select count(*) n from step_record where run_id = ? and step_id = 'badge-in'").get(run.id),
    );
    expect(records).toEqual({ n: 1 });
  });

  it('rolls back a write whose key another request answered first', async () => {
    const claim = { userId: technicianId, key: 'taken-key-0001', fingerprint: 'f'.repeat(64), status: 201 };
    await em().transactional((tx) => IdempotencyStore.settleIn(tx, { ...claim }, { first: true }));
    await expect(
      em().transactional(async (tx) => {
        tx.create(ProcedureVersion, {
          hash: 'x',
          procedureId: 'x',
          file: 'x',
          source: null,
          content: {} as never,
          pinnedAt: new Date(),
        });
        await tx.flush();
        await IdempotencyStore.settleIn(tx, { ...claim }, { second: true });
      }),
    ).rejects.toBeInstanceOf(IdempotencyKeyTaken);
    expect(
      withRawDatabase(t.config.databaseFile, (db) =>
        db.prepare("select count(*) n from procedure_version where hash = 'x'").get(),
      ),
    ).toEqual({ n: 0 });
    expect(JSON.parse((await keyRow(technicianId, claim.key))!.body)).toEqual({ first: true });
  });

  it('forgets a key once expired, and purges expired keys', async () => {
    const key = 'expired-key-0001';
    expect((await technician.post('/api/runs', start, withKey(key))).status).toBe(201);
    await em().nativeUpdate(
      IdempotencyKey,
      { userId: technicianId, key },
      { expiresAt: new Date(Date.now() - 1000), body: '{"stale":true}' },
    );
    const again = await technician.post('/api/runs', start, withKey(key));
    expect(again.status).toBe(201);
    expect(again.headers.get(idempotentReplayHeader)).toBeNull();
    expect((await again.json()) as RunDetail).toMatchObject({ procedure: { id: 'check-ups' } });

    await em().nativeUpdate(
      IdempotencyKey,
      { userId: technicianId, key },
      { expiresAt: new Date(Date.now() - 1000) },
    );
    const purged = await new IdempotencyStore(em()).purgeExpired(true);
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await keyRow(technicianId, key)).toBeNull();
  });
});
