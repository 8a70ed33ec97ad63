import { idempotencyKeyHeader, recurringTaskSchema, type CreateTask } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { newIdempotencyKey } from '../../runs/lib/idempotency-key';
import { taskKeys } from './task-keys';

export function createTask(body: CreateTask, idempotencyKey: string) {
  return apiRequest('/api/tasks', recurringTaskSchema, {
    method: 'POST',
    body,
    headers: { [idempotencyKeyHeader]: idempotencyKey },
  });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTask) => createTask(body, newIdempotencyKey()),
    onSuccess: (task) => queryClient.setQueryData(taskKeys.task(task.id), task),
    // Its first occurrences are planned with it.
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
