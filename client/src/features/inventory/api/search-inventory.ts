import { inventorySearchResultSchema } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

/** Results per kind (sites, racks, devices): enough to pick from, short enough to browse by keyboard. */
export const searchResultsPerKind = 6;

export function searchInventory(q: string, signal?: AbortSignal) {
  return apiRequest('/api/inventory/search', inventorySearchResultSchema, {
    signal,
    query: { q, limit: searchResultsPerKind },
  });
}

/** Runs for a non-empty text; the previous answer stays on screen while the next one loads. */
export function useInventorySearch(q: string) {
  return useQuery({
    queryKey: [...inventoryKeys.all, 'search', q],
    queryFn: ({ signal }) => searchInventory(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}
