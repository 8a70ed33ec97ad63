import { rackElevationSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function getRackElevation(rackId: number, signal?: AbortSignal) {
  return apiRequest(`/api/racks/${rackId}/elevation`, rackElevationSchema, { signal });
}

export function useRackElevation(rackId: number, enabled = true) {
  return useQuery({
    // Under the racks key: a rack or device live event makes it stale.
    queryKey: [...inventoryKeys.racks, 'elevation', rackId],
    queryFn: ({ signal }) => getRackElevation(rackId, signal),
    enabled,
  });
}
