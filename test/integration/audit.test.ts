import type { AuditVerification, User } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';
import { withRawDatabase } from './support/sqlite.js';

interface AuditRow {
  id: number;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  request_id: string;
}

describe('audit trail', () => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedIn(t.url, 'admin');
  });
  afterAll(() => t.close());

  const verify = async () => {
    const response = await admin.get('/api/audit/verify');
    expect(response.status).toBe(200);
    return (await response.json()) as AuditVerification;
  };
  const rows = () =>
    withRawDatabase(
      t.config.databaseFile,
      (db) => db.prepare('select * from audit_event order by id').all() as AuditRow[],
    );

  it('records every write with actor, before/after and the request id', async () => {
    const created = await admin.post(
      '/api/users',
      {
        username: 'audited',
        displayName: 'Audited',
        role: 'technician',
        password: 'a-long-enough-password',
      },
      { 'x-request-id': 'req-audit-create-1' },
    );
    const user = (await created.json()) as User;
    await admin.patch(`/api/users/${user.id}`, { version: user.version, displayName: 'Audited again' });

    const events = rows().filter((row) => row.entity_type === 'User' && row.entity_id === String(user.id));
    expect(events.map((row) => row.action)).toEqual(['user.create', 'user.update']);
    const [create, update] = events;
    expect(create).toMatchObject({ actor_name: 'admin', request_id: 'req-audit-create-1', before: null });
    expect(JSON.parse(create!.after!)).toMatchObject({ username: 'audited' });
    expect(JSON.parse(update!.before!)).toMatchObject({ displayName: 'Audited' });
    expect(JSON.parse(update!.after!)).toMatchObject({ displayName: 'Audited again' });
  });

  it('verifies an untouched chain', async () => {
    const result = await verify();
    expect(result).toEqual({ ok: true, checked: rows().length, firstBroken: null });
  });

  it('is only for admins', async () => {
    const coordinator = await signedIn(t.url, 'coordinator');
    expect((await coordinator.get('/api/audit/verify')).status).toBe(403);
  });

  it('reports the first event whose content was changed behind its back', async () => {
    const target = rows().find((row) => row.action === 'user.update')!;
    withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare("update audit_event set actor_name = 'someone-else' where id = ?").run(target.id),
    );
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: { id: target.id, reason: 'content_hash_mismatch' },
    });
    withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare("update audit_event set actor_name = 'admin' where id = ?").run(target.id),
    );
    expect((await verify()).ok).toBe(true);
  });

  it('reports a deleted event as a broken link', async () => {
    const all = rows();
    const victim = all[1]!;
    withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare('delete from audit_event where id = ?').run(victim.id),
    );
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: { id: all[2]!.id, reason: 'previous_hash_mismatch' },
    });
  });
});
