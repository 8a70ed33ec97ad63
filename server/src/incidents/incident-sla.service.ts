import type { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Priority } from '@vigie/shared';
import type { Contract } from '../inventory/contract.entity.js';
import { boardRankOf } from './incident-board-rank.js';
import { contractsInForce, strictestContract } from './incident-contracts.js';
import { defaultIncidentSlaPolicy } from './incident-default-sla-policy.js';
import { IncidentSlaClock } from './incident-sla-clock.entity.js';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity.js';
import type { Incident } from './incident.entity.js';
import { createServiceCalendar } from './sla/service-calendar.js';
import { computeSlaClocks } from './sla/sla-clocks.js';
import { nextDueOf, slaHolidayDates } from './sla/sla-horizon.js';
import type { ClockEvent, ComputedSlaClock } from './sla/sla-engine.types.js';

/**
 * Recomputes an incident's SLA clocks from its timeline and persists them, inside the caller's
 * transaction. The policy and service calendar come from the strictest contract in force among
 * the affected tenants (see `strictestContract`), or the internal default policy (24x7).
 */
@Injectable()
export class IncidentSlaService {
  /**
   * `incident` must have its site and tenants loaded; `pending` are its timeline entries not yet
   * flushed (this runs before the one flush of a change, so the version moves by one).
   */
  async recompute(
    em: EntityManager,
    incident: Incident,
    now: Date,
    pending: readonly IncidentTimelineEntry[] = [],
  ): Promise<IncidentSlaClock[]> {
    const tenantIds = incident.tenants.getItems().map((tenant) => tenant.id);
    const contract = strictestContract(await contractsInForce(em, tenantIds, now), incident.priority);
    const timeZone = incident.site?.timeZone ?? 'UTC';
    const calendar = createServiceCalendar({
      timeZone,
      serviceHours: contract?.serviceHours ?? '24x7',
      businessHours: contract?.businessHours ?? null,
      holidays: contract?.serviceHours === 'business_hours' ? await holidaysOf(em, incident, now) : [],
    });
    const { initialPriority, events } = await clockEventsOf(em, incident, pending);
    const computed = computeSlaClocks({
      openedAt: incident.openedAt,
      initialPriority,
      events,
      policy: contract?.slaPolicy ?? defaultIncidentSlaPolicy,
      calendar,
      now,
    });
    const clocks = await this.persist(em, incident, computed, now);
    incident.slaContractId = contractIdOf(contract);
    incident.nextDueAt = nextDueOf(clocks);
    incident.boardRank = boardRankOf(incident.priority, incident.nextDueAt);
    return clocks;
  }

  private async persist(
    em: EntityManager,
    incident: Incident,
    computed: readonly ComputedSlaClock[],
    now: Date,
  ): Promise<IncidentSlaClock[]> {
    const existing = incident.id
      ? await em.find(IncidentSlaClock, { incident: incident.id }, { filters: false, flushMode: 'commit' })
      : [];
    return computed.map((clock) => {
      const row =
        existing.find((candidate) => candidate.metric === clock.metric) ??
        em.create(IncidentSlaClock, { incident, metric: clock.metric, ...emptyClock });
      const kept = keepPastBreach(row, clock, now);
      row.state = kept.state;
      row.targetMinutes = kept.targetMinutes;
      row.dueAt = kept.dueAt;
      row.warnAt = kept.warnAt;
      row.elapsedMinutes = kept.elapsedMinutes;
      row.pausedMinutes = kept.pausedMinutes;
      row.stoppedAt = kept.stoppedAt;
      row.breachedAt = kept.breachedAt;
      return row;
    });
  }
}

/** Public holidays of the site's country (none without a site: no country to look up). */
function holidaysOf(em: EntityManager, incident: Incident, now: Date): Promise<string[]> {
  return incident.site
    ? slaHolidayDates(em, incident.site.countryCode, incident.openedAt, now)
    : Promise.resolve([]);
}

const emptyClock = {
  state: 'running' as const,
  targetMinutes: 1,
  elapsedMinutes: 0,
  pausedMinutes: 0,
};

function contractIdOf(contract: Contract | null): number | null {
  return contract?.id ?? null;
}

/**
 * A breach already in the past is never rewritten, even if a new contract or priority would now
 * compute another one (DESIGN §3): the clock stays breached at the recorded instant.
 */
function keepPastBreach(row: IncidentSlaClock, clock: ComputedSlaClock, now: Date): ComputedSlaClock {
  const recorded = row.breachedAt;
  if (!recorded || recorded.getTime() > now.getTime()) return clock;
  if (clock.breachedAt && clock.breachedAt.getTime() === recorded.getTime()) return clock;
  return { ...clock, state: 'breached', breachedAt: recorded, dueAt: recorded };
}

/** The status and priority history of an incident, as the clocks need it, read from its timeline. */
async function clockEventsOf(
  em: EntityManager,
  incident: Incident,
  pending: readonly IncidentTimelineEntry[],
): Promise<{ initialPriority: Priority; events: ClockEvent[] }> {
  const stored = incident.id
    ? await em.find(
        IncidentTimelineEntry,
        { incident: incident.id, kind: { $in: ['transition', 'field_change'] } },
        { orderBy: { id: 'asc' }, filters: false, flushMode: 'commit' },
      )
    : [];
  const entries = [...stored, ...pending.filter((entry) => !stored.includes(entry))];
  const events: ClockEvent[] = [];
  let initialPriority: Priority | undefined;
  for (const entry of entries) {
    const details = entry.details;
    if (entry.kind === 'transition' && 'to' in details && details.from !== null) {
      events.push({ at: entry.at, kind: 'status', status: details.to });
    } else if (entry.kind === 'field_change' && 'changes' in details) {
      const change = details.changes.find((candidate) => candidate.field === 'priority');
      if (change) {
        initialPriority ??= change.from as Priority;
        events.push({ at: entry.at, kind: 'priority', priority: change.to as Priority });
      }
    }
  }
  return { initialPriority: initialPriority ?? incident.priority, events };
}
