import { rackSchema, type UpdateRack } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function updateRack(id: number, body: UpdateRack) {
  return apiRequest(`/api/racks/${id}`, rackSchema, { method: 'PATCH', body });
}

export function useUpdateRack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateRack }) => updateRack(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inventoryKeys.racks }),
  });
}
