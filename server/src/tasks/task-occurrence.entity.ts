import { defineEntity, p } from '@mikro-orm/core';
import { occurrenceStates } from '@vigie/shared';
import { Site } from '../inventory/site.entity.js';
import { RecurringTask } from './recurring-task.entity.js';

/**
 * One planned time of a recurring task. The unique (task, scheduledAt) index is what keeps two
 * schedulers from planning it twice; state moves are conditional UPDATEs (claimed once).
 * `runId` is the procedure run started for it (the runs table keeps the context the other way).
 */
const TaskOccurrenceSchema = defineEntity({
  name: 'TaskOccurrence',
  uniques: [{ properties: ['task', 'scheduledAt'] }],
  indexes: [
    { properties: ['state', 'availableAt'] },
    { properties: ['state', 'dueAt'] },
    { properties: ['scheduledAt', 'id'] },
    { properties: ['site', 'scheduledAt'] },
    // The steering report reads the occurrences due in a period, whatever their state.
    { properties: ['dueAt'] },
  ],
  properties: {
    id: p.integer().primary(),
    task: () => p.manyToOne(RecurringTask),
    /** The task's site, kept here so calendar queries filter without a join. */
    site: () => p.manyToOne(Site),
    scheduledAt: p.datetime(),
    availableAt: p.datetime(),
    dueAt: p.datetime(),
    state: p.enum(occurrenceStates),
    runId: p.integer().nullable().index(),
    startedAt: p.datetime().nullable(),
    doneAt: p.datetime().nullable(),
    latenessMinutes: p.integer().nullable(),
    cancelReason: p.text().nullable(),
    version: p.integer().default(1),
  },
});

export class TaskOccurrence extends TaskOccurrenceSchema.class {}
TaskOccurrenceSchema.setClass(TaskOccurrence);
