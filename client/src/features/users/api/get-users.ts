import { pageSchema, userSchema } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const usersQueryKey = ['users'] as const;

export interface UsersQuery {
  limit: number;
  cursor?: string | undefined;
  search?: string | undefined;
}

export function getUsers(query: UsersQuery, signal?: AbortSignal) {
  return apiRequest('/api/users', pageSchema(userSchema), { signal, query: { ...query } });
}

export function useUsers(query: UsersQuery) {
  return useQuery({
    queryKey: [...usersQueryKey, 'list', query],
    queryFn: ({ signal }) => getUsers(query, signal),
    // Keep the current page on screen while the next one (or a new search) loads.
    placeholderData: keepPreviousData,
  });
}
