import { steeringReportSchema, type ReportScopeQuery } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { reportKeys } from './report-keys';

export function getSteeringReport(scope: ReportScopeQuery, signal?: AbortSignal) {
  return apiRequest('/api/reports/steering', steeringReportSchema, { signal, query: { ...scope } });
}

/** The report for a scope and period; null scope (not chosen yet, or invalid dates) asks nothing. */
export function useSteeringReport(scope: ReportScopeQuery | null) {
  return useQuery({
    queryKey: reportKeys.steering(scope ?? { from: '', to: '' }),
    queryFn: ({ signal }) => getSteeringReport(scope!, signal),
    enabled: scope !== null,
    // A report describes a closed period (mostly): no need to ask again while the page stays open.
    staleTime: 5 * 60_000,
  });
}
