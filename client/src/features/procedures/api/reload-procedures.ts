import { procedureLibraryStatusSchema } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { procedureKeys } from './procedure-keys';

export function reloadProcedures() {
  return apiRequest('/api/procedures/reload', procedureLibraryStatusSchema, { method: 'POST' });
}

/** Re-reads the library files on the server (no restart), then refetches everything shown from it. */
export function useReloadProcedures() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reloadProcedures,
    onSettled: () => queryClient.invalidateQueries({ queryKey: procedureKeys.all }),
  });
}
