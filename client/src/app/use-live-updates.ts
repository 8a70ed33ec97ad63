import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { meQueryKey } from '../features/auth/api/get-me';
import { usersQueryKey } from '../features/users/api/get-users';
import { liveConnection, type AnyLiveEnvelope } from '../lib/live-socket';

/** The cached views each live event makes stale. Exhaustive: a new event type fails the type check. */
function staleQueries(envelope: AnyLiveEnvelope, myUserId: number): QueryKey[] {
  switch (envelope.type) {
    case 'user.created':
      return [usersQueryKey];
    case 'user.updated':
      // My own role or name may have changed: reload what I may see too.
      return envelope.payload.id === myUserId ? [usersQueryKey, meQueryKey] : [usersQueryKey];
  }
}

/** Keeps the live channel open while signed in, and turns its events into query invalidations. */
export function useLiveUpdates(myUserId: number | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (myUserId === null) return;
    liveConnection.start({
      onEvent: (envelope) => {
        for (const queryKey of staleQueries(envelope, myUserId)) {
          void queryClient.invalidateQueries({ queryKey });
        }
      },
      onResync: () => void queryClient.invalidateQueries(),
      onSessionLost: () => void queryClient.invalidateQueries({ queryKey: meQueryKey }),
    });
    return () => liveConnection.stop();
  }, [myUserId, queryClient]);
}
