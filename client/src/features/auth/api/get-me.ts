import { meSchema, type Me } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../../../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no valid session (401 is an answer here, not an error). */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiRequest('/api/auth/me', meSchema, { signal, skipUnauthenticatedHandler: true });
  } catch (error) {
    if (isApiError(error, 'unauthenticated') || (isApiError(error) && error.status === 401)) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
    // Offline the service worker answers with the last known user, so a reload still opens the app.
    networkMode: 'offlineFirst',
  });
}
