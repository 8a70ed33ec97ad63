import { pageSchema, reportItemSchema, type ReportScopeQuery } from '@vigie/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { DrillTarget } from '../lib/drill-target';
import { reportKeys } from './report-keys';

const itemPageSchema = pageSchema(reportItemSchema);
const pageSize = 50;

export function getReportItems(
  scope: ReportScopeQuery,
  target: DrillTarget,
  cursor?: string,
  signal?: AbortSignal,
) {
  return apiRequest('/api/reports/steering/items', itemPageSchema, {
    signal,
    query: {
      ...scope,
      figure: target.figure,
      priority: target.priority,
      metric: target.metric,
      userId: target.userId,
      previous: target.previous ? 'true' : undefined,
      limit: pageSize,
      cursor,
    },
  });
}

/** The records behind one figure, page after page ("load more"). */
export function useReportItems(scope: ReportScopeQuery, target: DrillTarget) {
  return useInfiniteQuery({
    queryKey: reportKeys.items(scope, target),
    queryFn: ({ signal, pageParam }) => getReportItems(scope, target, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
