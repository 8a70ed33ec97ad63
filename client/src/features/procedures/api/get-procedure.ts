import { procedureDetailSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { procedureKeys } from './procedure-keys';

export function getProcedure(id: string, signal?: AbortSignal) {
  return apiRequest(`/api/procedures/${encodeURIComponent(id)}`, procedureDetailSchema, { signal });
}

export function useProcedure(id: string | undefined) {
  return useQuery({
    queryKey: [...procedureKeys.detail, id],
    queryFn: ({ signal }) => getProcedure(id ?? '', signal),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}
