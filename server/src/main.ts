import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { loadConfig } from './config/app-config.js';
import { demoPassword, demoUsernames } from './database/seeders/demo-users.js';

const config = loadConfig();
const app = await createApp(config);
await app.listen(config.port, config.host);
const url = `http://localhost:${config.port}`;
const logger = new Logger('Vigie');
logger.log(`Vigie is up at ${url} (database ${config.databaseFile})`);
if (config.demo) {
  logger.log(`Demo sign-ins (password "${demoPassword}"): ${demoUsernames.join(', ')}`);
}
