import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequestNoContent } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export function signOut() {
  return apiRequestNoContent('/api/auth/logout', { method: 'POST', skipUnauthenticatedHandler: true });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Even if the call fails (session already gone), this device forgets the user.
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
