import { recurringTaskSchema, type UpdateTask } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { taskKeys } from './task-keys';

export function updateTask(id: number, body: UpdateTask) {
  return apiRequest(`/api/tasks/${id}`, recurringTaskSchema, { method: 'PATCH', body });
}

export function useUpdateTask(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTask) => updateTask(id, body),
    onSuccess: (task) => queryClient.setQueryData(taskKeys.task(task.id), task),
    // A new rule re-plans the future occurrences.
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
