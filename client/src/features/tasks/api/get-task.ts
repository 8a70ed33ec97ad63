import { recurringTaskSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { taskKeys } from './task-keys';

export function getTask(id: number, signal?: AbortSignal) {
  return apiRequest(`/api/tasks/${id}`, recurringTaskSchema, { signal });
}

export function useTask(id: number) {
  return useQuery({ queryKey: taskKeys.task(id), queryFn: ({ signal }) => getTask(id, signal) });
}
