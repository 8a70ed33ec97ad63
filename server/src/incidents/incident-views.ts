import type { EntityManager } from '@mikro-orm/core';
import { isTenantScoped, type Incident as IncidentDto } from '@vigie/shared';
import type { Actor } from '../common/request-context.js';
import { Contract } from '../inventory/contract.entity.js';
import { IncidentSlaClock } from './incident-sla-clock.entity.js';
import { Incident } from './incident.entity.js';
import { redactIncidentFor, toIncidentDto } from './incident.mapper.js';

/** Relations the incident DTO shows. */
export const incidentViewPopulate = [
  'site',
  'room',
  'racks',
  'devices',
  'tenants',
  'assignee',
  'createdBy',
  'updatedBy',
] as const;

/**
 * Full DTOs of already-found incidents, in the given order. Loaded without tenant scoping (the
 * caller has decided the incident may be seen); `viewFor` then trims what a client viewer sees.
 */
export async function incidentDtos(
  em: EntityManager,
  incidents: readonly Incident[],
): Promise<IncidentDto[]> {
  if (incidents.length === 0) return [];
  await em.populate(incidents as Incident[], incidentViewPopulate, { filters: false, refresh: true });
  const ids = incidents.map((incident) => incident.id);
  const clocks = await em.find(IncidentSlaClock, { incident: { $in: ids } }, { filters: false });
  const contractIds = [
    ...new Set(incidents.map((incident) => incident.slaContractId).filter((id): id is number => id != null)),
  ];
  const contracts =
    contractIds.length > 0 ? await em.find(Contract, { id: { $in: contractIds } }, { filters: false }) : [];
  return incidents.map((incident) =>
    toIncidentDto(
      incident,
      clocks.filter((clock) => clock.incident.id === incident.id),
      contracts.find((contract) => contract.id === incident.slaContractId) ?? null,
    ),
  );
}

export async function incidentDto(em: EntityManager, incident: Incident): Promise<IncidentDto> {
  const [dto] = await incidentDtos(em, [incident]);
  return dto!;
}

/** The incident as `actor` may see it (client viewers: their tenant's part only). */
export function viewFor(actor: Actor | undefined, incident: IncidentDto): IncidentDto {
  return actor && isTenantScoped(actor.role) ? redactIncidentFor(incident, actor.tenantId ?? -1) : incident;
}
