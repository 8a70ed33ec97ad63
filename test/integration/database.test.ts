import Database from 'better-sqlite3';
import { MikroORM } from '@mikro-orm/core';
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
    const [journal] = await connection.execute<{ journal_mode: string }[]>('pragma journal_mode');
    const [sync] = await connection.execute<{ synchronous: number }[]>('pragma synchronous');
    const [foreignKeys] = await connection.execute<{ foreign_keys: number }[]>('pragma foreign_keys');
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
    const rows = await t.app
      .get(MikroORM)
      .em.getConnection()
      .execute<{ name: string }[]>('select name from mikro_orm_migrations order by id');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.name).toMatch(/^Migration\d+_initial$/);
  });

  it('answers health without sign-in', async () => {
    const response = await fetch(`${t.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: expect.any(String), database: 'up' });
  });
});
