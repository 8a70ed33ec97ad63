import { type AnyLiveEnvelope, type Role, type User } from '@vigie/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newContract, newIncident, newTenant } from '../integration/support/incident-fixtures.js';
import { tenantIdsOf, unique } from '../integration/support/inventory-fixtures.js';
import { LiveClient, settle } from '../integration/support/live-client.js';
import { SessionService } from '../../server/src/auth/session.service.js';
import { withRawDatabase } from '../integration/support/sqlite.js';
import { ApiClient, signedIn, startTestApp, type TestApp } from '../integration/support/test-app.js';

const password = 'a-long-enough-password';
const cookieValue = (cookie: string | undefined) => cookie?.split('=')[1];

/**
 * Sessions and the sockets opened with them: a sign-in never keeps a session id that existed
 * before it, and whatever ends or narrows a session (sign-out, another sign-in in the same
 * browser, deactivation, a role or tenant change, expiry) drops its sockets at once.
 */
describe('sessions on open live sockets', () => {
  let t: TestApp;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let tenants: Record<string, number>;
  const open: LiveClient[] = [];

  const connect = async (client: ApiClient) => {
    const live = new LiveClient(t.url, client.cookie);
    open.push(live);
    await live.ready();
    return live;
  };
  /** Fails the test unless the socket is refused: the cookie no longer opens a socket. */
  const refused = async (cookie: string | undefined) => {
    const live = new LiveClient(t.url, cookie);
    open.push(live);
    await expect(live.ready()).rejects.toThrow('unauthenticated');
  };
  const newUser = async (role: Role, tenantId: number | null = null) => {
    const response = await admin.post('/api/users', {
      username: unique('session').toLowerCase(),
      displayName: 'Session test user',
      role,
      tenantId,
      password,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as User;
  };
  const change = async (user: User, body: object): Promise<User> => {
    const response = await admin.patch(`/api/users/${user.id}`, { version: user.version, ...body });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as User;
  };
  const shiftLogEntry = async () => {
    const [site] = ((await (await admin.get('/api/sites')).json()) as { items: { id: number }[] }).items;
    const response = await coordinator.post('/api/shift-log', {
      siteId: site!.id,
      category: 'event',
      text: unique('Entry'),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: number }).id;
  };
  /** Waits until a socket that sees everything has the event, so any other socket would have it too. */
  const delivered = async (witness: LiveClient, match: (event: AnyLiveEnvelope) => boolean) => {
    await witness.until((events) => events.some(match));
    await settle(50);
  };
  const types = (live: LiveClient) => live.events.map((event) => event.type);

  beforeAll(async () => {
    t = await startTestApp({ env: { VIGIE_TASK_SCHEDULER_SECONDS: '0', VIGIE_SLA_WATCH_SECONDS: '0' } });
    admin = await signedIn(t.url, 'admin');
    coordinator = await signedIn(t.url, 'coordinator');
    tenants = await tenantIdsOf(admin);
  });
  afterEach(() => {
    for (const live of open.splice(0)) live.close();
  });
  afterAll(() => t.close());

  describe('session fixation', () => {
    it('never adopts a session id planted before sign-in', async () => {
      const planted = 'p'.repeat(43);
      const browser = new ApiClient(t.url);
      browser.cookie = `vigie_session=${planted}`;
      expect((await browser.login('technician')).status).toBe(200);
      expect(cookieValue(browser.cookie)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(cookieValue(browser.cookie)).not.toBe(planted);
      const attacker = new ApiClient(t.url);
      attacker.cookie = `vigie_session=${planted}`;
      expect((await attacker.get('/api/auth/me')).status).toBe(401);
      await refused(attacker.cookie);
    });

    it('gives a new id at every sign-in, ends the previous session and drops its sockets', async () => {
      const browser = await signedIn(t.url, 'viewer');
      const before = browser.cookie;
      const viewerLive = await connect(browser);
      const gone = viewerLive.disconnected();
      // Someone else signs in on the same browser.
      expect((await browser.login('coordinator')).status).toBe(200);
      expect(browser.cookie).not.toBe(before);
      expect(await gone).toBe('io server disconnect');
      const previous = new ApiClient(t.url);
      previous.cookie = before;
      expect((await previous.get('/api/auth/me')).status).toBe(401);
      await refused(before);
      expect(((await (await browser.get('/api/auth/me')).json()) as { user: User }).user.username).toBe(
        'coordinator',
      );
      await connect(browser);
    });
  });

  it('sign-out drops the sockets of that session only, before answering', async () => {
    const user = await newUser('technician');
    const phone = await signedIn(t.url, user.username, password);
    const desk = await signedIn(t.url, user.username, password);
    const phoneLive = await connect(phone);
    const deskLive = await connect(desk);
    const witness = await connect(coordinator);
    const gone = phoneLive.disconnected();
    expect((await phone.post('/api/auth/logout')).status).toBe(204);
    const entry = await shiftLogEntry();
    expect(await gone).toBe('io server disconnect');
    await delivered(witness, (event) => event.type === 'shift-log.entry-added' && event.payload.id === entry);
    expect(types(phoneLive)).toEqual([]);
    expect(types(deskLive)).toEqual(['shift-log.entry-added']);
    await refused(phone.cookie);
  });

  it('deactivation drops every socket of the user at once; nothing reaches them after', async () => {
    const user = await newUser('coordinator');
    const session = await signedIn(t.url, user.username, password);
    const live = await connect(session);
    const witness = await connect(coordinator);
    const gone = live.disconnected();
    await change(user, { active: false });
    const entry = await shiftLogEntry();
    expect(await gone).toBe('io server disconnect');
    await delivered(witness, (event) => event.type === 'shift-log.entry-added' && event.payload.id === entry);
    // The last thing the socket got is its own user record, saying why it is closed.
    expect(live.events.map((event) => [event.type, (event.payload as User).active])).toEqual([
      ['user.updated', false],
    ]);
    await refused(session.cookie);
    expect((await new ApiClient(t.url).login(user.username, password)).status).toBe(401);
  });

  it('refuses a socket whose role changed while its handshake was being checked', async () => {
    const user = await newUser('technician');
    const session = await signedIn(t.url, user.username, password);
    // Hold the handshake right after its session was read, change the role, then let it go on.
    const sessions = t.app.get(SessionService);
    const resolve = sessions.resolve.bind(sessions);
    let read!: () => void;
    let release!: () => void;
    const sessionRead = new Promise<void>((done) => (read = done));
    const released = new Promise<void>((done) => (release = done));
    sessions.resolve = async (cookie) => {
      const found = await resolve(cookie);
      read();
      await released;
      return found;
    };
    try {
      const live = new LiveClient(t.url, session.cookie);
      open.push(live);
      const dropped = new Promise<string>((done) => live.socket.once('disconnect', done));
      await sessionRead;
      sessions.resolve = resolve;
      await change(user, { role: 'manager' });
      release();
      expect(await dropped).toBe('io server disconnect');
      expect(live.readies).toEqual([]);
    } finally {
      sessions.resolve = resolve;
      release();
    }
  });

  it('a technician promoted to manager, then demoted, sees contracts only while a manager', async () => {
    let user = await newUser('technician');
    const witness = await connect(admin);
    const contractFor = async () => {
      const contract = await newContract(admin, { tenantId: (await newTenant(admin)).id });
      await delivered(
        witness,
        (event) => event.type === 'contract.created' && event.payload.id === contract.id,
      );
    };

    const asTechnician = await connect(await signedIn(t.url, user.username, password));
    await contractFor();
    expect(types(asTechnician)).not.toContain('contract.created');

    let gone = asTechnician.disconnected();
    user = await change(user, { role: 'manager' });
    expect(await gone).toBe('io server disconnect');
    const asManager = await connect(await signedIn(t.url, user.username, password));
    await contractFor();
    expect(types(asManager)).toContain('contract.created');

    gone = asManager.disconnected();
    user = await change(user, { role: 'technician' });
    expect(await gone).toBe('io server disconnect');
    const contractsBefore = types(asManager).filter((type) => type === 'contract.created').length;
    await contractFor();
    expect(types(asManager).filter((type) => type === 'contract.created').length).toBe(contractsBefore);
    const demoted = await connect(await signedIn(t.url, user.username, password));
    await contractFor();
    expect(types(demoted)).not.toContain('contract.created');
  });

  it('a client viewer moved to another tenant stops receiving the first tenant’s incidents at once', async () => {
    const [first, second] = Object.values(tenants) as [number, number];
    let user = await newUser('client_viewer', first);
    const witness = await connect(coordinator);
    const incidentOf = async (tenantId: number) => {
      const incident = await newIncident(coordinator, { tenantIds: [tenantId] });
      await delivered(
        witness,
        (event) => event.type === 'incident.created' && event.payload.id === incident.id,
      );
      return incident.id;
    };
    const seen = (live: LiveClient) =>
      live.events.flatMap((event) => (event.type === 'incident.created' ? [event.payload.id] : []));

    const before = await connect(await signedIn(t.url, user.username, password));
    const firstIncident = await incidentOf(first);
    expect(seen(before)).toEqual([firstIncident]);

    const gone = before.disconnected();
    user = await change(user, { tenantId: second });
    expect(await gone).toBe('io server disconnect');
    await incidentOf(first);
    await incidentOf(second);
    expect(seen(before)).toEqual([firstIncident]);

    const after = await connect(await signedIn(t.url, user.username, password));
    await incidentOf(first);
    const secondIncident = await incidentOf(second);
    expect(seen(after)).toEqual([secondIncident]);
  });

  it('drops a socket when its session expires, unless requests have kept the session alive', async () => {
    const expiring = await signedIn(t.url, 'technician');
    const kept = await signedIn(t.url, 'technician');
    // Both sessions end in 1.5 s, as after two idle hours without a request.
    const sessions = withRawDatabase(t.config.databaseFile, (db) => {
      const ids = db.prepare('select id from user_session order by created_at desc limit 2').all() as {
        id: string;
      }[];
      const update = db.prepare('update user_session set idle_expires_at = ? where id = ?');
      for (const { id } of ids) expect(update.run(Date.now() + 1500, id).changes).toBe(1);
      return ids.map(({ id }) => id);
    });
    const expiringLive = await connect(expiring);
    const keptLive = await connect(kept);
    // Then one of them makes a request, long enough after the last one to slide its idle expiry.
    withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare('update user_session set last_seen_at = ?').run(Date.now() - 10 * 60_000),
    );
    expect(sessions.length).toBe(2);
    expect((await kept.get('/api/auth/me')).status).toBe(200);
    const gone = expiringLive.disconnected();
    expect(await gone).toBe('io server disconnect');
    await settle(300);
    expect(keptLive.socket.connected).toBe(true);
    await refused(expiring.cookie);
  });
});
