import { MikroORM } from '@mikro-orm/core';
import { type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module.js';
import { sendError } from './common/error.filter.js';
import { requestContextMiddleware } from './common/request-context.middleware.js';
import type { AppConfig } from './config/app-config.js';
import { loadDemoDataIfEmpty } from './database/seeders/demo-data.js';
import { serveApiDocs } from './http/api-docs.js';
import { serveClientApp } from './http/client-app.js';
import { securityHeaders } from './http/security-headers.js';
import { applyMigrations } from './database/apply-migrations.js';

const levels: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug'];

/** Builds the whole application: migrated database, API, live channel and client, not yet listening. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: levels.slice(0, levels.indexOf(config.logLevel) + 1),
  });
  app.disable('x-powered-by');
  app.use(requestContextMiddleware);
  app.use(securityHeaders);
  app.useBodyParser('json', { limit: config.bodyLimit, strict: true });
  // Body-parser errors (malformed JSON, oversized body) get the documented error body too.
  app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) =>
    sendError(response, error),
  );
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  serveApiDocs(app);
  serveClientApp(app, config.clientDist);

  // Migrated and seeded before init: the background workers started at bootstrap (SLA watcher,
  // task scheduler) must never see a database without its tables.
  const orm = app.get(MikroORM);
  await applyMigrations(orm);
  if (config.demo) await loadDemoDataIfEmpty(orm.em.fork(), config);
  await app.init();
  return app;
}
