import { roomSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function getRoom(id: number, signal?: AbortSignal) {
  return apiRequest(`/api/rooms/${id}`, roomSchema, { signal });
}

export function useRoom(id: number, enabled = true) {
  return useQuery({
    queryKey: [...inventoryKeys.rooms, 'detail', id],
    enabled,
    queryFn: ({ signal }) => getRoom(id, signal),
  });
}
