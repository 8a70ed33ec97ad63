import Database from 'better-sqlite3';
import { MikroORM } from '@mikro-orm/core';
import { healthSchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
