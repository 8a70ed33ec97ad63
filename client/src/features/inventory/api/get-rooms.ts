import { maxPageSize, pageSchema, roomSchema, type RoomListQuery } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

export type RoomsQuery = Partial<RoomListQuery>;

export function getRooms(query: RoomsQuery, signal?: AbortSignal) {
  return apiRequest('/api/rooms', pageSchema(roomSchema), { signal, query: { ...query } });
}

export function useRooms(query: RoomsQuery) {
  return useQuery({
    queryKey: [...inventoryKeys.rooms, 'list', query],
    queryFn: ({ signal }) => getRooms(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every room the user may see (a site has a handful): for filters and names in other lists. */
export function useAllRooms() {
  return useRooms({ limit: maxPageSize });
}
