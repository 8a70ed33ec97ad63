import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { workerControlsPageEvent } from './register-service-worker';

/**
 * What the page shows was fetched before the service worker controlled it, so the worker has not
 * kept it: on its first visit a technician going offline could not reload. Fetch it again through
 * the worker as soon as it takes over.
 */
export function useRefetchThroughWorker(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries();
    window.addEventListener(workerControlsPageEvent, refetch);
    return () => window.removeEventListener(workerControlsPageEvent, refetch);
  }, [queryClient]);
}
