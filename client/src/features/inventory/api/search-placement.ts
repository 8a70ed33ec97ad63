import { placementResultSchema, type PlacementQueryInput } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

/** The placement query as the form sends it: the shared query's fields, as query-string text. */
export type PlacementSearch = { [K in keyof PlacementQueryInput]?: string };

export function searchPlacement(query: PlacementSearch, signal?: AbortSignal) {
  return apiRequest('/api/placement', placementResultSchema, { signal, query: { ...query } });
}

/** Runs once the form has a valid query (null until then). */
export function usePlacement(query: PlacementSearch | null) {
  return useQuery({
    queryKey: [...inventoryKeys.racks, 'placement', query],
    queryFn: ({ signal }) => searchPlacement(query ?? {}, signal),
    enabled: query !== null,
  });
}
