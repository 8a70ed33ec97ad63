import 'reflect-metadata';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/sqlite';
import { NestFactory } from '@nestjs/core';
import { createUserSchema } from '@vigie/shared';
import { AppModule } from './app.module.js';
import { DomainError } from './common/domain-error.js';
import { fieldErrorsOf } from './common/error-body.js';
import { loadConfig, repoRoot } from './config/app-config.js';
import { ormConfig } from './database/orm-config.js';
import { UsersService } from './users/users.service.js';
import { applyMigrations } from './database/apply-migrations.js';

const sourceMigrations = resolve(repoRoot, 'server/src/database/migrations/sqlite');

const usage = `Usage: pnpm --filter @vigie/server cli <command>
  create-admin --username <name> [--display-name <name>]   password from VIGIE_ADMIN_PASSWORD or standard input
  migrate                                                  apply pending migrations
  migration:create [--name <name>]                         write a migration for the entity changes
  migration:check [--migrations <dir>]                     fail when entities and the migrations drift
                                                           (default: the committed migrations)`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function createAdmin(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { username: { type: 'string' }, 'display-name': { type: 'string' } },
  });
  const password = process.env.VIGIE_ADMIN_PASSWORD ?? (await readStdin());
  const input = createUserSchema.safeParse({
    username: values.username,
    displayName: values['display-name'] ?? values.username,
    role: 'admin',
    password,
  });
  if (!input.success) {
    for (const field of fieldErrorsOf(input.error)) console.error(`${field.path}: ${field.message}`);
    process.exitCode = 2;
    return;
  }
  const config = { ...loadConfig(), demo: false };
  const orm = await MikroORM.init(ormConfig(config.databaseFile));
  await applyMigrations(orm);
  await orm.close();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    const user = await app.get(UsersService).create(input.data);
    console.log(`Created admin "${user.username}" (id ${user.id}) in ${config.databaseFile}`);
  } finally {
    await app.close();
  }
}

async function withScratchDatabase<T>(
  work: (orm: MikroORM) => Promise<T>,
  migrationsPath = sourceMigrations,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-migrations-'));
  const orm = await MikroORM.init(ormConfig(join(dir, 'scratch.db'), { migrationsPath }));
  try {
    return await work(orm);
  } finally {
    await orm.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case 'create-admin':
      return createAdmin(args);
    case 'migrate': {
      const orm = await MikroORM.init(ormConfig(loadConfig().databaseFile));
      const applied = await applyMigrations(orm);
      console.log(`Applied ${applied.length} migration(s)`);
      return orm.close();
    }
    case 'migration:create': {
      const { values } = parseArgs({ args, options: { name: { type: 'string' } } });
      return withScratchDatabase(async (orm) => {
        await applyMigrations(orm);
        const result = await orm.migrator.create(sourceMigrations, false, false, values.name);
        console.log(result.fileName ? `Wrote ${result.fileName}` : 'No changes: no migration written');
      });
    }
    case 'migration:check': {
      const { values } = parseArgs({ args, options: { migrations: { type: 'string' } } });
      // Another folder than the committed one: lets a test prove that a drift fails the check.
      const migrationsPath = values.migrations ? resolve(values.migrations) : sourceMigrations;
      if (!existsSync(migrationsPath)) {
        console.error(`No migrations folder at ${migrationsPath}`);
        process.exitCode = 2;
        return;
      }
      return withScratchDatabase(async (orm) => {
        const applied = await applyMigrations(orm);
        const drift = await orm.schema.getUpdateSchemaSQL({ wrap: false });
        if (drift.trim()) {
          console.error(
            `Entities and migrations drift: ${applied.length} migration(s) in ${migrationsPath} leave this SQL to run. ` +
              `Run migration:create.\n${drift}`,
          );
          process.exitCode = 1;
        } else {
          console.log(`Migrations match the entities (${applied.length} in ${migrationsPath})`);
        }
      }, migrationsPath);
    }
    default:
      console.error(usage);
      process.exitCode = command ? 2 : 0;
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  const fields = error.details.fields?.map((field) => `\n  ${field.path}: ${field.message}`).join('') ?? '';
  console.error(`${error.message}${fields}`);
  process.exitCode = 1;
}
