import { roomSchema, type UpdateRoom } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function updateRoom(id: number, body: UpdateRoom) {
  return apiRequest(`/api/rooms/${id}`, roomSchema, { method: 'PATCH', body });
}

export function useUpdateRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateRoom }) => updateRoom(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inventoryKeys.rooms }),
  });
}
