import type { FilterQuery } from '@mikro-orm/core';
import { openIncidentStatuses, type IncidentListQuery, type IncidentStatus } from '@vigie/shared';
import { containsPattern, type SortOrder } from '../common/keyset-page.js';
import type { Actor } from '../common/request-context.js';
import { incidentIdFromReference } from './incident-reference.js';
import type { Incident } from './incident.entity.js';

// The list filters of incidents. Tenant scoping is not here: the ORM filter applies it.

export function incidentFilter(query: IncidentListQuery, actor: Actor): FilterQuery<Incident> {
  const conditions: FilterQuery<Incident>[] = [];
  if (query.search) {
    const text = { $like: containsPattern(query.search) };
    const id = incidentIdFromReference(query.search);
    conditions.push({ $or: [{ title: text }, { description: text }, ...(id ? [{ id }] : [])] });
  }
  if (query.status?.length) conditions.push({ status: { $in: query.status } });
  if (query.open !== undefined) {
    const open = [...openIncidentStatuses] as IncidentStatus[];
    conditions.push({ status: query.open ? { $in: open } : { $nin: open } });
  }
  if (query.siteId) conditions.push({ site: query.siteId });
  if (query.roomId) conditions.push({ room: query.roomId });
  if (query.tenantId) conditions.push({ tenants: query.tenantId });
  if (query.priority?.length) conditions.push({ priority: { $in: query.priority } });
  if (query.assigneeId) conditions.push({ assignee: query.assigneeId });
  if (query.mine) conditions.push({ assignee: actor.id });
  return conditions.length === 0 ? {} : { $and: conditions };
}

/** Board order by default (priority, then the nearest running due time); newest first on request. */
export function incidentSortOf(query: IncidentListQuery): SortOrder {
  return query.sort === 'newest'
    ? { field: 'id', direction: 'desc' }
    : { field: 'boardRank', direction: 'asc' };
}
