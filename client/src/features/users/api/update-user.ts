import { userSchema, type UpdateUser } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { usersQueryKey } from './get-users';

export function updateUser(id: number, body: UpdateUser) {
  return apiRequest(`/api/users/${id}`, userSchema, { method: 'PATCH', body });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUser }) => updateUser(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
