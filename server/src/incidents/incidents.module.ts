import { Module } from '@nestjs/common';
import { IncidentSlaService } from './incident-sla.service.js';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsService } from './incidents.service.js';
import { SlaWatcher } from './sla-watcher.js';

/** Incidents: lifecycle, triage, timeline, SLA clocks and their watcher. */
@Module({
  controllers: [IncidentsController],
  providers: [IncidentsService, IncidentSlaService, SlaWatcher],
  exports: [IncidentsService, IncidentSlaService],
})
export class IncidentsModule {}
