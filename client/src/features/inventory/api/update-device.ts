import { deviceSchema, type UpdateDevice } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function updateDevice(id: number, body: UpdateDevice) {
  return apiRequest(`/api/devices/${id}`, deviceSchema, { method: 'PATCH', body });
}

export function useUpdateDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateDevice }) => updateDevice(id, body),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: inventoryKeys.devices });
      await queryClient.invalidateQueries({ queryKey: inventoryKeys.racks });
    },
  });
}
