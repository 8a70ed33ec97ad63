import { holidaySchema, pageSchema, type AddDefaultHolidays } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { holidayKeys } from './holiday-keys';

/** Stores the year's statutory holidays the country does not have yet; answers those added. */
export function addDefaultHolidays(body: AddDefaultHolidays) {
  return apiRequest('/api/holidays/defaults', pageSchema(holidaySchema), { method: 'POST', body });
}

export function useAddDefaultHolidays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addDefaultHolidays,
    onSettled: () => queryClient.invalidateQueries({ queryKey: holidayKeys.all }),
  });
}
