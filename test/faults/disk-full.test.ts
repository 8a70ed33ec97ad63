import { randomUUID } from 'node:crypto';
import { errorBodySchema, idempotencyKeyHeader, incidentSchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRawDatabase } from '../integration/support/sqlite.js';
import { signedIn, type ApiClient } from '../integration/support/test-app.js';
import { freePort, integrityOf, ServerProcess, withReadOnlyDatabase } from './support/server-process.js';
import {
  readOnlyStorage,
  squeezedStorage,
  type ReadOnlyStorage,
  type SqueezedStorage,
} from './support/squeezed-storage.js';

/** The first refusal ends the loop; a few writes may still fit in pages SQLite already has. */
const maxWrites = 50;

interface Attempt {
  title: string;
  key: string;
  status: number;
  body: string;
}

/** The server on the given data folder, background workers off, and a signed-in coordinator. */
async function startOn(dataDir: string): Promise<{ server: ServerProcess; coordinator: ApiClient }> {
  const server = new ServerProcess({
    dataDir,
    port: await freePort(),
    env: { VIGIE_SLA_WATCH_SECONDS: '0', VIGIE_TASK_SCHEDULER_SECONDS: '0' },
  });
  await server.start();
  return { server, coordinator: await signedIn(server.url, 'coordinator') };
}

/** One incident report with its idempotency key, and the server's answer as it came. */
async function reportIncident(
  coordinator: ApiClient,
  description: string,
  title: string,
  key: string,
): Promise<Attempt> {
  const response = await coordinator.post(
    '/api/incidents',
    { title, description, impact: 3, urgency: 3 },
    { [idempotencyKeyHeader]: key },
  );
  return { title, key, status: response.status, body: await response.text() };
}

