import { deviceTypeSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function getDeviceType(id: number, signal?: AbortSignal) {
  return apiRequest(`/api/device-types/${id}`, deviceTypeSchema, { signal });
}

export function useDeviceType(id: number | undefined) {
  return useQuery({
    queryKey: [...inventoryKeys.deviceTypes, 'detail', id],
    queryFn: ({ signal }) => getDeviceType(id ?? 0, signal),
    enabled: id !== undefined,
    staleTime: 5 * 60_000,
  });
}
