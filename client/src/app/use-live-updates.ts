import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { meQueryKey } from '../features/auth/api/get-me';
import { holidayKeys } from '../features/holidays/api/holiday-keys';
import { incidentKeys } from '../features/incidents/api/incident-keys';
import { inventoryKeys } from '../features/inventory/api/inventory-keys';
import { runKeys } from '../features/runs/api/run-keys';
import { shiftKeys } from '../features/shift/api/shift-keys';
import { taskKeys } from '../features/tasks/api/task-keys';
import { sitesQueryKey } from '../features/sites/api/get-sites';
import { tenantsQueryKey } from '../features/tenants/api/get-tenants';
import { usersQueryKey } from '../features/users/api/get-users';
import { liveConnection, type AnyLiveEnvelope } from '../lib/live-socket';

/**
 * The cached views each live event makes stale. Exhaustive: a new event type fails the type check.
 * Elevations, floor plans and placement results live under the racks key: they change with any
 * rack, device or device type.
 */
function staleQueries(envelope: AnyLiveEnvelope, myUserId: number): QueryKey[] {
  switch (envelope.type) {
    case 'user.created':
      return [usersQueryKey];
    case 'user.updated':
      // My own role or name may have changed: reload what I may see too.
      return envelope.payload.id === myUserId ? [usersQueryKey, meQueryKey] : [usersQueryKey];
    case 'site.created':
    case 'site.updated':
    case 'site.deleted':
      return [sitesQueryKey];
    case 'room.created':
    case 'room.updated':
    case 'room.deleted':
      return [inventoryKeys.rooms, inventoryKeys.racks];
    case 'rack.created':
    case 'rack.updated':
    case 'rack.deleted':
      return [inventoryKeys.racks];
    case 'device.created':
    case 'device.updated':
    case 'device.deleted':
      return [inventoryKeys.devices, inventoryKeys.racks];
    case 'device-type.created':
    case 'device-type.updated':
    case 'device-type.imported':
    case 'device-type.deleted':
      return [inventoryKeys.deviceTypes, inventoryKeys.racks];
    case 'tenant.created':
    case 'tenant.updated':
    case 'tenant.deleted':
      return [tenantsQueryKey, inventoryKeys.racks];
    case 'contract.created':
    case 'contract.updated':
      // No contract view in the client yet.
      return [];
    case 'inventory.imported':
      return [inventoryKeys.all];
    // Floor plans count open incidents: any incident change may move a rack's count.
    case 'incident.created':
      return [incidentKeys.lists, inventoryKeys.floorPlans];
    case 'incident.updated':
      return [
        incidentKeys.lists,
        incidentKeys.detail(envelope.payload.id),
        incidentKeys.timeline(envelope.payload.id),
        inventoryKeys.floorPlans,
      ];
    case 'incident.note-added':
      return [incidentKeys.timeline(envelope.payload.incidentId)];
    case 'incident.removed':
      return [incidentKeys.lists, incidentKeys.detail(envelope.payload.id), inventoryKeys.floorPlans];
    case 'run.started':
      return [runKeys.lists];
    case 'run.updated':
      return [runKeys.lists, runKeys.detail(envelope.payload.id)];
    case 'step.recorded':
    case 'step.verified':
      return [runKeys.lists, runKeys.detail(envelope.payload.run.id)];
    case 'holiday.created':
    case 'holiday.deleted':
      return [holidayKeys.all];
    case 'shift-log.entry-added':
      return [shiftKeys.log, shiftKeys.drafts];
    case 'handover.submitted':
    case 'handover.acknowledged':
      return [shiftKeys.handovers];
    case 'task.created':
    case 'task.updated':
      return [taskKeys.all];
    case 'occurrence.created':
    case 'occurrence.updated':
    case 'occurrence.overdue':
      return [taskKeys.occurrences];
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
