import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { InjectConfig } from '../config/config.module.js';
import { Writer } from '../database/writer.js';
import { announceIncident } from './incident-announcer.js';
import { IncidentSlaClock } from './incident-sla-clock.entity.js';
import { IncidentSlaService } from './incident-sla.service.js';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity.js';
import { Incident } from './incident.entity.js';
import { incidentDto } from './incident-views.js';

const batchSize = 200;
const watchedStates = ['running', 'breached'] as const;

/**
 * Records SLA warnings (75 %) and breaches (100 %) in the incidents' timelines, raises the
 * escalation level at each breach and announces the change. Each warning or breach is claimed by a
 * conditional UPDATE on its clock, so two server processes never record it twice.
 */
@Injectable()
export class SlaWatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SlaWatcher.name);
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<number> | undefined;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly em: EntityManager,
    private readonly writer: Writer,
    private readonly sla: IncidentSlaService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.slaWatchSeconds <= 0) return;
    this.timer = setInterval(() => {
      this.ticking ??= this.tick()
        .catch((error: unknown) => {
          this.logger.error(`SLA watch failed: ${String(error)}`);
          return 0;
        })
        .finally(() => (this.ticking = undefined));
    }, this.config.slaWatchSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }

  /** One pass over every clock past its warning or due time and not yet recorded. Returns the incidents changed. */
  async tick(now = new Date()): Promise<number> {
    let changed = 0;
    let afterId = 0;
    for (;;) {
      const due = await this.em.fork().find(
        IncidentSlaClock,
        {
          id: { $gt: afterId },
          state: { $in: [...watchedStates] },
          $or: [
            { warningRecordedAt: null, warnAt: { $lte: now } },
            { breachRecordedAt: null, dueAt: { $lte: now } },
          ],
        },
        { filters: false, fields: ['id', 'incident'], orderBy: { id: 'asc' }, limit: batchSize },
      );
      for (const id of new Set(due.map((clock) => clock.incident.id)))
        if (await this.recordFor(id, now)) changed++;
      if (due.length < batchSize) return changed;
      afterId = due.at(-1)!.id;
    }
  }

  private recordFor(incidentId: number, now: Date): Promise<boolean> {
    return this.writer.run(async (tx) => {
      const { em } = tx;
      const incident = await em.findOne(
        Incident,
        { id: incidentId },
        { filters: false, populate: ['site', 'room', 'racks', 'devices', 'tenants', 'assignee'] },
      );
      if (!incident) return false;
      const before = await incidentDto(em, incident);
      // Recompute first: a holiday or contract change since the last write may have moved the due
      // times, and a warning or breach is only claimed from what the clocks say now.
      const clocks = await this.sla.recompute(em, incident, now);
      const entries: IncidentTimelineEntry[] = [];
      const record = (kind: IncidentTimelineEntry['kind'], details: IncidentTimelineEntry['details']) =>
        entries.push(em.create(IncidentTimelineEntry, { incident, at: now, author: null, kind, details }));
      for (const clock of clocks) {
        if (!(watchedStates as readonly string[]).includes(clock.state)) continue;
        if (clock.warnAt && clock.warnAt <= now && !clock.warningRecordedAt) {
          if (await this.claim(em, clock.id, 'warningRecordedAt', now)) {
            record('sla_warning', {
              metric: clock.metric,
              dueAt: (clock.dueAt ?? clock.warnAt).toISOString(),
            });
          }
        }
        if (clock.dueAt && clock.dueAt <= now && !clock.breachRecordedAt) {
          if (await this.claim(em, clock.id, 'breachRecordedAt', now)) {
            incident.escalationLevel += 1;
            record('sla_breach', { metric: clock.metric, dueAt: clock.dueAt.toISOString() });
            record('escalation', { level: incident.escalationLevel, metric: clock.metric });
          }
        }
      }
      if (entries.length === 0) {
        await em.flush();
        return false;
      }
      incident.updatedBy = null;
      incident.updatedAt = now;
      await em.flush();
      const after = await incidentDto(em, incident);
      await tx.audit({ action: 'incident.sla', entityType: 'Incident', entityId: incidentId, before, after });
      announceIncident(tx, 'incident.updated', after, before.tenants);
      return true;
    });
  }

  /** Marks the warning or breach as recorded unless another process did it first. */
  private async claim(
    em: EntityManager,
    clockId: number,
    field: 'warningRecordedAt' | 'breachRecordedAt',
    now: Date,
  ): Promise<boolean> {
    const claimed = await em.nativeUpdate(IncidentSlaClock, { id: clockId, [field]: null }, { [field]: now });
    return claimed === 1;
  }
}
