import { incidentSchema, type Incident } from '@vigie/shared';
import type { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-client';
import { incidentKeys } from './incident-keys';

/** After a write: the answer is the incident as it now stands; lists and history refetch. */
export function storeIncident(queryClient: QueryClient, incident: Incident): void {
  queryClient.setQueryData(incidentKeys.detail(incident.id), incident);
  void queryClient.invalidateQueries({ queryKey: incidentKeys.lists });
  void queryClient.invalidateQueries({ queryKey: incidentKeys.timeline(incident.id) });
}

/**
 * The incident someone else changed meanwhile, from a 409 answer (`error.current`), stored so every
 * view shows it; null for any other error.
 */
export function conflictingIncident(queryClient: QueryClient, error: unknown): Incident | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const current = incidentSchema.safeParse(error.current);
  if (!current.success) return null;
  storeIncident(queryClient, current.data);
  return current.data;
}
