import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maxEvidenceBytes, type RunDetail, type RunEvidence, type StepRecordResult } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  recordStep,
  signStep,
  startRun,
  stepOf,
  tempLibrary,
  userIdOf,
} from './support/run-fixtures.js';
import { withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

describe('procedure runs: sign-off rules', () => {
  const library = tempLibrary();
  let t: TestApp;
  let coordinator: ApiClient;
  let technician: ApiClient;
  let manager: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    t = await startTestApp({ env: { VIGIE_PROCEDURES_DIR: library.dir } });
    coordinator = await signedIn(t.url, 'coordinator');
    technician = await signedIn(t.url, 'technician');
    manager = await signedIn(t.url, 'manager');
    viewer = await signedIn(t.url, 'viewer');
  });
  afterAll(async () => {
    await t.close();
    library.close();
  });

  const upload = async (
    client: ApiClient,
    runId: number,
    bytes: Buffer,
    name: string,
    type = 'image/png',
  ) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    return fetch(`${t.url}/api/runs/${runId}/evidence`, {
      method: 'POST',
      headers: { cookie: client.cookie ?? '' },
      body: form,
    });
  };
  const auditActions = (entityType: string, entityId: number) =>
    withRawDatabase(t.config.databaseFile, (db) =>
      (
        db
          .prepare('select action from audit_event where entity_type = ? and entity_id = ? order by id')
          .all(entityType, String(entityId)) as { action: string }[]
      ).map((row) => row.action),
    );

  it('starts a run on the pinned library version, with its steps in order and nothing signed', async () => {
    const procedure = (await (await coordinator.get('/api/procedures/check-ups')).json()) as {
      version: string;
    };
    const technicianId = await userIdOf(technician);
    const run = await startRun(coordinator, 'check-ups', { assigneeId: technicianId });
    expect(run).toMatchObject({
      procedure: { id: 'check-ups', version: procedure.version, kind: 'SOP' },
      context: { kind: 'none', id: null, label: null },
      state: 'in_progress',
      startedBy: { id: await userIdOf(coordinator) },
      assignee: { id: technicianId },
      progress: { signed: 0, required: 5, total: 5, readyToComplete: false },
      version: 1,
    });
    expect(run.phases).toEqual([
      { id: 'prepare', title: { fr: 'Préparer', en: 'Prepare' }, freeOrder: true },
      { id: 'act', title: { fr: 'Agir', en: 'Act' }, freeOrder: false },
    ]);
    expect(run.steps.map((step) => [step.id, step.status, step.verification])).toEqual([
      ['badge-in', 'pending', 'not_required'],
      ['read-load', 'pending', 'not_required'],
      ['switch-bypass', 'blocked', 'awaiting'],
      ['photo', 'blocked', 'not_required'],
      ['close', 'blocked', 'not_required'],
    ]);
    expect(auditActions('ProcedureRun', run.id)).toEqual(['run.start']);
    expect((await (await manager.get(`/api/runs/${run.id}`)).json()) as RunDetail).toEqual(run);
    expect((await viewer.get(`/api/runs/${run.id}`)).status).toBe(403);
  });

  it('refuses an unknown procedure, and a stale procedure version with the current one', async () => {
    const unknown = await coordinator.post('/api/runs', { procedureId: 'no-such-procedure' });
    expect(unknown.status).toBe(422);
    expect((await errorOf(unknown)).fields?.map((field) => field.path)).toEqual(['procedureId']);
    const stale = await coordinator.post('/api/runs', {
      procedureId: 'check-ups',
      procedureVersion: '0'.repeat(64),
    });
    expect(stale.status).toBe(409);
    expect((await errorOf(stale)).current).toMatchObject({ procedure: { id: 'check-ups' } });
    expect((await manager.post('/api/runs', { procedureId: 'check-ups' })).status).toBe(403);
  });

  it('keeps ordered steps in order, and lets a free-order phase go in any order', async () => {
    const run = await startRun(technician);
    const early = await recordStep(technician, run.id, 'switch-bypass', { outcome: 'done' });
    expect(early.status).toBe(422);
    expect((await errorOf(early)).message).toMatch(/"badge-in" comes first/);
    // Free order: the reading before the badge.
    await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 42 });
    const stillEarly = await recordStep(technician, run.id, 'switch-bypass', { outcome: 'done' });
    expect((await errorOf(stillEarly)).message).toMatch(/"badge-in" comes first/);
    const { run: after } = await signStep(technician, run.id, 'badge-in', { outcome: 'done' });
    expect(stepOf(after, 'switch-bypass').status).toBe('pending');
    expect(stepOf(after, 'photo').status).toBe('blocked');
    const skipAhead = await recordStep(technician, run.id, 'close', { outcome: 'done' });
    expect((await errorOf(skipAhead)).message).toMatch(/"switch-bypass" comes first/);
    expect((await recordStep(technician, run.id, 'no-such-step', { outcome: 'done' })).status).toBe(404);
  });

  it('checks readings against the range: out of range is recorded, flagged, and offers an incident', async () => {
    const run = await startRun(technician);
    const missing = await recordStep(technician, run.id, 'read-load', { outcome: 'done' });
    expect(missing.status).toBe(422);
    expect((await errorOf(missing)).fields).toEqual([{ path: 'reading', message: 'enter the load (%)' }]);
    const notHere = await recordStep(technician, run.id, 'badge-in', { outcome: 'done', reading: 3 });
    expect((await errorOf(notHere)).fields).toEqual([
      { path: 'reading', message: 'this step takes no reading' },
    ]);

    const result = await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 93.5 });
    expect(result.offerIncident).toBe(true);
    expect(result.record.reading).toEqual({ value: 93.5, unit: '%', min: 0, max: 80, inRange: false });
    expect(result.run.progress).toMatchObject({ signed: 1, outOfRange: 1 });

    const other = await startRun(technician);
    const inRange = await signStep(technician, other.id, 'read-load', { outcome: 'done', reading: 80 });
    expect(inRange.offerIncident).toBe(false);
    expect(inRange.record.reading?.inRange).toBe(true);
  });

  it('asks a reason to skip, to mark not applicable, to fail and to deviate', async () => {
    const run = await startRun(technician);
    for (const body of [
      { outcome: 'skipped' as const },
      { outcome: 'not_applicable' as const },
      { outcome: 'failed' as const },
      { outcome: 'done' as const, deviation: true },
    ]) {
      const response = await recordStep(technician, run.id, 'badge-in', body);
      expect(response.status).toBe(422);
      const fields = (await errorOf(response)).fields ?? [];
      expect(fields.map((field) => field.path)).toEqual(['reason']);
      expect(fields[0]?.message).toMatch(/^give the reason/);
    }
    const blank = await recordStep(technician, run.id, 'badge-in', { outcome: 'skipped', reason: '   ' });
    expect(blank.status).toBe(400);
    const skipped = await signStep(technician, run.id, 'badge-in', {
      outcome: 'skipped',
      reason: 'door held open',
    });
    expect(skipped.record).toMatchObject({ outcome: 'skipped', reason: 'door held open', deviation: false });
    expect(stepOf(skipped.run, 'badge-in').status).toBe('skipped');
    const detail = (await (await technician.get(`/api/runs/${run.id}`)).json()) as RunDetail;
    expect(stepOf(detail, 'badge-in').current?.id).toBe(skipped.record.id);
  });

  it('keeps evidence files with their SHA-256 and refuses an evidence step without one', async () => {
    const run = await startRun(technician);
    await signStep(technician, run.id, 'badge-in', { outcome: 'done' });
    await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 40 });
    const bypass = await signStep(technician, run.id, 'switch-bypass', { outcome: 'done' });
    expect(bypass.run.progress.awaitingVerification).toBe(1);

    const noEvidence = await recordStep(technician, run.id, 'photo', { outcome: 'done' });
    expect((await errorOf(noEvidence)).fields).toEqual([
      { path: 'evidence', message: 'this step needs an evidence file' },
    ]);
    const unknown = await recordStep(technician, run.id, 'photo', {
      outcome: 'done',
      evidence: ['a'.repeat(64)],
    });
    expect((await errorOf(unknown)).fields).toEqual([
      { path: 'evidence.0', message: 'no such evidence file was uploaded for this run' },
    ]);

    const bytes = Buffer.from('\u0089PNG fake display photo');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const uploaded = await upload(technician, run.id, bytes, 'affichage onduleur.png');
    expect(uploaded.status).toBe(201);
    const evidence = (await uploaded.json()) as RunEvidence;
    expect(evidence).toMatchObject({
      sha256,
      name: 'affichage onduleur.png',
      size: bytes.length,
      contentType: 'image/png',
    });
    expect(readFileSync(join(t.config.dataDir, 'evidence', sha256.slice(0, 2), sha256))).toEqual(bytes);
    // The same bytes again: the same file, one row.
    expect(((await (await upload(technician, run.id, bytes, 'again.png')).json()) as RunEvidence).name).toBe(
      'affichage onduleur.png',
    );
    expect(
      withRawDatabase(t.config.databaseFile, (db) =>
        db.prepare('select count(*) n from run_evidence where sha256 = ?').get(sha256),
      ),
    ).toEqual({ n: 1 });

    const photo = await signStep(technician, run.id, 'photo', { outcome: 'done', evidence: [sha256] });
    expect(photo.record.evidence).toEqual([evidence]);
    const download = await manager.get(`/api/runs/${run.id}/evidence/${sha256}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect((await manager.get(`/api/runs/${run.id}/evidence/${'b'.repeat(64)}`)).status).toBe(404);
    const page = await upload(
      technician,
      run.id,
      Buffer.from('<script>alert(1)</script>'),
      'x.html',
      'text/html',
    );
    const html = (await page.json()) as RunEvidence;
    const served = await manager.get(`/api/runs/${run.id}/evidence/${html.sha256}`);
    expect(served.headers.get('content-type')).toBe('application/octet-stream');
    const tooLarge = await upload(technician, run.id, Buffer.alloc(maxEvidenceBytes + 1, 1), 'big.png');
    expect(tooLarge.status).toBe(413);
    const empty = await upload(technician, run.id, Buffer.alloc(0), 'empty.png');
    expect(empty.status).toBe(422);
    expect((await upload(manager, run.id, bytes, 'x.png')).status).toBe(403);
    expect(existsSync(join(t.config.dataDir, 'evidence'))).toBe(true);
  });

  it('needs another person to verify a critical step: never its performer', async () => {
    const run = await startRun(technician);
    await signStep(technician, run.id, 'badge-in', { outcome: 'done' });
    await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 40 });
    const { record } = await signStep(technician, run.id, 'switch-bypass', { outcome: 'done' });
    const verify = (client: ApiClient, recordId = record.id, stepId = 'switch-bypass') =>
      client.post(`/api/runs/${run.id}/steps/${stepId}/verification`, { recordId });

    const self = await verify(technician);
    expect(self.status).toBe(422);
    expect((await errorOf(self)).message).toBe('You signed this step: another person must verify it');
    expect((await verify(manager)).status).toBe(403);
    const notCritical = await verify(coordinator, record.id, 'badge-in');
    expect(notCritical.status).toBe(422);

    const verified = await verify(coordinator);
    expect(verified.status).toBe(201);
    const result = (await verified.json()) as StepRecordResult;
    expect(result.record.verification?.by.id).toBe(await userIdOf(coordinator));
    expect(result.record.verification?.by.id).not.toBe(record.performedBy.id);
    expect(stepOf(result.run, 'switch-bypass').verification).toBe('verified');
    expect(result.run.progress).toMatchObject({ signed: 3, awaitingVerification: 0 });

    const again = await verify(coordinator);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).current).toMatchObject({ id: run.id });
    expect(auditActions('StepRecord', record.id)).toEqual(['step.record']);
  });

  it('corrects by a new record that supersedes the old one, and a corrected critical step needs a new verification', async () => {
    const run = await startRun(technician);
    const first = await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 95 });
    const stale = await recordStep(technician, run.id, 'read-load', { outcome: 'done', reading: 45 });
    expect(stale.status).toBe(409);
    expect(stepOf((await errorOf(stale)).current as RunDetail, 'read-load').current?.id).toBe(
      first.record.id,
    );
    const noReason = await recordStep(technician, run.id, 'read-load', {
      outcome: 'done',
      reading: 45,
      expectedRecordId: first.record.id,
    });
    expect((await errorOf(noReason)).fields).toEqual([
      { path: 'reason', message: 'give the reason for a correction' },
    ]);
    const corrected = await signStep(technician, run.id, 'read-load', {
      outcome: 'done',
      reading: 45,
      reason: 'misread the display',
      expectedRecordId: first.record.id,
    });
    expect(corrected.record).toMatchObject({ supersedes: first.record.id, supersededBy: null });
    const step = stepOf(corrected.run, 'read-load');
    expect(step.current?.id).toBe(corrected.record.id);
    expect(step.history.map((record) => [record.id, record.reading?.value, record.supersededBy])).toEqual([
      [first.record.id, 95, corrected.record.id],
      [corrected.record.id, 45, null],
    ]);
    expect(corrected.run.progress.outOfRange).toBe(0);
    // The first record is still in the database, unchanged.
    expect(
      withRawDatabase(t.config.databaseFile, (db) =>
        db.prepare('select reading_value v from step_record where id = ?').get(first.record.id),
      ),
    ).toEqual({ v: 95 });

    await signStep(technician, run.id, 'badge-in', { outcome: 'done' });
    const bypass = await signStep(technician, run.id, 'switch-bypass', { outcome: 'done' });
    await coordinator.post(`/api/runs/${run.id}/steps/switch-bypass/verification`, {
      recordId: bypass.record.id,
    });
    const redo = await signStep(technician, run.id, 'switch-bypass', {
      outcome: 'done',
      comment: 'bypass confirmed on the panel',
      reason: 'first tick was on the wrong UPS',
      expectedRecordId: bypass.record.id,
    });
    expect(stepOf(redo.run, 'switch-bypass').verification).toBe('awaiting');
    const oldVerification = await coordinator.post(`/api/runs/${run.id}/steps/switch-bypass/verification`, {
      recordId: bypass.record.id,
    });
    expect(oldVerification.status).toBe(409);
  });

  it('completes only when every required step is signed and verified, then refuses any record', async () => {
    const run = await startRun(technician);
    const early = await technician.post(`/api/runs/${run.id}/complete`, {});
    expect(early.status).toBe(422);
    expect((await errorOf(early)).fields?.map((field) => field.path)).toEqual([
      'steps.badge-in',
      'steps.read-load',
      'steps.switch-bypass',
      'steps.photo',
      'steps.close',
    ]);
    await signStep(technician, run.id, 'badge-in', { outcome: 'done' });
    await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 12 });
    const bypass = await signStep(technician, run.id, 'switch-bypass', { outcome: 'done' });
    await signStep(technician, run.id, 'photo', { outcome: 'not_applicable', reason: 'display broken' });
    const last = await signStep(technician, run.id, 'close', { outcome: 'done' });
    expect(last.run.progress).toMatchObject({ signed: 4, required: 5, readyToComplete: false });
    const unverified = await technician.post(`/api/runs/${run.id}/complete`, {});
    expect((await errorOf(unverified)).fields).toEqual([
      { path: 'steps.switch-bypass', message: 'awaiting verification' },
    ]);

    const verified = (await (
      await coordinator.post(`/api/runs/${run.id}/steps/switch-bypass/verification`, {
        recordId: bypass.record.id,
      })
    ).json()) as StepRecordResult;
    expect(verified.run.progress.readyToComplete).toBe(true);
    const stale = await technician.post(`/api/runs/${run.id}/complete`, {
      version: verified.run.version - 1,
    });
    expect(stale.status).toBe(409);
    const completed = await technician.post(`/api/runs/${run.id}/complete`, {
      version: verified.run.version,
    });
    expect(completed.status).toBe(200);
    expect((await completed.json()) as RunDetail).toMatchObject({
      state: 'completed',
      endedBy: { id: await userIdOf(technician) },
      progress: { signed: 5, readyToComplete: false },
    });
    const after = await recordStep(technician, run.id, 'close', {
      outcome: 'done',
      reason: 'x',
      expectedRecordId: last.record.id,
    });
    expect(after.status).toBe(422);
    expect((await errorOf(after)).message).toMatch(/completed/);
    expect(auditActions('ProcedureRun', run.id)).toEqual(['run.start', 'run.complete']);
  });

  it('does not require rollback steps of a change that went through, and records them in any order', async () => {
    const run = await startRun(coordinator, 'swap-pdu');
    expect(run.progress).toMatchObject({ required: 1, total: 2 });
    expect(stepOf(run, 'put-back')).toMatchObject({ rollback: true, status: 'pending' });
    const swapped = await signStep(coordinator, run.id, 'swap', { outcome: 'done' });
    expect(swapped.run.progress.readyToComplete).toBe(true);
    expect((await coordinator.post(`/api/runs/${run.id}/complete`, {})).status).toBe(200);

    const early = await startRun(coordinator, 'swap-pdu');
    await signStep(coordinator, early.id, 'put-back', { outcome: 'done' });
    await signStep(coordinator, early.id, 'swap', { outcome: 'failed', reason: 'new PDU faulty' });
    const completed = await coordinator.post(`/api/runs/${early.id}/complete`, {});
    expect(completed.status).toBe(200);
    expect(((await completed.json()) as RunDetail).progress).toMatchObject({
      signed: 2,
      required: 2,
      failed: 1,
    });
  });

  it('does not complete a change whose step failed until its rollback steps are signed', async () => {
    const run = await startRun(coordinator, 'swap-pdu');
    const failed = await signStep(coordinator, run.id, 'swap', {
      outcome: 'failed',
      reason: 'new PDU faulty',
    });
    // The rollback step became required: 1 of 2 signed.
    expect(failed.run.progress).toMatchObject({ signed: 1, required: 2, failed: 1, readyToComplete: false });
    const refused = await coordinator.post(`/api/runs/${run.id}/complete`, {});
    expect(refused.status).toBe(422);
    const error = await errorOf(refused);
    expect(error.message).toMatch(/rollback/);
    expect(error.fields).toEqual([{ path: 'steps.put-back', message: 'rollback step not signed' }]);
    expect(auditActions('ProcedureRun', run.id)).toEqual(['run.start']);

    // Corrected to done (the retry worked): the rollback is no longer needed.
    const retried = await signStep(coordinator, run.id, 'swap', {
      outcome: 'done',
      reason: 'second PDU fitted',
      expectedRecordId: failed.record.id,
    });
    expect(retried.run.progress).toMatchObject({ signed: 1, required: 1, readyToComplete: true });
    const again = await signStep(coordinator, run.id, 'swap', {
      outcome: 'failed',
      reason: 'second PDU faulty too',
      expectedRecordId: retried.record.id,
    });
    expect(again.run.progress.readyToComplete).toBe(false);
    const rolledBack = await signStep(coordinator, run.id, 'put-back', { outcome: 'done' });
    expect(rolledBack.run.progress).toMatchObject({ signed: 2, required: 2, readyToComplete: true });
    const listed = (await (
      await coordinator.get(`/api/runs?procedureId=swap-pdu&state=in_progress`)
    ).json()) as {
      items: RunDetail[];
    };
    expect(listed.items.find((item) => item.id === run.id)?.progress).toMatchObject({
      signed: 2,
      required: 2,
      readyToComplete: true,
    });
    const completed = await coordinator.post(`/api/runs/${run.id}/complete`, {});
    expect(completed.status).toBe(200);
    expect(((await completed.json()) as RunDetail).state).toBe('completed');
  });

  it('aborts with a reason, and nothing is recorded after', async () => {
    const run = await startRun(technician);
    expect((await technician.post(`/api/runs/${run.id}/abort`, {})).status).toBe(400);
    const aborted = await technician.post(`/api/runs/${run.id}/abort`, { reason: 'UPS alarm: escalated' });
    expect(aborted.status).toBe(200);
    expect((await aborted.json()) as RunDetail).toMatchObject({
      state: 'aborted',
      abortReason: 'UPS alarm: escalated',
    });
    expect((await recordStep(technician, run.id, 'badge-in', { outcome: 'done' })).status).toBe(422);
    expect((await technician.post(`/api/runs/${run.id}/abort`, { reason: 'again' })).status).toBe(422);
    expect((await technician.post(`/api/runs/999999/abort`, { reason: 'x' })).status).toBe(404);
  });

  it('writes each act of a run to the audit trail: start, assignment, evidence, records, verification, abort', async () => {
    const lastAuditId = () =>
      withRawDatabase(
        t.config.databaseFile,
        (db) => (db.prepare('select max(id) as id from audit_event').get() as { id: number }).id,
      );
    const since = lastAuditId();
    const technicianId = await userIdOf(technician);
    const coordinatorId = await userIdOf(coordinator);
    const run = await startRun(coordinator);
    const assigned = await coordinator.patch(`/api/runs/${run.id}`, {
      version: run.version,
      assigneeId: technicianId,
    });
    expect(assigned.status).toBe(200);
    const bytes = Buffer.from(`audit evidence ${run.id}`);
    const evidence = (await (await upload(technician, run.id, bytes, 'panel.png')).json()) as RunEvidence;
    await signStep(technician, run.id, 'badge-in', { outcome: 'done' });
    await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 40 });
    const bypass = await signStep(technician, run.id, 'switch-bypass', { outcome: 'done' });
    const verified = (await (
      await coordinator.post(`/api/runs/${run.id}/steps/switch-bypass/verification`, {
        recordId: bypass.record.id,
        comment: 'bypass lamp on',
      })
    ).json()) as StepRecordResult;
    await coordinator.post(`/api/runs/${run.id}/abort`, {
      reason: 'Maintenance window closed',
      version: verified.run.version,
    });

    const rows = withRawDatabase(t.config.databaseFile, (db) =>
      (
        db
          .prepare(
            'select action, entity_type, entity_id, actor_id, before, after from audit_event where id > ? order by id',
          )
          .all(since) as {
          action: string;
          entity_type: string;
          entity_id: string;
          actor_id: number;
          before: string | null;
          after: string | null;
        }[]
      ).map((row) => ({
        ...row,
        before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
        after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
      })),
    );
    expect(rows.map((row) => [row.action, row.entity_type, row.actor_id])).toEqual([
      ['run.start', 'ProcedureRun', coordinatorId],
      ['run.assign', 'ProcedureRun', coordinatorId],
      ['run.evidence', 'RunEvidence', technicianId],
      ['step.record', 'StepRecord', technicianId],
      ['step.record', 'StepRecord', technicianId],
      ['step.record', 'StepRecord', technicianId],
      ['step.verify', 'StepVerification', coordinatorId],
      ['run.abort', 'ProcedureRun', coordinatorId],
    ]);
    const [start, assign, upload_, , , record, verify, abort] = rows;
    expect(start).toMatchObject({ entity_id: String(run.id), after: { id: run.id, state: 'in_progress' } });
    expect(assign).toMatchObject({
      entity_id: String(run.id),
      before: { assignee: null },
      after: { assignee: { id: technicianId } },
    });
    const evidenceId = withRawDatabase(
      t.config.databaseFile,
      (db) =>
        (
          db
            .prepare('select id from run_evidence where run_id = ? and sha256 = ?')
            .get(run.id, evidence.sha256) as {
            id: number;
          }
        ).id,
    );
    expect(upload_).toMatchObject({
      entity_id: String(evidenceId),
      after: { runId: run.id, sha256: createHash('sha256').update(bytes).digest('hex'), name: 'panel.png' },
    });
    expect(record).toMatchObject({
      entity_id: String(bypass.record.id),
      after: { id: bypass.record.id, stepId: 'switch-bypass', outcome: 'done' },
    });
    expect(verify?.after).toMatchObject({
      id: bypass.record.id,
      stepId: 'switch-bypass',
      verification: { by: { id: coordinatorId }, comment: 'bypass lamp on' },
    });
    expect(abort).toMatchObject({
      entity_id: String(run.id),
      before: { state: 'in_progress' },
      after: { state: 'aborted', abortReason: 'Maintenance window closed' },
    });
    const admin = await signedIn(t.url, 'admin');
    expect(await (await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('lists runs newest first with their progress, filtered by state, procedure and mine', async () => {
    const run = await startRun(technician, 'swap-pdu');
    const page = (await (await manager.get('/api/runs?procedureId=swap-pdu&state=in_progress')).json()) as {
      items: { id: number; procedure: { id: string }; progress: { required: number } }[];
    };
    expect(page.items[0]).toMatchObject({
      id: run.id,
      procedure: { id: 'swap-pdu' },
      progress: { required: 1 },
    });
    expect(page.items.every((item) => item.procedure.id === 'swap-pdu')).toBe(true);
    const ids = page.items.map((item) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const mine = (await (await technician.get('/api/runs?mine=true&limit=200')).json()) as {
      items: { id: number }[];
    };
    expect(mine.items.map((item) => item.id)).toContain(run.id);
    const theirs = (await (await coordinator.get('/api/runs?mine=true&limit=200')).json()) as {
      items: { id: number }[];
    };
    expect(theirs.items.map((item) => item.id)).not.toContain(run.id);
    expect((await manager.get('/api/runs?state=nope')).status).toBe(400);
  });
});
