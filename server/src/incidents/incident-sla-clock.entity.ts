import { defineEntity, p } from '@mikro-orm/core';
import { slaClockStates, slaMetrics } from '@vigie/shared';
import { Incident } from './incident.entity.js';

/**
 * The last computed state of one SLA clock (incident × metric), persisted so the board can be
 * ordered by due time and the watcher can find what crosses 75 % or 100 % without recomputing
 * every incident. `warningRecordedAt` / `breachRecordedAt` are claimed by a conditional UPDATE
 * so that two server processes never record the same warning or breach twice.
 */
const IncidentSlaClockSchema = defineEntity({
  name: 'IncidentSlaClock',
  uniques: [{ properties: ['incident', 'metric'] }],
  indexes: [
    { properties: ['state', 'warnAt'] },
    { properties: ['state', 'dueAt'] },
    // The steering report: clocks ended, and breaches dated, in a period.
    { properties: ['stoppedAt'] },
    { properties: ['breachedAt'] },
  ],
  properties: {
    id: p.integer().primary(),
    incident: () => p.manyToOne(Incident),
    metric: p.enum(slaMetrics),
    state: p.enum(slaClockStates),
    targetMinutes: p.integer(),
    dueAt: p.datetime().nullable(),
    warnAt: p.datetime().nullable(),
    elapsedMinutes: p.float(),
    pausedMinutes: p.float(),
    stoppedAt: p.datetime().nullable(),
    breachedAt: p.datetime().nullable(),
    warningRecordedAt: p.datetime().nullable(),
    breachRecordedAt: p.datetime().nullable(),
  },
});

export class IncidentSlaClock extends IncidentSlaClockSchema.class {}
IncidentSlaClockSchema.setClass(IncidentSlaClock);
