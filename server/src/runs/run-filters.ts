import type { FilterQuery } from '@mikro-orm/core';
import type { RunListQuery } from '@vigie/shared';
import { containsPattern } from '../common/keyset-page.js';
import type { Actor } from '../common/request-context.js';
import type { ProcedureRun } from './procedure-run.entity.js';

/** The `GET /api/runs` filters as one ORM condition. `mine`: assigned to me, or started by me and unassigned. */
export function runFilter(query: RunListQuery, actor: Actor): FilterQuery<ProcedureRun> {
  const conditions: FilterQuery<ProcedureRun>[] = [];
  if (query.state) conditions.push({ state: query.state });
  if (query.mine) conditions.push({ $or: [{ assignee: actor.id }, { assignee: null, startedBy: actor.id }] });
  if (query.assigneeId) conditions.push({ assignee: query.assigneeId });
  if (query.incidentId) conditions.push({ contextKind: 'incident', contextId: query.incidentId });
  if (query.occurrenceId) conditions.push({ contextKind: 'occurrence', contextId: query.occurrenceId });
  if (query.procedureId) conditions.push({ procedureId: query.procedureId });
  if (query.search) {
    const pattern = containsPattern(query.search);
    conditions.push({ $or: [{ procedureId: { $like: pattern } }, { contextLabel: { $like: pattern } }] });
  }
  return conditions.length === 0 ? {} : { $and: conditions };
}
