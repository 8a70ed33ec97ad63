import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MikroORM } from '@mikro-orm/core';
import { healthSchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/src/database/apply-migrations.js';
import { ormConfig } from '../../server/src/database/orm-config.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('runs every connection in WAL mode with synchronous=FULL', async () => {
    const connection = t.app.get(MikroORM).em.getConnection();
    const pragma = async <T>(name: string) => ((await connection.execute(`pragma ${name}`)) as T[])[0];
    const journal = await pragma<{ journal_mode: string }>('journal_mode');
    const sync = await pragma<{ synchronous: number }>('synchronous');
    const foreignKeys = await pragma<{ foreign_keys: number }>('foreign_keys');
    expect(journal?.journal_mode).toBe('wal');
    expect(sync?.synchronous).toBe(2);
    expect(foreignKeys?.foreign_keys).toBe(1);
  });

  it('keeps the file in WAL mode for any other process that opens it', () => {
    const other = new Database(t.config.databaseFile, { readonly: true });
    try {
      expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      other.close();
    }
  });

  it('applied the committed migrations at start', async () => {
    const rows = (await t.app
      .get(MikroORM)
      .em.getConnection()
      .execute('select name from mikro_orm_migrations order by id')) as { name: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.name).toMatch(/^Migration\d+_initial$/);
  });

  it('answers health without sign-in', async () => {
    const response = await fetch(`${t.url}/api/health`);
    expect(response.status).toBe(200);
    expect(healthSchema.parse(await response.json())).toMatchObject({ status: 'ok', database: 'up' });
  });
});

describe('migrations on a database already in use', () => {
  // The release before the one that rebuilt `device_type` (new airflow values): its devices point
  // at their types, and a rebuild run with foreign keys on would refuse or lose them.
  const before = 'Migration20261123163242_reports_and_their_indexes';

  it('rebuild tables without losing or orphaning the rows that point at them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-upgrade-'));
    const orm = await MikroORM.init(ormConfig(join(dir, 'vigie.db')));
    try {
      await orm.migrator.up({ to: before });
      const connection = orm.em.getConnection();
      const now = Date.now();
      await connection.execute(
        `insert into device_type (id, manufacturer, model, slug, u_height, airflow, power_ports, version, created_at, updated_at)
         values (7, 'Dell', 'PowerEdge R650', 'dell-r650', 1, 'front-to-rear', '[]', 1, ${now}, ${now})`,
      );
      await connection.execute(
        `insert into device (id, name, device_type_id, version, created_at, updated_at)
         values (11, 'web-01', 7, 1, ${now}, ${now})`,
      );

      const applied = await applyMigrations(orm);

      expect(applied.length).toBeGreaterThan(0);
      expect(await connection.execute('select id, device_type_id from device')).toEqual([
        { id: 11, device_type_id: 7 },
      ]);
      expect(await connection.execute('select slug from device_type')).toEqual([{ slug: 'dell-r650' }]);
      expect(await connection.execute('pragma foreign_key_check')).toEqual([]);
      expect(await connection.execute('pragma foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    } finally {
      await orm.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
