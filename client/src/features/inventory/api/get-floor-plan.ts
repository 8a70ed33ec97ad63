import { floorPlanSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export function getFloorPlan(roomId: number, signal?: AbortSignal) {
  return apiRequest(`/api/rooms/${roomId}/floor-plan`, floorPlanSchema, { signal });
}

export function useFloorPlan(roomId: number, enabled = true) {
  return useQuery({
    // Under the racks key: the plan changes with its racks and their devices (and open incidents).
    queryKey: [...inventoryKeys.floorPlans, roomId],
    enabled,
    queryFn: ({ signal }) => getFloorPlan(roomId, signal),
  });
}
