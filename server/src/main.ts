import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { EntityManager } from '@mikro-orm/core';
import { createApp } from './app.factory.js';
import { loadConfig } from './config/app-config.js';
import { startBanner } from './start-banner.js';

const config = loadConfig();
const app = await createApp(config);
await app.listen(config.port, config.host);
// The port actually bound: PORT=0 asks the system for a free one.
const { port } = app.getHttpServer().address() as AddressInfo;
const url = `http://localhost:${port}`;
// Printed whatever LOG_LEVEL says: this is how the person who ran `start` finds Vigie.
for (const line of await startBanner(app.get(EntityManager).fork(), url, config.databaseFile))
  console.log(line);
