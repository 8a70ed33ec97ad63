import { prioritySchema } from '@vigie/shared';
import type { ClockEvent } from '../../incidents/sla/sla-engine.types.js';
import type { PlannedEntry } from './demo-incident-history-timeline.js';

/** What the SLA clocks read from a planned timeline: status moves and priority changes. */
export function clockEventsOf(entries: readonly PlannedEntry[]): ClockEvent[] {
  const events: ClockEvent[] = [];
  for (const entry of entries) {
    if (entry.kind === 'transition' && entry.details.from !== null)
      events.push({ at: entry.at, kind: 'status', status: entry.details.to });
    if (entry.kind === 'field_change') {
      const change = entry.details.changes.find((candidate) => candidate.field === 'priority');
      const priority = prioritySchema.safeParse(change?.to);
      if (priority.success) events.push({ at: entry.at, kind: 'priority', priority: priority.data });
    }
  }
  return events;
}
