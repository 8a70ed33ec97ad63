import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormConfig } from './orm-config.js';

/** Fails instead of hanging when the connection was never released. */
function within<T>(promise: Promise<T>, ms = 3000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ]);
}

describe('a transaction SQLite rolled back by itself (SQLITE_FULL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-rollback-'));
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await MikroORM.init(ormConfig(join(dir, 'full.db')));
    const connection = orm.em.getConnection();
    await connection.execute('create table filler (data blob)', [], 'run');
    // A database that cannot grow past its current pages: the next big insert is SQLITE_FULL.
    const [row] = await connection.execute<{ page_count: number }[]>('pragma page_count');
    await connection.execute(`pragma max_page_count = ${(row?.page_count ?? 0) + 2}`, [], 'run');
  });

  afterAll(async () => {
    await orm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails the write, then leaves the connection usable for the next queries', async () => {
    const em = orm.em.fork();
    const write = em.transactional(async (tx) => {
      await tx
        .getConnection()
        .execute(
          'insert into filler (data) values (randomblob(1000000))',
          [],
          'run',
          tx.getTransactionContext(),
        );
    });
    await expect(within(write)).rejects.toThrow(/full/i);
    const rows = await within(
      orm.em.getConnection().execute<{ n: number }[]>('select count(*) as n from filler'),
    );
    expect(rows[0]?.n).toBe(0);
    await within(
      orm.em.fork().transactional(async (tx) => {
        await tx
          .getConnection()
          .execute("insert into filler (data) values (x'00')", [], 'run', tx.getTransactionContext());
      }),
    );
  });
});
