import { pageSchema, rackSchema, type RackListQuery } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export type RacksQuery = Partial<RackListQuery>;

export function getRacks(query: RacksQuery, signal?: AbortSignal) {
  return apiRequest('/api/racks', pageSchema(rackSchema), { signal, query: { ...query } });
}

export function useRacks(query: RacksQuery) {
  return useQuery({
    queryKey: [...inventoryKeys.racks, 'list', query],
    queryFn: ({ signal }) => getRacks(query, signal),
    placeholderData: keepPreviousData,
  });
}
