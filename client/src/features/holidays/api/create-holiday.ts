import { holidaySchema, type CreateHoliday } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { holidayKeys } from './holiday-keys';

export function createHoliday(body: CreateHoliday) {
  return apiRequest('/api/holidays', holidaySchema, { method: 'POST', body });
}

export function useCreateHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createHoliday,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: holidayKeys.all }),
  });
}
