import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { EvidenceStore } from './evidence-store.js';
import { IncidentProceduresController } from './incident-procedures.controller.js';
import { RunContextHooks } from './run-context-hooks.js';
import { RunsController } from './runs.controller.js';
import { RunsService } from './runs.service.js';
import { SuggestedProceduresService } from './suggested-procedures.service.js';

/** Procedure runs: start, step sign-off, verification, evidence, abort, completion, export, suggestions. */
@Module({
  imports: [ProceduresModule],
  controllers: [RunsController, IncidentProceduresController],
  providers: [
    RunsService,
    RunContextHooks,
    SuggestedProceduresService,
    {
      provide: EvidenceStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new EvidenceStore(config.dataDir),
    },
  ],
  exports: [RunsService, RunContextHooks],
})
export class RunsModule {}
