import { procedureProblemListSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { procedureKeys } from './procedure-keys';

export function getProcedureProblems(signal?: AbortSignal) {
  return apiRequest('/api/procedures/problems', procedureProblemListSchema, { signal });
}

/** The library's malformed files (admins only: the route answers 403 to other roles). */
export function useProcedureProblems(enabled: boolean) {
  return useQuery({
    queryKey: procedureKeys.problems,
    queryFn: ({ signal }) => getProcedureProblems(signal),
    enabled,
  });
}
