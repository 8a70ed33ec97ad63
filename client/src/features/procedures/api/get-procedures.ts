import { procedureListSchema, type ProcedureListQuery } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { procedureKeys } from './procedure-keys';

export function getProcedures(query: ProcedureListQuery, signal?: AbortSignal) {
  return apiRequest('/api/procedures', procedureListSchema, { signal, query: { ...query } });
}

export function useProcedures(query: ProcedureListQuery) {
  return useQuery({
    queryKey: [...procedureKeys.list, query],
    queryFn: ({ signal }) => getProcedures(query, signal),
    placeholderData: keepPreviousData,
    // The library changes only when an admin reloads it.
    staleTime: 5 * 60_000,
  });
}
