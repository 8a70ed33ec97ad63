import { defineEntity, p } from '@mikro-orm/core';
import { timelineEntryKinds, type TimelineEntry } from '@vigie/shared';
import { User } from '../auth/user.entity.js';
import { Incident } from './incident.entity.js';

/** One line of an incident's history, append-only. `details` holds the kind's shape (see the shared schema). */
const IncidentTimelineEntrySchema = defineEntity({
  name: 'IncidentTimelineEntry',
  // The steering report: resolutions, reopenings and escalations in a period; one incident's status changes.
  indexes: [{ properties: ['kind', 'at'] }, { properties: ['incident', 'kind', 'at'] }],
  properties: {
    id: p.integer().primary(),
    incident: () => p.manyToOne(Incident).index(),
    at: p.datetime(),
    /** Null for the system (SLA watcher). */
    author: () => p.manyToOne(User).nullable(),
    kind: p.enum(timelineEntryKinds),
    details: p.json<TimelineEntry['details']>(),
    /** Notes only: client viewers of the affected tenants see the note (other notes are internal). */
    clientVisible: p.boolean().default(false),
  },
});

export class IncidentTimelineEntry extends IncidentTimelineEntrySchema.class {}
IncidentTimelineEntrySchema.setClass(IncidentTimelineEntry);