describe('disk full: the database on a filesystem with no space left', () => {
  let storage: SqueezedStorage;
  let server: ServerProcess;
  let coordinator: ApiClient;
  let serverPid: number;

  beforeAll(async () => {
    // 48 MB: the demo data and its WAL fit; the rest is filled by the test.
    storage = squeezedStorage(48);
    ({ server, coordinator } = await startOn(storage.dataDir));
    serverPid = server.pid!;
  }, 120_000);

  afterAll(async () => {
    await server?.kill();
    storage?.close();
  });

  const create = (title: string, key: string) =>
    reportIncident(coordinator, 'Written on a full disk', title, key);

  it('refuses writes with a documented 5xx, stores nothing unacknowledged, serves reads, and writes again once space returns', async () => {
    console.log(`disk full by ${storage.kind}`);
    const before = await create(`Before the disk filled ${randomUUID()}`, randomUUID());
    expect(before.status).toBe(201);
    const readable = incidentSchema.parse(JSON.parse(before.body));

    // Checkpointed and truncated (as SQLite and backup tools do): the next write must grow the WAL.
    withRawDatabase(server.databaseFile, (db) => db.pragma('wal_checkpoint(TRUNCATE)'));
    storage.fill(serverPid);
    const attempts: Attempt[] = [];
    for (let index = 0; index < maxWrites; index++) {
      const attempt = await create(`On a full disk ${index} ${randomUUID()}`, randomUUID());
      attempts.push(attempt);
      if (attempt.status !== 201) break;
    }
    const refused = attempts.at(-1)!;
    // What SQLite reports: no space (tmpfs) is `storage_full` 507; a refused write (file size limit) is 503.
    const expected =
      storage.kind === 'tmpfs'
        ? { status: 507, code: 'storage_full' }
        : { status: 503, code: 'service_unavailable' };
    expect(refused.status, refused.body).toBe(expected.status);
    expect(errorBodySchema.parse(JSON.parse(refused.body)).error).toMatchObject({
      code: expected.code,
      message: expect.stringMatching(/nothing was saved/) as unknown,
    });
    expect(attempts.slice(0, -1).every((attempt) => attempt.status === 201)).toBe(true);

    // Reads are served while the disk is full.
    const read = await coordinator.get(`/api/incidents/${readable.id}`);
    expect(read.status).toBe(200);
    const list = await coordinator.get('/api/incidents?limit=5');
    expect(list.status).toBe(200);
    // Refused again while full, with the same answer (the key was not consumed).
    expect((await create(refused.title, refused.key)).status).toBe(expected.status);

    // Every acknowledged write is stored; the refused one is not.
    withReadOnlyDatabase(server.databaseFile, (db) => {
      const countOf = (title: string) =>
        (db.prepare('select count(*) as n from incident where title = ?').get(title) as { n: number }).n;
      for (const attempt of [before, ...attempts.slice(0, -1)]) expect(countOf(attempt.title)).toBe(1);
      expect(countOf(refused.title)).toBe(0);
    });

    // Space returns: the same server process writes again, the refused write's retry included.
    storage.free(serverPid);
    const retried = await create(refused.title, refused.key);
    expect(retried.status, retried.body).toBe(201);
    expect((await create(`After space returned ${randomUUID()}`, randomUUID())).status).toBe(201);
    expect(server.running && server.pid === serverPid).toBe(true);
    withReadOnlyDatabase(server.databaseFile, (db) => {
      expect(
        (db.prepare('select count(*) as n from incident where title = ?').get(refused.title) as { n: number })
          .n,
      ).toBe(1);
    });
    expect(integrityOf(server.databaseFile)).toBe('ok');
    const admin = await signedIn(server.url, 'admin');
    expect(await (await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  }, 120_000);
});

describe('read-only: the filesystem of the database turns read-only under the server', () => {
  let storage: ReadOnlyStorage;
  let server: ServerProcess;
  let coordinator: ApiClient;

  beforeAll(async () => {
    storage = readOnlyStorage(64);
    ({ server, coordinator } = await startOn(storage.dataDir));
  }, 120_000);

  afterAll(async () => {
    await server?.kill();
    storage?.close();
  });

  const create = (title: string, key: string) =>
    reportIncident(coordinator, 'Written on a read-only filesystem', title, key);

  it('refuses writes 503, serves reads, keeps what was acknowledged, and writes again once repaired', async () => {
    console.log(`read-only by ${storage.kind}`);
    const before = await create(`Before read-only ${randomUUID()}`, randomUUID());
    expect(before.status).toBe(201);
    const readable = incidentSchema.parse(JSON.parse(before.body));

    storage.makeReadOnly(server.pid!);
    const refused = await create(`On read-only ${randomUUID()}`, randomUUID());
    expect(refused.status, refused.body).toBe(503);
    expect(errorBodySchema.parse(JSON.parse(refused.body)).error).toMatchObject({
      code: 'service_unavailable',
      message: expect.stringMatching(/nothing was saved/) as unknown,
    });
    // The server is not stuck: reads are served and the next write gets the same clear answer.
    expect((await coordinator.get(`/api/incidents/${readable.id}`)).status).toBe(200);
    expect((await coordinator.get('/api/health')).status).toBe(200);
    expect((await create(refused.title, refused.key)).status).toBe(503);

    if (storage.repairNeedsRestart) {
      await server.kill();
      storage.repair(server.pid!);
      await server.start();
    } else {
      storage.repair(server.pid!);
    }
    const retried = await create(refused.title, refused.key);
    expect(retried.status, retried.body).toBe(201);
    withReadOnlyDatabase(server.databaseFile, (db) => {
      const countOf = (title: string) =>
        (db.prepare('select count(*) as n from incident where title = ?').get(title) as { n: number }).n;
      expect(countOf(before.title)).toBe(1);
      expect(countOf(refused.title)).toBe(1);
    });
    expect(integrityOf(server.databaseFile)).toBe('ok');
    const admin = await signedIn(server.url, 'admin');
    expect(await (await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  }, 120_000);
});
