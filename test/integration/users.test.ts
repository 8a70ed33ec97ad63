import type { Page, User } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  type ApiClient as Client,
  signedIn,
  startTestApp,
  type TestApp,
} from './support/test-app.js';
import { withRawDatabase } from './support/sqlite.js';

describe('user administration', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedIn(t.url, 'admin');
  });
  afterAll(() => t.close());

  const create = async (username: string, extra: Record<string, unknown> = {}) => {
    const response = await admin.post('/api/users', {
      username,
      displayName: `User ${username}`,
      role: 'technician',
      password: 'correct-horse-battery',
      ...extra,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as User;
  };

  it('creates a user who can then sign in, never exposing the password hash', async () => {
    const user = await create('night.tech');
    expect(user).toMatchObject({ username: 'night.tech', role: 'technician', active: true, version: 1 });
    expect(JSON.stringify(user)).not.toMatch(/argon2|password/i);
    expect((await new ApiClient(t.url).login('night.tech', 'correct-horse-battery')).status).toBe(200);
  });

  it('refuses a taken username with 409', async () => {
    const response = await admin.post('/api/users', {
      username: 'coordinator',
      displayName: 'Again',
      role: 'coordinator',
      password: 'another-long-password',
    });
    expect(response.status).toBe(409);
  });

  it('lists users by pages that together return each user once, and searches', async () => {
    for (let i = 0; i < 7; i++) await create(`page.user${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (
        await admin.get(`/api/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as Page<User>;
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((user) => user.username));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['admin', 'viewer', 'page.user0', 'page.user6']));
    const found = (await (await admin.get('/api/users?search=page.user')).json()) as Page<User>;
    expect(found.items).toHaveLength(7);
    expect((await admin.get('/api/users?limit=100000')).status).toBe(400);
  });

  it('updates with the current version and refuses a stale one with the current state', async () => {
    const user = await create('versioned');
    const first = await admin.patch(`/api/users/${user.id}`, {
      version: user.version,
      displayName: 'Renamed',
    });
    expect(first.status).toBe(200);
    const stale = await admin.patch(`/api/users/${user.id}`, {
      version: user.version,
      displayName: 'Lost update',
    });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: { code: string; current: User } };
    expect(body.error.code).toBe('stale_version');
    expect(body.error.current).toMatchObject({ displayName: 'Renamed', version: user.version + 1 });
  });

  it('ends the sessions of a user whose role changes or who is deactivated', async () => {
    const user = await create('soon.manager');
    const session = await signedIn(t.url, 'soon.manager', 'correct-horse-battery');
    expect((await session.get('/api/auth/me')).status).toBe(200);
    const promoted = await admin.patch(`/api/users/${user.id}`, { version: user.version, role: 'manager' });
    expect(promoted.status).toBe(200);
    expect((await session.get('/api/auth/me')).status).toBe(401);

    const again = await signedIn(t.url, 'soon.manager', 'correct-horse-battery');
    const current = (await promoted.json()) as User;
    await admin.patch(`/api/users/${user.id}`, { version: current.version, active: false });
    expect((await again.get('/api/auth/me')).status).toBe(401);
    expect((await new ApiClient(t.url).login('soon.manager', 'correct-horse-battery')).status).toBe(401);
  });

  it('resets a password: every session of the user ends, only the new password works, the trail says so', async () => {
    const user = await create('forgetful');
    const laptop = await signedIn(t.url, 'forgetful', 'correct-horse-battery');
    const phone = await signedIn(t.url, 'forgetful', 'correct-horse-battery');
    const reset = await admin.patch(`/api/users/${user.id}`, {
      version: user.version,
      password: 'a-brand-new-passphrase',
    });
    expect(reset.status).toBe(200);
    expect(JSON.stringify(await reset.json())).not.toMatch(/argon2|passwordHash|brand-new/);
    expect((await laptop.get('/api/auth/me')).status).toBe(401);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    const sessionsLeft = withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare('select count(*) as n from user_session where user_id = ?').get(user.id),
    );
    expect(sessionsLeft).toEqual({ n: 0 });
    expect((await new ApiClient(t.url).login('forgetful', 'correct-horse-battery')).status).toBe(401);
    expect((await new ApiClient(t.url).login('forgetful', 'a-brand-new-passphrase')).status).toBe(200);

    const event = withRawDatabase(t.config.databaseFile, (db) =>
      db
        .prepare(
          "select before, after from audit_event where action = 'user.update' and entity_id = ? order by id desc limit 1",
        )
        .get(String(user.id)),
    ) as { before: string; after: string };
    expect(`${event.before} ${event.after}`).not.toMatch(/argon2|passwordHash|correct-horse|brand-new/);
    expect(JSON.parse(event.after)).toMatchObject({ username: 'forgetful', passwordReset: true });
    expect(JSON.parse(event.before)).not.toHaveProperty('passwordReset');
  });

  it('requires a tenant for a client viewer and only for them', async () => {
    const tenants = (await (await admin.get('/api/tenants')).json()) as Page<{ id: number }>;
    const viewer = await create('client.two', { role: 'client_viewer', tenantId: tenants.items[1]!.id });
    expect(viewer.tenantId).toBe(tenants.items[1]!.id);
    const bad = await admin.patch(`/api/users/${viewer.id}`, { version: viewer.version, role: 'technician' });
    expect(bad.status).toBe(400);
  });
});
