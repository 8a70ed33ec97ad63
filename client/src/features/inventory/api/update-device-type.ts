import { deviceTypeSchema, type UpdateDeviceType } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function updateDeviceType(id: number, body: UpdateDeviceType) {
  return apiRequest(`/api/device-types/${id}`, deviceTypeSchema, { method: 'PATCH', body });
}

export function useUpdateDeviceType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateDeviceType }) => updateDeviceType(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inventoryKeys.deviceTypes }),
  });
}
