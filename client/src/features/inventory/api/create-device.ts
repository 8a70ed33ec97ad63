import { deviceSchema, type CreateDevice } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function createDevice(body: CreateDevice) {
  return apiRequest('/api/devices', deviceSchema, { method: 'POST', body });
}

export function useCreateDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDevice,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: inventoryKeys.devices });
      await queryClient.invalidateQueries({ queryKey: inventoryKeys.racks });
    },
  });
}
