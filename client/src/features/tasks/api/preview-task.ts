import { taskPreviewSchema, type TaskPreviewRequest } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { taskKeys } from './task-keys';

export function previewTask(body: TaskPreviewRequest, signal?: AbortSignal) {
  return apiRequest('/api/tasks/preview', taskPreviewSchema, { method: 'POST', body, signal });
}

/** The next occurrences of a rule in the site's zone; idle until there is a site and a rule. */
export function useTaskPreview(body: TaskPreviewRequest | null) {
  return useQuery({
    queryKey: [...taskKeys.preview, body],
    queryFn: ({ signal }) => previewTask(body!, signal),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
