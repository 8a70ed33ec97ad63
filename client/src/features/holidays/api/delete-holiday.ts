import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequestNoContent } from '../../../lib/api-client';
import { holidayKeys } from './holiday-keys';

export function deleteHoliday(id: number) {
  return apiRequestNoContent(`/api/holidays/${id}`, { method: 'DELETE' });
}

export function useDeleteHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteHoliday,
    onSettled: () => queryClient.invalidateQueries({ queryKey: holidayKeys.all }),
  });
}
