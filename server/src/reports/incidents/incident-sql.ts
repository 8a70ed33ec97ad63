import { priorities, type Priority } from '@vigie/shared';
import type { ReportWindow } from '../report-period.js';
import type { ReportScope } from '../report-query.js';

/**
 * What the incident figures share: prepared statements cached per connection, the scope filter on
 * `incident i`, the named parameters every statement may read, and rounding.
 */

export { prepared } from '../report-query.js';

/**
 * The scope as SQL on the incident aliased `i`: affected tenant and site. Only the conditions that
 * apply are written, so each scope shape gets its own plan (and its own cached statement).
 * `incidentId` names the incident by id instead (e.g. `t.incident_id`), so a query over timeline
 * entries needs no join to the (wide) incident rows when the scope has no site.
 */
export function inScope(scope: ReportScope, incidentId = 'i.id'): string {
  const conditions: string[] = [];
  if (scope.tenantId !== null)
    conditions.push(
      `exists (select 1 from incident_tenants it where it.incident_id = ${incidentId} and it.tenant_id = @tenantId)`,
    );
  if (scope.siteId !== null)
    conditions.push(
      incidentId === 'i.id'
        ? 'i.site_id = @siteId'
        : `(select si.site_id from incident si where si.id = ${incidentId}) = @siteId`,
    );
  return conditions.length > 0 ? conditions.join(' and ') : '1';
}

export interface SqlParams {
  tenantId: number | null;
  siteId: number | null;
  start: number;
  end: number;
  /** What still runs is counted up to here: the end of the window, or now if that is earlier. */
  until: number;
}

export function paramsOf(scope: ReportScope, window: ReportWindow): SqlParams {
  return {
    tenantId: scope.tenantId,
    siteId: scope.siteId,
    start: window.start,
    end: window.end,
    until: Math.min(window.end, Date.now()),
  };
}

/** Several windows (the weeks) as one JSON parameter, read in SQL with `json_each`. */
export function windowsParam(windows: readonly ReportWindow[]): string {
  return JSON.stringify(windows.map((window) => [window.start, window.end]));
}

/** `weeks(idx, ws, we)` from the `@windows` parameter. */
export const weeksCte = `weeks as (
  select cast(key as integer) as idx, json_extract(value, '$[0]') as ws, json_extract(value, '$[1]') as we
  from json_each(@windows)
)`;

/**
 * The restoration instant of an incident `i` with its restore clock `rc` (left-joined): the clock's
 * stop, else the mitigation, resolution or closing time, else still running (`@until`).
 */
export const restoredAtSql = 'coalesce(rc.stopped_at, i.mitigated_at, i.resolved_at, i.closed_at, @until)';

/**
 * Unplanned client impact, as availability counts it: a client's service down (urgency 1) for
 * several clients, a room or one client (impact 1–2), or a major incident; not cancelled. A
 * degraded service (urgency 2–3) is an incident, not downtime.
 */
export const clientImpactSql =
  "i.status <> 'cancelled' and ((i.impact <= 2 and i.urgency = 1) or i.priority = 'P0')";

/**
 * A transition into `status`. `details` is JSON text written by JSON.stringify, so the cheap
 * `instr` rules out most entries before the exact `json_extract`.
 */
export const transitionToSql = (status: string) =>
  `(t.kind = 'transition' and instr(t.details, '"to":"${status}"') > 0 and json_extract(t.details, '$.to') = '${status}')`;

export const msPerMinute = 60_000;

export { ratioOf, round, roundOrNull } from '../report-numbers.js';

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A record with every priority, each from `make`. */
export function byPriorityOf<T>(make: () => T): Record<Priority, T> {
  return Object.fromEntries(priorities.map((priority) => [priority, make()])) as Record<Priority, T>;
}
