import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';
import { countRows, withRawDatabase } from './support/sqlite.js';

interface ErrorJson {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in with an httpOnly, SameSite=Strict session cookie and answers /me', async () => {
    const client = new ApiClient(t.url);
    const response = await client.login('coordinator');
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^vigie_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const me = (await (await client.get('/api/auth/me')).json()) as {
      user: { username: string; role: string };
      permissions: string[];
    };
    expect(me.user).toMatchObject({ username: 'coordinator', role: 'coordinator' });
    expect(me.permissions).toContain('incident.triage');
    expect(me.permissions).not.toContain('user.manage');
  });

  it('stores only a keyed hash of the session token', async () => {
    const client = await signedIn(t.url, 'technician');
    const token = client.cookie!.split('=')[1]!;
    const ids = withRawDatabase(t.config.databaseFile, (db) =>
      (db.prepare('select id from user_session').all() as { id: string }[]).map((row) => row.id),
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(token);
  });

  it('refuses a wrong password with the documented error and opens no session', async () => {
    const sessionsBefore = countRows(t.config.databaseFile, 'user_session');
    const client = new ApiClient(t.url);
    const response = await client.login('manager', 'not-the-password');
    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorJson).error.code).toBe('invalid_credentials');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(countRows(t.config.databaseFile, 'user_session')).toBe(sessionsBefore);
  });

  it('gives the same answer for an unknown account as for a wrong password', async () => {
    const response = await new ApiClient(t.url).login('nobody-here', 'whatever-password');
    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorJson).error).toMatchObject({
      code: 'invalid_credentials',
      message: 'Wrong username or password',
    });
  });

  it('refuses a bad sign-in body with the documented error: no cookie, no session, nothing counted', async () => {
    const fingerprint = () =>
      withRawDatabase(t.config.databaseFile, (db) => ({
        users: JSON.stringify(db.prepare('select * from app_user order by id').all()),
        counts: ['user_session', 'login_failure', 'audit_event'].map(
          (table) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
        ),
      }));
    const before = fingerprint();
    const badBodies: { body: unknown; status: number; code: string; fields?: string[] }[] = [
      { body: '{"username": "admin", "password":', status: 400, code: 'malformed_json' },
      { body: { username: 'admin' }, status: 400, code: 'validation_failed', fields: ['password'] },
      {
        body: { username: 7, password: ['vigie-demo'] },
        status: 400,
        code: 'validation_failed',
        fields: ['password', 'username'],
      },
      // The right password with an extra field still opens nothing.
      {
        body: { username: 'admin', password: 'vigie-demo', remember: true },
        status: 400,
        code: 'validation_failed',
        fields: [''],
      },
      {
        body: { username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) },
        status: 413,
        code: 'payload_too_large',
      },
    ];
    for (const { body, status, code, fields } of badBodies) {
      const response = await new ApiClient(t.url).post('/api/auth/login', body);
      const json = (await response.json()) as ErrorJson;
      expect({ status: response.status, code: json.error.code }).toEqual({ status, code });
      if (fields) expect(json.error.fields?.map((field) => field.path).sort()).toEqual(fields);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    const unknownField = await new ApiClient(t.url).post('/api/auth/login', {
      username: 'admin',
      password: 'vigie-demo',
      remember: true,
    });
    expect(((await unknownField.json()) as ErrorJson).error.fields?.[0]?.message).toBe(
      'unknown field(s): remember',
    );
    expect(fingerprint()).toEqual(before);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const client = await signedIn(t.url, 'manager');
    const stolen = client.cookie;
    const response = await client.post('/api/auth/logout');
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    const replay = new ApiClient(t.url);
    replay.cookie = stolen;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('rotates the session id at sign-in: a token planted before sign-in is never promoted', async () => {
    const client = await signedIn(t.url, 'technician');
    const first = client.cookie;
    await client.login('technician');
    expect(client.cookie).not.toBe(first);
    const old = new ApiClient(t.url);
    old.cookie = first;
    expect((await old.get('/api/auth/me')).status).toBe(401);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('expires a session after its idle timeout and after its absolute lifetime', async () => {
    const idle = await signedIn(t.url, 'coordinator');
    const absolute = await signedIn(t.url, 'manager');
    const past = Date.now() - 1000;
    withRawDatabase(t.config.databaseFile, (db) => {
      const idOf = (username: string) =>
        db
          .prepare(
            'select s.id from user_session s join app_user u on u.id = s.user_id where u.username = ? order by s.created_at desc limit 1',
          )
          .pluck()
          .get(username) as string;
      db.prepare('update user_session set idle_expires_at = ? where id = ?').run(past, idOf('coordinator'));
      db.prepare('update user_session set absolute_expires_at = ? where id = ?').run(past, idOf('manager'));
    });
    expect((await idle.get('/api/auth/me')).status).toBe(401);
    expect((await absolute.get('/api/auth/me')).status).toBe(401);
  });

  it('purges expired sessions from the store at the next sign-in', async () => {
    await signedIn(t.url, 'technician');
    withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare('update user_session set idle_expires_at = 0').run(),
    );
    await signedIn(t.url, 'manager');
    const remaining = withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare('select count(*) as n from user_session').pluck().get(),
    );
    expect(remaining).toBe(1);
  });

  it('saves the preferred language on the profile', async () => {
    const client = await signedIn(t.url, 'technician');
    const response = await client.patch('/api/auth/me', { locale: 'en' });
    expect(response.status).toBe(200);
    const me = (await (await client.get('/api/auth/me')).json()) as { user: { locale: string } };
    expect(me.user.locale).toBe('en');
    const bad = await client.patch('/api/auth/me', { locale: 'de' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorJson).error.fields?.[0]?.path).toBe('locale');
  });
});

describe('sign-in rate limiting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('locks an account after 5 failures, even for the right password, and says when to retry', async () => {
    const client = new ApiClient(t.url);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await client.login('coordinator', 'wrong-password')).status).toBe(401);
    }
    const locked = await client.login('coordinator');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await locked.json()) as ErrorJson).error.code).toBe('too_many_requests');
    // Other accounts are not affected by one account's lock.
    expect((await client.login('manager')).status).toBe(200);
  });

  it('limits one address guessing across many accounts', async () => {
    const client = new ApiClient(t.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 22; attempt++) {
      statuses.push((await client.login(`guess-${attempt}`, 'wrong-password')).status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect((await client.login('technician')).status).toBe(429);
  });
});
