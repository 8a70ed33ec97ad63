import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../server/src/config/app-config.js';
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
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Migrations match the entities');
  });
});
