import { deviceSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function getDevice(id: number, signal?: AbortSignal) {
  return apiRequest(`/api/devices/${id}`, deviceSchema, { signal });
}

export function useDevice(id: number, enabled = true) {
  return useQuery({
    queryKey: [...inventoryKeys.devices, 'detail', id],
    queryFn: ({ signal }) => getDevice(id, signal),
    enabled,
  });
}
