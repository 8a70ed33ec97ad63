/** Every tasks query key starts here, so a live event can make the tasks and occurrences stale at once. */
export const taskKeys = {
  all: ['tasks'] as const,
  occurrences: ['tasks', 'occurrences'] as const,
  tasks: ['tasks', 'definitions'] as const,
  task: (id: number) => ['tasks', 'definitions', 'detail', id] as const,
  preview: ['tasks', 'preview'] as const,
};
