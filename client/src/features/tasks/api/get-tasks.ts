import { pageSchema, recurringTaskSchema, type TaskListQuery } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { taskKeys } from './task-keys';

export type TasksQuery = Partial<Omit<TaskListQuery, 'active'>> & { active?: boolean };

export function getTasks(query: TasksQuery, signal?: AbortSignal) {
  return apiRequest('/api/tasks', pageSchema(recurringTaskSchema), { signal, query: { ...query } });
}

export function useTasks(query: TasksQuery) {
  return useQuery({
    queryKey: [...taskKeys.tasks, 'list', query],
    queryFn: ({ signal }) => getTasks(query, signal),
    placeholderData: keepPreviousData,
  });
}
