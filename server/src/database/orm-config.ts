import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/sqlite';
import { CompiledQuery, type DatabaseConnection } from 'kysely';
import { entities } from './entities.js';
import { toleratePriorSqliteRollback } from './sqlite-rollback.js';

export const migrationsPath = join(import.meta.dirname, 'migrations', 'sqlite');

/** How long a write waits for another process's lock before the request answers 503. */
export const busyTimeoutMs = 5000;

/** Pragmas for every connection: an acknowledged write survives a crash or a power cut. */
export const connectionPragmas = [
  'pragma journal_mode = WAL',
  'pragma synchronous = FULL',
  'pragma foreign_keys = ON',
  `pragma busy_timeout = ${busyTimeoutMs}`,
];

/** `migrationsPath`: where migrations are read and written (the sources, for migration:create). */
export function ormConfig(databaseFile: string, { migrationsPath: path = migrationsPath } = {}): Options {
  toleratePriorSqliteRollback();
  if (databaseFile !== ':memory:') mkdirSync(dirname(databaseFile), { recursive: true });
  return defineConfig({
    dbName: databaseFile,
    entities,
    extensions: [Migrator],
    migrations: {
      path,
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotOnMigrate: false,
      snapshotName: '.snapshot-sqlite',
      emit: 'ts',
    },
    onCreateConnection: async (connection: unknown) => {
      for (const pragma of connectionPragmas) {
        await (connection as DatabaseConnection).executeQuery(CompiledQuery.raw(pragma));
      }
    },
    forceUtcTimezone: true,
    ensureDatabase: false,
    debug: false,
  });
}
