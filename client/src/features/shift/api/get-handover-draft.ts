import { handoverSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { shiftKeys } from './shift-keys';

export function getHandoverDraft(siteId: number, signal?: AbortSignal) {
  return apiRequest('/api/handovers/draft', handoverSchema, { signal, query: { siteId } });
}

/** The draft generated now from the live state (open incidents, runs, tasks, the shift's entries). */
export function useHandoverDraft(siteId: number | null, options: { enabled: boolean }) {
  return useQuery({
    queryKey: shiftKeys.draft(siteId ?? 0),
    queryFn: ({ signal }) => getHandoverDraft(siteId!, signal),
    enabled: options.enabled && siteId !== null,
  });
}
