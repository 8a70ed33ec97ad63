import { deviceTypeSchema, maxPageSize, pageSchema, type DeviceTypeListQuery } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function getDeviceTypes(signal?: AbortSignal) {
  return apiRequest('/api/device-types', pageSchema(deviceTypeSchema), {
    signal,
    query: { limit: maxPageSize },
  });
}

/** The device-type catalogue (the first 200 types): for the type filter and names in lists. */
export function useDeviceTypes() {
  return useQuery({
    queryKey: [...inventoryKeys.deviceTypes, 'catalogue'],
    queryFn: ({ signal }) => getDeviceTypes(signal),
    staleTime: 5 * 60_000,
  });
}

export type DeviceTypesQuery = Partial<DeviceTypeListQuery>;

/** A page of the device-type catalogue (the Types section). */
export function useDeviceTypeList(query: DeviceTypesQuery) {
  return useQuery({
    queryKey: [...inventoryKeys.deviceTypes, 'list', query],
    queryFn: ({ signal }) =>
      apiRequest('/api/device-types', pageSchema(deviceTypeSchema), { signal, query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}
