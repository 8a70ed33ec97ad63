import { Module } from '@nestjs/common';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { RunsModule } from '../runs/runs.module.js';
import { OccurrencesController } from './occurrences.controller.js';
import { TaskScheduler } from './task-scheduler.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

/** Recurring tasks: definitions, the scheduler that plans and flags occurrences, start and cancel. */
@Module({
  imports: [ProceduresModule, RunsModule],
  controllers: [TasksController, OccurrencesController],
  providers: [TasksService, TaskScheduler],
  exports: [TasksService, TaskScheduler],
})
export class TasksModule {}
