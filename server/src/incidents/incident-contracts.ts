import type { EntityManager } from '@mikro-orm/core';
import { priorities, priorityFor, type Priority } from '@vigie/shared';
import { Contract } from '../inventory/contract.entity.js';

/** The contracts in force on `now`'s date for the given tenants. */
export async function contractsInForce(
  em: EntityManager,
  tenantIds: readonly number[],
  now: Date,
): Promise<Contract[]> {
  if (tenantIds.length === 0) return [];
  const today = now.toISOString().slice(0, 10);
  return em.find(
    Contract,
    {
      tenant: { $in: [...tenantIds] },
      startsOn: { $lte: today },
      $or: [{ endsOn: null }, { endsOn: { $gte: today } }],
    },
    { filters: false, orderBy: { id: 'asc' }, flushMode: 'commit' },
  );
}

/**
 * The priority of an incident under the affected tenants' matrices: the most urgent of them (P0
 * when declared major), the default ITIL matrix when no contract applies.
 */
export function priorityUnder(
  contracts: readonly Contract[],
  impact: number,
  urgency: number,
  major: boolean,
): Priority {
  if (contracts.length === 0) return priorityFor(impact, urgency, null, major);
  const ranks = contracts.map((contract) =>
    priorities.indexOf(priorityFor(impact, urgency, contract.priorityMatrix ?? null, major)),
  );
  return priorities[Math.min(...ranks)]!;
}

/**
 * When several tenants are affected, the clocks follow the strictest contract for the priority:
 * the shortest resolve target, then the shortest acknowledge target, then round-the-clock service
 * before business hours, then the oldest contract. Null when no contract applies (default policy).
 */
export function strictestContract(contracts: readonly Contract[], priority: Priority): Contract | null {
  const sorted = [...contracts].sort((a, b) => {
    const ta = a.slaPolicy[priority];
    const tb = b.slaPolicy[priority];
    return (
      ta.resolveMinutes - tb.resolveMinutes ||
      ta.ackMinutes - tb.ackMinutes ||
      Number(a.serviceHours !== '24x7') - Number(b.serviceHours !== '24x7') ||
      a.id - b.id
    );
  });
  return sorted[0] ?? null;
}
