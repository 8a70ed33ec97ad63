import { rackSchema, type CreateRack } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function createRack(body: CreateRack) {
  return apiRequest('/api/racks', rackSchema, { method: 'POST', body });
}

export function useCreateRack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRack,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKeys.racks }),
  });
}
