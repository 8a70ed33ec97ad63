import { siteSchema, type UpdateSite } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sitesQueryKey } from './get-sites';

export function updateSite(id: number, body: UpdateSite) {
  return apiRequest(`/api/sites/${id}`, siteSchema, { method: 'PATCH', body });
}

export function useUpdateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateSite }) => updateSite(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sitesQueryKey }),
  });
}
