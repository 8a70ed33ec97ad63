import type { User } from '@vigie/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  LiveEventRetention,
  liveEventRetentionDays,
} from '../../server/src/realtime/live-event-retention.js';
import { LiveClient, settle } from './support/live-client.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';
import { withRawDatabase } from './support/sqlite.js';

describe('live channel', () => {
  let t: TestApp;
  let admin: ApiClient;
  const open: LiveClient[] = [];
  const connect = (cookie: string | undefined, lastSeq?: number) => {
    const client = new LiveClient(t.url, cookie, lastSeq);
    open.push(client);
    return client;
  };
  let counter = 0;
  const createUser = async () => {
    const response = await admin.post('/api/users', {
      username: `live.user${counter++}`,
      displayName: 'Live user',
      role: 'technician',
      password: 'a-long-enough-password',
    });
    expect(response.status).toBe(201);
    return (await response.json()) as User;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedIn(t.url, 'admin');
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.close();
  });
  afterAll(() => t.close());

  it('refuses a handshake without a valid session', async () => {
    await expect(connect(undefined).ready()).rejects.toThrow('unauthenticated');
    await expect(connect('vigie_session=' + 'a'.repeat(43)).ready()).rejects.toThrow('unauthenticated');
  });

  it('pushes committed changes in the envelope, to the rooms allowed to see them only', async () => {
    const adminLive = connect(admin.cookie);
    const coordinatorLive = connect((await signedIn(t.url, 'coordinator')).cookie);
    const head = (await adminLive.ready()).seq;
    await coordinatorLive.ready();
    const user = await createUser();
    const [envelope] = await adminLive.until((events) => events.length === 1);
    expect(envelope).toMatchObject({
      type: 'user.created',
      payload: { id: user.id, username: user.username },
    });
    expect(envelope!.seq).toBeGreaterThan(head);
    expect(Date.parse(envelope!.at)).not.toBeNaN();
    await settle();
    expect(coordinatorLive.events).toEqual([]);
  });

  it('stores each event with its change: seq matches the stored row', async () => {
    const live = connect(admin.cookie);
    await live.ready();
    await createUser();
    const [envelope] = await live.until((events) => events.length === 1);
    const stored = withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare('select seq, type from live_event where seq = ?').get(envelope!.seq),
    );
    expect(stored).toEqual({ seq: envelope!.seq, type: 'user.created' });
  });

  it('emits nothing for a write that failed', async () => {
    const live = connect(admin.cookie);
    await live.ready();
    const taken = await admin.post('/api/users', {
      username: 'admin',
      displayName: 'Duplicate',
      role: 'admin',
      password: 'a-long-enough-password',
    });
    expect(taken.status).toBe(409);
    await settle(300);
    expect(live.events).toEqual([]);
  });

  it('replays exactly what a reconnecting client missed, in order, then says where the stream is', async () => {
    const first = connect(admin.cookie);
    const lastSeq = (await first.ready()).seq;
    first.close();
    const missed = [await createUser(), await createUser(), await createUser()];

    const again = connect(admin.cookie, lastSeq);
    const ready = await again.ready();
    expect(again.events.map((event) => (event.payload as User).username)).toEqual(
      missed.map((u) => u.username),
    );
    const seqs = again.events.map((event) => event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(3);
    expect(ready).toEqual({ seq: seqs.at(-1), resync: false });

    // Live events keep flowing after the replay, without duplicates.
    const next = await createUser();
    await again.until((events) => events.length === 4);
    expect((again.events[3]!.payload as User).username).toBe(next.username);
  });

  it('replays only the events the user may see', async () => {
    const coordinator = await signedIn(t.url, 'coordinator');
    const first = connect(coordinator.cookie);
    const lastSeq = (await first.ready()).seq;
    first.close();
    await createUser();
    const again = connect(coordinator.cookie, lastSeq);
    expect(await again.ready()).toMatchObject({ resync: false });
    expect(again.events).toEqual([]);
  });

  it('asks a client to refetch when it cannot replay (a seq from another database)', async () => {
    const live = connect(admin.cookie, 10_000_000);
    expect(await live.ready()).toMatchObject({ resync: true });
  });

  it('forgets events past the retention; a client that old is told to refetch', async () => {
    const first = connect(admin.cookie);
    const lastSeq = (await first.ready()).seq;
    first.close();
    await createUser();
    await createUser();
    const later = new Date(Date.now() + (liveEventRetentionDays + 1) * 86_400_000);
    expect(await t.app.get(LiveEventRetention).prune(later)).toBeGreaterThanOrEqual(2);
    await createUser();
    const again = connect(admin.cookie, lastSeq);
    expect(await again.ready()).toMatchObject({ resync: true });
    expect(again.events).toEqual([]);
  });

  it('drops the sockets of a session at sign-out', async () => {
    const session = await signedIn(t.url, 'technician');
    const live = connect(session.cookie);
    await live.ready();
    const gone = live.disconnected();
    expect((await session.post('/api/auth/logout')).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
  });

  it('drops the sockets of a user whose role changes', async () => {
    const user = await createUser();
    const session = await signedIn(t.url, user.username, 'a-long-enough-password');
    const live = connect(session.cookie);
    await live.ready();
    const gone = live.disconnected();
    await admin.patch(`/api/users/${user.id}`, { version: user.version, role: 'coordinator' });
    expect(await gone).toBe('io server disconnect');
  });
});
