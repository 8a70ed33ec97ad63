import { rackCapacitySchema, roomCapacitySchema, siteCapacitySchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

// Under the racks key: capacity changes with racks and their devices, which make that key stale.
const capacityKey = [...inventoryKeys.racks, 'capacity'] as const;

export function useRackCapacity(rackId: number, enabled = true) {
  return useQuery({
    queryKey: [...capacityKey, 'rack', rackId],
    enabled,
    queryFn: ({ signal }) => apiRequest(`/api/racks/${rackId}/capacity`, rackCapacitySchema, { signal }),
  });
}

export function useRoomCapacity(roomId: number, enabled = true) {
  return useQuery({
    queryKey: [...capacityKey, 'room', roomId],
    enabled,
    queryFn: ({ signal }) => apiRequest(`/api/rooms/${roomId}/capacity`, roomCapacitySchema, { signal }),
  });
}

export function useSiteCapacity(siteId: number, enabled = true) {
  return useQuery({
    queryKey: [...capacityKey, 'site', siteId],
    enabled,
    queryFn: ({ signal }) => apiRequest(`/api/sites/${siteId}/capacity`, siteCapacitySchema, { signal }),
  });
}
