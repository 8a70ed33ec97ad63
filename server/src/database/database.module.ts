import { MikroOrmModule } from '@mikro-orm/nestjs';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { LiveEventRetention } from '../realtime/live-event-retention.js';
import { LivePublisher } from '../realtime/live-publisher.js';
import { NativeDatabase } from './native-database.js';
import { ormConfig } from './orm-config.js';
import { Writer } from './writer.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [MikroOrmModule.forRoot({ ...ormConfig(config.databaseFile), registerRequestContext: true })],
      providers: [Writer, LivePublisher, NativeDatabase, LiveEventRetention],
      exports: [Writer, LivePublisher, NativeDatabase],
    };
  }
}
