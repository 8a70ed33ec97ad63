import type { SlaClock } from '@vigie/shared';
import type { ComputedSlaClock } from './sla-engine.types.js';

const isoOrNull = (date: Date | null) => (date === null ? null : date.toISOString());

/** The shared wire shape of a computed clock: the same fields, times as ISO-8601 UTC. */
export function toSlaClock(clock: ComputedSlaClock): SlaClock {
  return {
    metric: clock.metric,
    state: clock.state,
    targetMinutes: clock.targetMinutes,
    dueAt: isoOrNull(clock.dueAt),
    warnAt: isoOrNull(clock.warnAt),
    elapsedMinutes: clock.elapsedMinutes,
    pausedMinutes: clock.pausedMinutes,
    stoppedAt: isoOrNull(clock.stoppedAt),
    breachedAt: isoOrNull(clock.breachedAt),
  };
}

/**
 * The next instant at which a clock crosses its warning or its due time, if nothing changes:
 * when an SLA watcher should look at the incident again. Null when no running clock has one ahead.
 */
export function nextSlaThresholdAt(clocks: readonly ComputedSlaClock[], now: Date): Date | null {
  let next: Date | null = null;
  for (const clock of clocks) {
    if (clock.state !== 'running') continue;
    for (const threshold of [clock.warnAt, clock.dueAt]) {
      if (threshold && threshold > now && (next === null || threshold < next)) next = threshold;
    }
  }
  return next;
}
