import type { FigureQuery } from '../report-query.js';

/**
 * The SQL the operations figures share: the scope (DESIGN.md §7 scope rules), the current step
 * records, and the step requirements read from the pinned versions' JSON content.
 */

export { prepared } from '../report-query.js';

/** The named parameters every operations statement reads. */
export interface ScopeParams {
  tenant: number | null;
  site: number | null;
  start: number;
  end: number;
}

export function scopeParams({ scope, window }: Pick<FigureQuery, 'scope' | 'window'>): ScopeParams {
  return { tenant: scope.tenantId, site: scope.siteId, start: window.start, end: window.end };
}

/**
 * `tenant_racks`: the racks of the tenant (its own, or holding one of its devices);
 * `scoped_tasks`: the recurring tasks in scope — a task covers the tenant when its rack, room or
 * site holds one of those racks (shared rounds and maintenance are shown to the client). Both are
 * materialized: the run scope reads them once per run otherwise.
 */
export const scopeCtes = `
tenant_racks(id, room_id, site_id) as materialized (
  select k.id, k.room_id, rm.site_id
  from rack k join room rm on rm.id = k.room_id
  where @tenant is not null
    and (k.tenant_id = @tenant or exists (select 1 from device d where d.rack_id = k.id and d.tenant_id = @tenant))
),
scoped_tasks(id, title, procedure_id) as materialized (
  select t.id, t.title, t.procedure_id
  from recurring_task t
  where (@site is null or t.site_id = @site)
    and (@tenant is null or exists (
      select 1 from tenant_racks k
      where case
        when t.rack_id is not null then k.id = t.rack_id
        when t.room_id is not null then k.room_id = t.room_id
        else k.site_id = t.site_id
      end))
)`;

/** A run is in scope through its context: its incident's or occurrence's scope; no context only in the overview. */
export const runInScope = (run: string) => `(case ${run}.context_kind
  when 'incident' then exists (
    select 1 from incident i
    where i.id = ${run}.context_id
      and (@site is null or i.site_id = @site)
      and (@tenant is null or exists (
        select 1 from incident_tenants it where it.incident_id = i.id and it.tenant_id = @tenant)))
  when 'occurrence' then exists (
    select 1 from task_occurrence o join scoped_tasks st on st.id = o.task_id where o.id = ${run}.context_id)
  else @site is null and @tenant is null
end)`;

/** Is the pinned version a MOP (planned change)? */
export const isMop = (version: string) => `json_extract(${version}.content, '$.kind') = 'MOP'`;

/**
 * A record no correction supersedes (a correction is a new record naming the one it replaces). The
 * superseded ids are few and read once through the (supersedes) index.
 */
export const isCurrentRecord = (record: string) =>
  `${record}.id not in (select supersedes from step_record where supersedes is not null)`;

/**
 * `step_specs(hash, step_id, needs_reading, needs_evidence, critical, rollback)`: every step of the
 * pinned versions — plain steps, steps of phases, and rollback steps — as the JSON content of the
 * version states them. A version is stored when a run first pins it, so every row is a version some
 * run references; they are few (tens), so reading them all once beats finding the ones in the window.
 */
export const stepSpecsCte = `
versions(hash, content) as (select hash, content from procedure_version),
step_specs(hash, step_id, needs_reading, needs_evidence, critical, rollback) as materialized (
  select v.hash, cast(s.value ->> '$.id' as text), s.value -> '$.reading' is not null,
    coalesce(s.value ->> '$.evidence', 0), coalesce(s.value ->> '$.critical', 0), 0
  from versions v, json_each(v.content, '$.steps') s
  union all
  select v.hash, cast(s.value ->> '$.id' as text), s.value -> '$.reading' is not null,
    coalesce(s.value ->> '$.evidence', 0), coalesce(s.value ->> '$.critical', 0), 0
  from versions v, json_each(v.content, '$.phases') ph, json_each(ph.value, '$.steps') s
  union all
  select v.hash, cast(s.value ->> '$.id' as text), s.value -> '$.reading' is not null,
    coalesce(s.value ->> '$.evidence', 0), coalesce(s.value ->> '$.critical', 0), 1
  from versions v, json_each(v.content, '$.rollback') s
)`;

/** Integer counts from SQLite sums (null over no rows). */
export const countOf = (value: number | null | undefined): number => Number(value ?? 0);

export const isoOf = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : isoOf(ms));
