import { priorities, type Incident } from '@vigie/shared';
import { currentClock, urgencyKey } from '../../incidents/lib/sla-countdown';

/** Priority first (P0 on top), then the least time left on the clock that matters now. */
export function boardOrder(items: readonly Incident[], now: number): Incident[] {
  const keyed = items.map((incident) => ({
    incident,
    rank: priorities.indexOf(incident.priority),
    left: urgencyKey(currentClock(incident.slaClocks, now)),
  }));
  keyed.sort((a, b) => a.rank - b.rank || a.left - b.left || a.incident.id - b.incident.id);
  return keyed.map((entry) => entry.incident);
}
