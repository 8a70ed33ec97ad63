import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorBodySchema, idempotencyKeyHeader, incidentSchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type ApiClient } from '../integration/support/test-app.js';
import { freePort, integrityOf, ServerProcess, withReadOnlyDatabase } from './support/server-process.js';
import { withRawDatabase } from '../integration/support/sqlite.js';

const holdMs = 10_000;

/** Another process holding SQLite's write lock on the file; resolves once it has it. */
function holdWriteLock(databaseFile: string): Promise<{ child: ChildProcess; released: Promise<void> }> {
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, 'support/hold-write-lock.ts'), databaseFile, String(holdMs)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  let onReleased: () => void = () => undefined;
  const released = new Promise<void>((done) => (onReleased = done));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0 ? onReleased() : reject(new Error(`lock holder exited ${code}`)),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('locked')) resolve({ child, released });
      if (output.includes('released')) onReleased();
    });
  });
}

describe('lock contention: another process holds the write lock for 10 s', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-lock-'));
  let server: ServerProcess;
  let coordinator: ApiClient;
  let incidentId: number;
  let holder: ChildProcess | undefined;

  beforeAll(async () => {
    // Background writers off: every write here is one the test makes and times.
    server = new ServerProcess({
      dataDir,
      port: await freePort(),
      env: { VIGIE_SLA_WATCH_SECONDS: '0', VIGIE_TASK_SCHEDULER_SECONDS: '0' },
    });
    await server.start();
    coordinator = await signedIn(server.url, 'coordinator');
    const response = await coordinator.post('/api/incidents', {
      title: 'Before the lock',
      description: 'Read while another process holds the write lock',
      impact: 3,
      urgency: 3,
    });
    expect(response.status).toBe(201);
    incidentId = incidentSchema.parse(await response.json()).id;
  }, 120_000);

  afterAll(async () => {
    holder?.kill('SIGKILL');
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers writes 503 with Retry-After before the lock is released, and keeps serving reads', async () => {
    const newIncident = {
      title: 'During the lock',
      description: 'Refused, then sent again',
      impact: 3,
      urgency: 3,
    };
    const key = { [idempotencyKeyHeader]: 'lock-contention-retry-1' };
    const lock = await holdWriteLock(server.databaseFile);
    holder = lock.child;
    let lockReleased = false;
    void lock.released.then(() => (lockReleased = true));

    // A read is served from the WAL snapshot.
    expect((await coordinator.get(`/api/incidents/${incidentId}`)).status).toBe(200);

    const refused = await coordinator.post('/api/incidents', newIncident, key);
    const text = await refused.text();
    expect(refused.status, text).toBe(503);
    // Answered while the other process still held the lock: the request gave up after the busy timeout.
    expect(lockReleased).toBe(false);
    expect(errorBodySchema.parse(JSON.parse(text)).error.code).toBe('service_unavailable');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await coordinator.get(`/api/incidents/${incidentId}`)).status).toBe(200);
    expect(lockReleased).toBe(false);

    await lock.released;
    // Nothing of the refused write was stored, not even its key: the same retry now runs and succeeds.
    const retried = await coordinator.post('/api/incidents', newIncident, key);
    expect(retried.status, await retried.clone().text()).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    withReadOnlyDatabase(server.databaseFile, (db) => {
      const stored = db
        .prepare('select count(*) as n from incident where title = ?')
        .get(newIncident.title) as {
        n: number;
      };
      expect(stored.n).toBe(1);
    });
  }, 60_000);

  it('serves a read whose session expiry is due to be extended, and writes again once the holder dies', async () => {
    // Last seen two minutes ago: the next request would write the session's sliding expiry.
    withRawDatabase(server.databaseFile, (db) =>
      db.prepare('update user_session set last_seen_at = last_seen_at - 120000').run(),
    );
    const lock = await holdWriteLock(server.databaseFile);
    holder = lock.child;
    let lockReleased = false;
    void lock.released.then(() => (lockReleased = true));

    const read = await coordinator.get(`/api/incidents/${incidentId}`);
    expect(read.status, await read.clone().text()).toBe(200);
    expect(lockReleased).toBe(false);

    // The other process dies holding the lock: SQLite releases it with the process.
    lock.child.kill('SIGKILL');
    const written = await coordinator.post('/api/incidents', {
      title: 'After the lock',
      description: 'The holder died',
      impact: 3,
      urgency: 3,
    });
    expect(written.status).toBe(201);
    expect(integrityOf(server.databaseFile)).toBe('ok');
    const admin = await signedIn(server.url, 'admin');
    expect(await (await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  }, 60_000);
});
