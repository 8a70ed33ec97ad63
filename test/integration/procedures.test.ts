import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ProcedureDetail,
  ProcedureLibraryStatus,
  ProcedureList,
  ProcedureProblemList,
} from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../server/src/config/app-config.js';
import { procedureVersion } from '../../server/src/procedures/library-validator.js';
import { withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

const realLibrary = join(repoRoot, 'procedures');
const brokenFile = `id: half-written
title:
  fr: Procédure inachevée
  en: Unfinished procedure
kind: SOP
risk: low
applies_to: [rack]
estimated_minutes: 10
steps:
  - id: only-step
    text:
      fr: Faire quelque chose.
`;

describe('procedure library API', () => {
  let t: TestApp;
  let library: string;
  let admin: ApiClient;
  let technician: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    library = mkdtempSync(join(tmpdir(), 'vigie-library-'));
    for (const file of ['eop/ups-on-battery.yaml', 'mop/pdu-replacement.yaml', 'sop/visitor-escort.yaml']) {
      mkdirSync(join(library, file, '..'), { recursive: true });
      copyFileSync(join(realLibrary, file), join(library, file));
    }
    writeFileSync(join(library, 'sop/half-written.yaml'), brokenFile);
    t = await startTestApp({ env: { VIGIE_PROCEDURES_DIR: library } });
    [admin, technician, viewer] = await Promise.all([
      signedIn(t.url, 'admin'),
      signedIn(t.url, 'technician'),
      signedIn(t.url, 'viewer'),
    ]);
  });
  afterAll(async () => {
    await t.close();
    rmSync(library, { recursive: true, force: true });
  });

  it('loads the good files at start and skips the broken one', async () => {
    const response = await technician.get('/api/procedures');
    expect(response.status).toBe(200);
    const list = (await response.json()) as ProcedureList;
    expect(list.nextCursor).toBeNull();
    expect(list.items.map((item) => [item.kind, item.id])).toEqual([
      ['EOP', 'ups-on-battery'],
      ['SOP', 'visitor-escort'],
      ['MOP', 'pdu-replacement'],
    ]);
    const ups = list.items[0];
    expect(ups).toMatchObject({
      file: 'eop/ups-on-battery.yaml',
      version: procedureVersion(readFileSync(join(library, 'eop/ups-on-battery.yaml'))),
      title: { fr: 'Onduleur sur batterie après perte du réseau électrique' },
      risk: 'critical',
      categories: ['power'],
    });
    expect(ups?.stepCount).toBeGreaterThan(5);
  });

  it('lists the broken file as a problem with its line and field, for admins only', async () => {
    const response = await admin.get('/api/procedures/problems');
    expect(response.status).toBe(200);
    expect(((await response.json()) as ProcedureProblemList).items).toEqual([
      { file: 'sop/half-written.yaml', line: 11, field: 'steps[0].text.en', message: 'is required' },
    ]);
    expect((await technician.get('/api/procedures/problems')).status).toBe(403);
  });

  it('returns a procedure in full, and 404 for an unknown or skipped one', async () => {
    const response = await technician.get('/api/procedures/pdu-replacement');
    expect(response.status).toBe(200);
    const detail = (await response.json()) as ProcedureDetail;
    expect(detail.file).toBe('mop/pdu-replacement.yaml');
    expect(detail.procedure.kind).toBe('MOP');
    expect(detail.procedure.rollback?.length).toBeGreaterThan(0);
    expect(detail.procedure.phases?.[1]?.steps.find((step) => step.id === 'lock-out')).toMatchObject({
      critical: true,
      evidence: true,
    });
    expect((await technician.get('/api/procedures/half-written')).status).toBe(404);
    expect((await technician.get('/api/procedures/no-such-thing')).status).toBe(404);
  });

  it('filters by kind, category, equipment and text, and refuses an unknown filter value', async () => {
    const ids = async (query: string) =>
      ((await (await technician.get(`/api/procedures?${query}`)).json()) as ProcedureList).items.map(
        (item) => item.id,
      );
    expect(await ids('kind=MOP')).toEqual(['pdu-replacement']);
    expect(await ids('category=power')).toEqual(['ups-on-battery', 'pdu-replacement']);
    expect(await ids('appliesTo=access-control')).toEqual(['visitor-escort']);
    expect(await ids('search=visiteur')).toEqual(['visitor-escort']);
    expect((await technician.get('/api/procedures?kind=XOP')).status).toBe(400);
  });

  it('keeps the library from client viewers, who do not follow procedures', async () => {
    expect((await viewer.get('/api/procedures')).status).toBe(403);
    expect((await viewer.get('/api/procedures/ups-on-battery')).status).toBe(403);
  });

  it('reloads on an admin request: a changed file gets a new version, a fixed file loads', async () => {
    const before = (await (await technician.get('/api/procedures/visitor-escort')).json()) as ProcedureDetail;
    const path = join(library, 'sop/visitor-escort.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('estimated_minutes: 30', 'estimated_minutes: 40'));
    writeFileSync(join(library, 'sop/half-written.yaml'), `${brokenFile}      en: Do something.\n`);

    expect((await technician.post('/api/procedures/reload')).status).toBe(403);
    const response = await admin.post('/api/procedures/reload');
    expect(response.status).toBe(200);
    expect((await response.json()) as ProcedureLibraryStatus).toMatchObject({
      procedures: 4,
      byKind: { EOP: 1, SOP: 2, MOP: 1 },
      problems: 0,
    });

    const after = (await (await technician.get('/api/procedures/visitor-escort')).json()) as ProcedureDetail;
    expect(after.procedure.estimated_minutes).toBe(40);
    expect(after.version).not.toBe(before.version);
    expect(after.version).toBe(procedureVersion(readFileSync(path)));
    expect((await technician.get('/api/procedures/half-written')).status).toBe(200);
    expect(
      ((await (await admin.get('/api/procedures/problems')).json()) as ProcedureProblemList).items,
    ).toEqual([]);

    // Audited, by the admin, with the versions before and after and what changed.
    const audits = withRawDatabase(
      t.config.databaseFile,
      (db) =>
        db
          .prepare(
            `select actor_name as actor, entity_type as type, entity_id as id, before, after
             from audit_event where action = 'procedures.reload' order by id`,
          )
          .all() as { actor: string; type: string; id: string; before: string; after: string }[],
    );
    expect(audits).toHaveLength(1);
    const [audit] = audits;
    expect(audit).toMatchObject({ actor: 'admin', type: 'ProcedureLibrary', id: 'library' });
    expect(JSON.parse(audit!.before)).toEqual({
      versions: expect.objectContaining({ 'visitor-escort': before.version }) as unknown,
      problems: [expect.stringMatching(/^sop\/half-written\.yaml:\d+: steps\[0\]\.text\.en: /) as unknown],
    });
    expect(JSON.parse(audit!.after)).toMatchObject({
      versions: { 'visitor-escort': after.version, 'half-written': expect.any(String) as unknown },
      added: ['half-written'],
      changed: ['visitor-escort'],
      removed: [],
      problems: [],
    });
    expect(await (await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });
});
