import type { Locale, RunExportQuery } from '@vigie/shared';

/** The address of a run's full record as a file (the server answers it as an attachment). */
export function runExportHref(runId: number, format: RunExportQuery['format'], lang: Locale): string {
  return `/api/runs/${runId}/export?${new URLSearchParams({ format, lang }).toString()}`;
}
