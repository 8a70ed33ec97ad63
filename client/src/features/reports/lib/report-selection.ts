import type { Locale, ReportScopeQuery, SteeringTable } from '@vigie/shared';
import { readIdParam } from '../../inventory/lib/list-filters';
import type { LocalPeriod } from './report-period';

/*
 * What the report is about, as the page's query string carries it (shareable, reload-safe):
 * `tenant` (an id, or `overview` for every tenant), `site` (optional), `from` and `to` (local dates).
 */

export const overviewParam = 'overview';

export type ReportSubject = number | typeof overviewParam;

export interface ReportSelection {
  subject: ReportSubject;
  site: number | null;
  from: string;
  to: string;
}

export interface SelectionDefaults {
  /** Null while the default is not known yet (the tenants are loading). */
  subject: ReportSubject | null;
  period: LocalPeriod;
}

/** The selection in the URL, with what it leaves out taken from the defaults. */
export function readSelection(
  params: URLSearchParams,
  defaults: SelectionDefaults,
): Omit<ReportSelection, 'subject'> & { subject: ReportSubject | null } {
  const subject = params.get('tenant') === overviewParam ? overviewParam : readIdParam(params, 'tenant');
  return {
    subject: subject ?? defaults.subject,
    site: readIdParam(params, 'site') ?? null,
    from: params.get('from') ?? defaults.period.from,
    to: params.get('to') ?? defaults.period.to,
  };
}

/** The query string for a selection: every part written out, so the link means the same to anyone. */
export function selectionParams(selection: ReportSelection): URLSearchParams {
  const params = new URLSearchParams({ tenant: String(selection.subject) });
  if (selection.site !== null) params.set('site', String(selection.site));
  params.set('from', selection.from);
  params.set('to', selection.to);
  return params;
}

/** The API's scope parameters: no tenant means the overview. */
export function scopeQueryOf(selection: ReportSelection): ReportScopeQuery {
  return {
    ...(selection.subject === overviewParam ? {} : { tenant: selection.subject }),
    ...(selection.site === null ? {} : { site: selection.site }),
    from: selection.from,
    to: selection.to,
  };
}

function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

/** The PDF pack (`format=pdf`) or one CSV table (`format=csv&table=…`), worded in `lang`. */
export function steeringExportUrl(scope: ReportScopeQuery, lang: Locale, table?: SteeringTable): string {
  const format = table ? { format: 'csv', table } : { format: 'pdf' };
  return `/api/reports/steering?${queryString({ ...scope, ...format, lang })}`;
}
