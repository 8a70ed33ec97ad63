import { Module } from '@nestjs/common';
import { HandoverTasks } from './handover-tasks.js';
import { HandoversController } from './handovers.controller.js';
import { HandoversService } from './handovers.service.js';
import { ShiftLogController } from './shift-log.controller.js';
import { ShiftLogService } from './shift-log.service.js';

/** The main courante (shift log) and the shift handover (relève). */
@Module({
  controllers: [ShiftLogController, HandoversController],
  providers: [ShiftLogService, HandoversService, HandoverTasks],
})
export class ShiftModule {}
