import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { Rack } from '../inventory/rack.entity.js';
import { Room } from '../inventory/room.entity.js';
import { Site } from '../inventory/site.entity.js';

/**
 * A recurring task (DESIGN.md §3): a procedure run on an RRULE read in the site's zone.
 * `plannedUntil` is how far ahead its occurrences have been materialised.
 */
const RecurringTaskSchema = defineEntity({
  name: 'RecurringTask',
  indexes: [{ properties: ['active', 'plannedUntil'] }],
  properties: {
    id: p.integer().primary(),
    title: p.string().length(200),
    procedureId: p.string().length(80),
    site: () => p.manyToOne(Site).index(),
    room: () => p.manyToOne(Room).nullable(),
    rack: () => p.manyToOne(Rack).nullable(),
    /** Canonical RRULE text of the supported subset. */
    rrule: p.string().length(500),
    /** Local `YYYY-MM-DD` the rule counts from. */
    startDate: p.string().length(10),
    leadMinutes: p.integer(),
    graceMinutes: p.integer(),
    team: p.string().length(60).nullable(),
    assignee: () => p.manyToOne(User).nullable(),
    active: p.boolean(),
    plannedUntil: p.datetime().nullable(),
    version: p.integer().default(1),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export class RecurringTask extends RecurringTaskSchema.class {}
RecurringTaskSchema.setClass(RecurringTask);
