import { type DynamicModule, Global, Inject, Module } from '@nestjs/common';
import type { AppConfig } from './app-config.js';
import { resolveSessionSecret } from './session-secret.js';

export const APP_CONFIG = Symbol('AppConfig');
export const SESSION_SECRET = Symbol('SessionSecret');
export const InjectConfig = () => Inject(APP_CONFIG);
export const InjectSessionSecret = () => Inject(SESSION_SECRET);

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: SESSION_SECRET,
          useFactory: () => resolveSessionSecret(config.sessionSecret, config.dataDir),
        },
      ],
      exports: [APP_CONFIG, SESSION_SECRET],
    };
  }
}
