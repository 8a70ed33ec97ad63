import { rackSchema } from '@vigie/shared';
import { useQueries, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function getRack(id: number, signal?: AbortSignal) {
  return apiRequest(`/api/racks/${id}`, rackSchema, { signal });
}

function rackQuery(id: number) {
  return {
    queryKey: [...inventoryKeys.racks, 'detail', id],
    queryFn: ({ signal }: { signal: AbortSignal }) => getRack(id, signal),
  };
}

export function useRack(id: number | undefined) {
  return useQuery({ ...rackQuery(id ?? 0), enabled: id !== undefined });
}

/** The racks a page of devices stands in (a handful), by id, each cached on its own. */
export function useRacksById(ids: readonly number[]) {
  return useQueries({
    queries: ids.map((id) => rackQuery(id)),
    combine: (results) => {
      const byId = new Map<number, NonNullable<(typeof results)[number]['data']>>();
      for (const result of results) if (result.data) byId.set(result.data.id, result.data);
      return byId;
    },
  });
}
