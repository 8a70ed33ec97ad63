import { rackSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
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
