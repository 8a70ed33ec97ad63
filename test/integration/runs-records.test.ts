import { MikroORM } from '@mikro-orm/core';
import type { Incident, RunDetail, SuggestedProcedureList } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkUpsProcedure,
  errorOf,
  recordStep,
  signStep,
  startRun,
  stepOf,
  tempLibrary,
} from './support/run-fixtures.js';
import { openRunsOf } from '../../server/src/runs/run.repository.js';
import { pdfText } from '../fixtures/pdf-text.js';
import { withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

describe('procedure runs: pinned versions, incidents, proof', () => {
  const library = tempLibrary();
  let t: TestApp;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let technician: ApiClient;

  beforeAll(async () => {
    t = await startTestApp({ env: { VIGIE_PROCEDURES_DIR: library.dir } });
    admin = await signedIn(t.url, 'admin');
    coordinator = await signedIn(t.url, 'coordinator');
    technician = await signedIn(t.url, 'technician');
  });
  afterAll(async () => {
    await t.close();
    library.close();
  });

  const reload = async () => expect((await admin.post('/api/procedures/reload')).status).toBe(200);
  const versionOf = async (id: string) =>
    ((await (await coordinator.get(`/api/procedures/${id}`)).json()) as { version: string }).version;

  it('keeps a started run on its version when the file changes, and after it disappears', async () => {
    const before = await versionOf('check-ups');
    const run = await startRun(technician);
    await signStep(technician, run.id, 'badge-in', { outcome: 'done' });

    library.write(
      'sop/check-ups.yaml',
      checkUpsProcedure
        .replace('Badge in }', 'Badge in at the security desk }')
        .replace('      - id: close\n        text: { fr: Refermer, en: Close }\n', ''),
    );
    await reload();
    const after = await versionOf('check-ups');
    expect(after).not.toBe(before);

    const pinned = (await (await technician.get(`/api/runs/${run.id}`)).json()) as RunDetail;
    expect(pinned.procedure.version).toBe(before);
    expect(stepOf(pinned, 'badge-in').text.en).toBe('Badge in');
    expect(pinned.steps.map((step) => step.id)).toContain('close');
    // The pinned run still takes records against its own steps.
    await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 20 });

    const newer = await startRun(technician);
    expect(newer.procedure.version).toBe(after);
    expect(stepOf(newer, 'badge-in').text.en).toBe('Badge in at the security desk');
    expect(newer.steps.map((step) => step.id)).not.toContain('close');

    library.remove('sop/check-ups.yaml');
    await reload();
    expect((await coordinator.get('/api/procedures/check-ups')).status).toBe(404);
    const orphan = (await (await technician.get(`/api/runs/${run.id}`)).json()) as RunDetail;
    expect(orphan.steps.map((step) => step.id)).toEqual(pinned.steps.map((step) => step.id));
    expect(orphan.procedure.title.en).toBe('Check the UPS');
    // The exact bytes of the first version are kept by their hash.
    const source = withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare('select source from procedure_version where hash = ?').get(before),
    );
    expect(source).toEqual({ source: checkUpsProcedure });

    library.write('sop/check-ups.yaml', checkUpsProcedure);
    await reload();
    expect(await versionOf('check-ups')).toBe(before);
  });

  it('starts a run for an incident, labels it, and lists it under the incident', async () => {
    const created = await coordinator.post('/api/incidents', {
      title: 'UPS B on battery',
      description: 'Utility lost on feed B',
      category: 'power',
      impact: 2,
      urgency: 1,
    });
    expect(created.status).toBe(201);
    const incident = (await created.json()) as Incident;
    const run = await startRun(technician, 'check-ups', { context: { kind: 'incident', id: incident.id } });
    expect(run.context).toEqual({
      kind: 'incident',
      id: incident.id,
      label: `${incident.reference} · UPS B on battery`,
    });
    expect(await openRunsOf(t.app.get(MikroORM).em.fork(), { kind: 'incident', id: incident.id })).toEqual([
      { id: run.id, procedureId: 'check-ups' },
    ]);
    const listed = (await (await coordinator.get(`/api/runs?incidentId=${incident.id}`)).json()) as {
      items: { id: number }[];
    };
    expect(listed.items.map((item) => item.id)).toEqual([run.id]);

    const missing = await technician.post('/api/runs', {
      procedureId: 'check-ups',
      context: { kind: 'incident', id: 99_999_999 },
    });
    expect(missing.status).toBe(422);
    expect((await errorOf(missing)).fields).toEqual([
      { path: 'context.id', message: 'There is no such incident' },
    ]);
    const occurrence = await technician.post('/api/runs', {
      procedureId: 'check-ups',
      context: { kind: 'occurrence', id: 1 },
    });
    expect(occurrence.status).toBe(422);
  });

  it('suggests procedures by the incident category and the kinds of equipment it affects', async () => {
    const types = (await (await coordinator.get('/api/device-types?search=ap8941')).json()) as {
      items: { id: number }[];
    };
    const pduType = types.items[0];
    expect(pduType).toBeDefined();
    const devices = (await (
      await coordinator.get(`/api/devices?deviceTypeId=${pduType!.id}&limit=1`)
    ).json()) as {
      items: { id: number }[];
    };
    const pdu = devices.items[0];
    expect(pdu).toBeDefined();
    const created = await coordinator.post('/api/incidents', {
      title: 'PDU outlet bank dead',
      description: 'Half the outlets are off',
      category: 'hardware',
      impact: 3,
      urgency: 2,
      deviceIds: [pdu!.id],
    });
    const incident = (await created.json()) as Incident;
    const byEquipment = (await (
      await technician.get(`/api/incidents/${incident.id}/suggested-procedures`)
    ).json()) as SuggestedProcedureList;
    expect(byEquipment.items.map((item) => [item.id, item.matchedBy])).toEqual([['swap-pdu', ['equipment']]]);

    const power = await coordinator.post('/api/incidents', {
      title: 'PDU breaker tripped',
      description: 'Breaker of the PDU tripped',
      category: 'power',
      impact: 3,
      urgency: 2,
      deviceIds: [pdu!.id],
    });
    const powerIncident = (await power.json()) as Incident;
    const both = (await (
      await technician.get(`/api/incidents/${powerIncident.id}/suggested-procedures`)
    ).json()) as SuggestedProcedureList;
    expect(both.items.map((item) => [item.id, item.matchedBy])).toEqual([
      ['swap-pdu', ['category', 'equipment']],
      ['check-ups', ['category']],
    ]);
    expect((await technician.get('/api/incidents/99999999/suggested-procedures')).status).toBe(404);
    const viewer = await signedIn(t.url, 'viewer');
    expect((await viewer.get(`/api/incidents/${powerIncident.id}/suggested-procedures`)).status).toBe(403);
  });

  it('exports the full record as CSV, every record and correction, safe from formula injection', async () => {
    const run = await startRun(technician);
    const first = await signStep(technician, run.id, 'read-load', {
      outcome: 'done',
      reading: 88,
      comment: '=HYPERLINK("x")',
    });
    await signStep(technician, run.id, 'read-load', {
      outcome: 'done',
      reading: 44,
      reason: 'misread, "decimal"',
      expectedRecordId: first.record.id,
    });
    const response = await coordinator.get(`/api/runs/${run.id}/export?format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="run-${run.id}-check-ups.csv"`,
    );
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^run_id,procedure_id,procedure_version,.*,outcome,reading_value,reading_unit,/);
    // 5 steps: four never signed, one with two records.
    expect(lines).toHaveLength(1 + 6);
    const readLoad = lines.filter((line) => line.includes(',read-load,'));
    expect(readLoad).toHaveLength(2);
    expect(readLoad[0]).toContain(`${first.record.id},done,88,%,0,80,no,`);
    expect(readLoad[0]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(readLoad[1]).toContain('"misread, ""decimal"""');
    expect(readLoad[1]).toContain(`,${first.record.id},`);
  });

  it('exports the full record as a PDF: who, when (device time too), readings with their range, proof, corrections', async () => {
    const run = await startRun(technician);
    // Ticked offline at 10:00:00 on the device, received later by the server.
    const deviceTime = new Date(Date.now() - 3_600_000).toISOString();
    await signStep(technician, run.id, 'badge-in', {
      outcome: 'done',
      comment: 'Entrée côté quai Ω',
      deviceTime,
    });
    const misread = await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 88 });
    const corrected = await signStep(technician, run.id, 'read-load', {
      outcome: 'done',
      reading: 44,
      reason: 'decimal misplaced',
      expectedRecordId: misread.record.id,
    });
    const bypass = await signStep(technician, run.id, 'switch-bypass', { outcome: 'done' });
    const verified = await coordinator.post(`/api/runs/${run.id}/steps/switch-bypass/verification`, {
      recordId: bypass.record.id,
    });
    expect(verified.status).toBe(201);
    const photo = Buffer.from('PDF export evidence photo');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'display.png');
    const uploaded = await fetch(`${t.url}/api/runs/${run.id}/evidence`, {
      method: 'POST',
      headers: { cookie: technician.cookie ?? '' },
      body: form,
    });
    const sha256 = ((await uploaded.json()) as { sha256: string }).sha256;
    await signStep(technician, run.id, 'photo', { outcome: 'done', evidence: [sha256] });
    const current = (await (await coordinator.get(`/api/runs/${run.id}`)).json()) as RunDetail;
    expect(
      (
        await coordinator.post(`/api/runs/${run.id}/abort`, {
          reason: 'Alarme onduleur',
          version: current.version,
        })
      ).status,
    ).toBe(200);

    const response = await coordinator.get(`/api/runs/${run.id}/export?format=pdf&lang=en`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF/);
    // Table cells wrap: compare the text with the line breaks and hyphenless wraps removed.
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    const flat = pdfText(bytes).replace(/\s+/g, '');
    const utc = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
    expect(text).toContain(`Procedure run record #${run.id}`);
    expect(text).toContain('Abort reason');
    expect(text).toContain('Alarme onduleur');
    expect(text).toContain('Entrée côté quai Ohm');
    expect(text).toContain(`device time (offline) ${utc(deviceTime)}`);
    expect(text).toContain('88 %');
    expect(text).toContain('range 0–80 %');
    expect(text).toContain('OUT OF RANGE');
    expect(text).toContain(`corrected by #${corrected.record.id}`);
    expect(text).toContain('decimal misplaced');
    expect(flat).toContain(`sha256${sha256}`);
    const verifier = (
      (await verified.json()) as { record: { verification: { by: { displayName: string } } } }
    ).record.verification.by.displayName;
    expect(text).toContain(verifier);

    const french = pdfText(
      Buffer.from(
        await (await coordinator.get(`/api/runs/${run.id}/export?format=pdf&lang=fr`)).arrayBuffer(),
      ),
    ).replace(/\s+/g, ' ');
    expect(french).toContain(`heure de l’appareil (hors ligne) ${utc(deviceTime)}`);
    expect(french).toContain('plage 0–80 %');
    expect(french).toContain('HORS PLAGE');

    const csv = await (await coordinator.get(`/api/runs/${run.id}/export?format=csv`)).text();
    const badgeIn = csv.split('\r\n').find((line) => line.includes(',badge-in,'));
    expect(badgeIn).toContain(`,${deviceTime},`);
    expect((await coordinator.get(`/api/runs/${run.id}/export?format=doc`)).status).toBe(400);
    expect((await coordinator.get('/api/runs/99999999/export?format=pdf')).status).toBe(404);
  });

  it('is append-only in the database itself: an UPDATE or DELETE of a record, verification or evidence row fails', async () => {
    const run = await startRun(technician);
    await signStep(technician, run.id, 'badge-in', { outcome: 'done' });
    await signStep(technician, run.id, 'read-load', { outcome: 'done', reading: 30 });
    const bypass = await signStep(technician, run.id, 'switch-bypass', { outcome: 'done' });
    const verified = await coordinator.post(`/api/runs/${run.id}/steps/switch-bypass/verification`, {
      recordId: bypass.record.id,
    });
    expect(verified.status).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from(`append-only ${run.id}`))]), 'p.png');
    const uploaded = await fetch(`${t.url}/api/runs/${run.id}/evidence`, {
      method: 'POST',
      headers: { cookie: technician.cookie ?? '' },
      body: form,
    });
    expect(uploaded.status).toBe(201);

    const attempts = [
      ['update step_record set outcome = ?, reading_value = 99 where id = ?', 'failed', bypass.record.id],
      ['delete from step_record where id = ?', bypass.record.id],
      ['update step_verification set verified_at = 0 where record_id = ?', bypass.record.id],
      ['delete from step_verification where record_id = ?', bypass.record.id],
      ['update run_evidence set sha256 = ? where run_id = ?', 'f'.repeat(64), run.id],
      ['delete from run_evidence where run_id = ?', run.id],
    ] as const;
    withRawDatabase(t.config.databaseFile, (db) => {
      for (const [sql, ...params] of attempts) {
        expect(() => db.prepare(sql).run(...params), sql).toThrow(
          /is write-once: rows are never updated or deleted/,
        );
      }
    });
    // Nothing changed: the API still shows the run as it was signed.
    const after = (await (await coordinator.get(`/api/runs/${run.id}`)).json()) as RunDetail;
    expect(stepOf(after, 'switch-bypass')).toMatchObject({
      status: 'done',
      verification: 'verified',
      current: { id: bypass.record.id, outcome: 'done' },
    });
    expect(
      withRawDatabase(t.config.databaseFile, (db) =>
        db.prepare('select count(*) as n from run_evidence where run_id = ?').get(run.id),
      ),
    ).toEqual({ n: 1 });
  });

  it('reassigns an open run to someone who may tick steps', async () => {
    const run = await startRun(coordinator);
    const me = (await (await technician.get('/api/auth/me')).json()) as { user: { id: number } };
    const assigned = await coordinator.patch(`/api/runs/${run.id}`, {
      version: run.version,
      assigneeId: me.user.id,
    });
    expect(assigned.status).toBe(200);
    expect(((await assigned.json()) as RunDetail).assignee?.id).toBe(me.user.id);
    const stale = await coordinator.patch(`/api/runs/${run.id}`, { version: run.version, assigneeId: null });
    expect(stale.status).toBe(409);
    const manager = (await (await (await signedIn(t.url, 'manager')).get('/api/auth/me')).json()) as {
      user: { id: number };
    };
    const refused = await coordinator.patch(`/api/runs/${run.id}`, {
      version: run.version + 1,
      assigneeId: manager.user.id,
    });
    expect(refused.status).toBe(422);
    expect((await recordStep(technician, run.id, 'badge-in', { outcome: 'done' })).status).toBe(201);
  });
});
