import { deviceListItemSchema, pageSchema, type DeviceListQuery } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export type DevicesQuery = Partial<DeviceListQuery>;

export function getDevices(query: DevicesQuery, signal?: AbortSignal) {
  return apiRequest('/api/devices', pageSchema(deviceListItemSchema), { signal, query: { ...query } });
}

export function useDevices(query: DevicesQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...inventoryKeys.devices, 'list', query],
    queryFn: ({ signal }) => getDevices(query, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
