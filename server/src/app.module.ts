import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { AuditController } from './audit/audit.controller.js';
import { AuditVerifier } from './audit/audit-verifier.js';
import { AccessGuard } from './auth/access.guard.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { SessionService } from './auth/session.service.js';
import { ErrorFilter } from './common/error.filter.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthController } from './health/health.controller.js';
import { HolidaysModule } from './holidays/holidays.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { InventoryModule } from './inventory/inventory.module.js';
import { ProceduresModule } from './procedures/procedures.module.js';
import { LiveGateway } from './realtime/live.gateway.js';
import { ReportsModule } from './reports/reports.module.js';
import { RunsModule } from './runs/runs.module.js';
import { ShiftModule } from './shift/shift.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config),
        InventoryModule,
        IncidentsModule,
        ProceduresModule,
        RunsModule,
        HolidaysModule,
        ShiftModule,
        TasksModule,
        ReportsModule,
      ],
      controllers: [HealthController, AuthController, UsersController, AuditController],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        SessionService,
        AuthService,
        UsersService,
        AuditVerifier,
        LiveGateway,
      ],
    };
  }
}
