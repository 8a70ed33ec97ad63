import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../server/src/config/app-config.js';
import { freePort, ServerProcess, sleep } from '../faults/support/server-process.js';
import { withRawDatabase } from './support/sqlite.js';

const cli = join(repoRoot, 'server/dist/cli.js');

describe('command line (built server)', () => {
  let dir: string;
  let databaseUrl: string;
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error('server/dist/cli.js is missing: run `pnpm build` first');
    dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
    databaseUrl = `file:${join(dir, 'prod.db')}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], env: Record<string, string>, input = '') =>
    spawnSync(process.execPath, [cli, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, VIGIE_DEMO: '0', ...env },
      input,
      encoding: 'utf8',
    });

  it('creates the first admin on an empty production database, with an audited write', () => {
    const result = run(
      ['create-admin', '--username', 'alice', '--display-name', 'Alice Martin'],
      {},
      'a long passphrase\n',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Created admin "alice"');
    withRawDatabase(join(dir, 'prod.db'), (db) => {
      expect(db.prepare('select username, role, password_hash from app_user').all()).toEqual([
        {
          username: 'alice',
          role: 'admin',
          password_hash: expect.stringMatching(/^\$argon2id\$/) as unknown,
        },
      ]);
      expect(
        db.prepare("select actor_name, action from audit_event where action = 'user.create'").get(),
      ).toEqual({
        actor_name: 'system',
        action: 'user.create',
      });
    });
  });

  it('refuses a weak password or a taken username and changes nothing', () => {
    const weak = run(['create-admin', '--username', 'bob'], { VIGIE_ADMIN_PASSWORD: 'short' });
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain('password');
    const taken = run(['create-admin', '--username', 'alice'], {
      VIGIE_ADMIN_PASSWORD: 'another long passphrase',
    });
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('This username is taken');
    const users = withRawDatabase(join(dir, 'prod.db'), (db) =>
      db.prepare('select count(*) as n from app_user').get(),
    );
    expect(users).toEqual({ n: 1 });
  });

  it('reports that the committed migrations match the entities', () => {
    const result = run(['migration:check'], {});
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Migrations match the entities');
  });

  it('fails the check, naming the missing SQL, when the newest migration is gone', () => {
    const committed = join(repoRoot, 'server/src/database/migrations/sqlite');
    const migrations = readdirSync(committed)
      .filter((name) => /^Migration\d+_.*\.ts$/.test(name))
      .sort();
    const newest = migrations.at(-1);
    if (!newest) throw new Error('no committed migration');
    // A git-ignored folder inside server/: the copied migrations resolve @mikro-orm/migrations from there.
    mkdirSync(join(repoRoot, 'server/data'), { recursive: true });
    const copy = mkdtempSync(join(repoRoot, 'server/data', 'drift-check-'));
    try {
      for (const name of migrations.slice(0, -1)) cpSync(join(committed, name), join(copy, name));
      const result = run(['migration:check', '--migrations', copy], {});
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Entities and migrations drift: ${migrations.length - 1} migration(s)`);
      expect(result.stderr).toContain('Run migration:create');
      // Then the SQL that the removed migration would have run.
      const [, ...missingSql] = result.stderr.split('\n');
      expect(missingSql.join('\n')).toMatch(/^(create|alter|drop) /m);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('refuses a migrations folder that does not exist', () => {
    const result = run(['migration:check', '--migrations', join(dir, 'nowhere')], {});
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`No migrations folder at ${join(dir, 'nowhere')}`);
  });
});

describe('start (built server)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vigie-start-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const quiet = { VIGIE_SLA_WATCH_SECONDS: '0', VIGIE_TASK_SCHEDULER_SECONDS: '0' };
  const demoSignIns =
    'Demo sign-ins (password "vigie-demo"): admin, coordinator, technician, manager, viewer';
  const counts = (file: string) =>
    withRawDatabase(file, (db) =>
      Object.fromEntries(
        ['app_user', 'tenant', 'rack', 'device', 'incident', 'contract'].map((table) => [
          table,
          (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
        ]),
      ),
    );
  const demoLoads = (file: string) =>
    withRawDatabase(
      file,
      (db) =>
        (
          db.prepare("select count(*) as n from audit_event where action = 'demo.load'").get() as {
            n: number;
          }
        ).n,
    );

  /** Starts the built server and waits for the banner that follows `listen`. */
  async function startAndReadBanner(server: ServerProcess, port: number): Promise<string> {
    const before = server.fullLog.length;
    await server.start(120_000);
    const url = `Vigie is up at http://localhost:${port} (database ${server.databaseFile})`;
    for (let waited = 0; !server.fullLog.slice(before).includes(url); waited += 25) {
      if (waited > 10_000) throw new Error(`no banner with ${url}:\n${server.log}`);
      await sleep(25);
    }
    await sleep(200); // the lines after the URL are written in the same tick; leave a margin
    return server.fullLog.slice(before);
  }

  it('prints the URL and the demo sign-ins, and a restart does not load the demo again', async () => {
    const port = await freePort();
    const server = new ServerProcess({ dataDir, port, env: { VIGIE_DEMO: '1', ...quiet } });
    try {
      expect(await startAndReadBanner(server, port)).toContain(demoSignIns);
      await server.stop();
      const seeded = counts(server.databaseFile);
      expect(seeded.app_user).toBeGreaterThanOrEqual(5);
      expect(seeded.device).toBeGreaterThan(1000);
      expect(demoLoads(server.databaseFile)).toBe(1);

      expect(await startAndReadBanner(server, port)).toContain(demoSignIns);
      await server.stop();
      expect(counts(server.databaseFile)).toEqual(seeded);
      expect(demoLoads(server.databaseFile)).toBe(1);
    } finally {
      await server.stop();
    }
  }, 300_000);

  it('with VIGIE_DEMO=0 leaves the database empty and lists no sign-ins; the demo never loads over a user', async () => {
    const port = await freePort();
    const empty = new ServerProcess({ dataDir, port, env: { VIGIE_DEMO: '0', ...quiet } });
    try {
      const banner = await startAndReadBanner(empty, port);
      expect(banner).not.toContain('Demo sign-ins');
      expect(banner).toContain('No user yet: create the first administrator with ./vigie create-admin');
      await empty.stop();
      expect(counts(empty.databaseFile)).toEqual({
        app_user: 0,
        tenant: 0,
        rack: 0,
        device: 0,
        incident: 0,
        contract: 0,
      });

      const admin = spawnSync(process.execPath, [cli, 'create-admin', '--username', 'alice'], {
        env: {
          ...process.env,
          DATABASE_URL: `file:${empty.databaseFile}`,
          VIGIE_ADMIN_PASSWORD: 'a long passphrase',
        },
        encoding: 'utf8',
      });
      expect(admin.status).toBe(0);
      // Demo mode on a database that already has a user: nothing is loaded, no sign-in is advertised.
      const withDemo = new ServerProcess({ dataDir, port, env: { VIGIE_DEMO: '1', ...quiet } });
      try {
        const next = await startAndReadBanner(withDemo, port);
        expect(next).not.toContain('Demo sign-ins');
        expect(next).not.toContain('No user yet');
        await withDemo.stop();
      } finally {
        await withDemo.stop();
      }
      expect(counts(empty.databaseFile)).toMatchObject({ app_user: 1, tenant: 0, device: 0 });
      expect(demoLoads(empty.databaseFile)).toBe(0);
    } finally {
      await empty.stop();
    }
  }, 300_000);
});
