/** Every incident query key starts here, so a live event can make all incident views stale at once. */
export const incidentKeys = {
  all: ['incidents'] as const,
  lists: ['incidents', 'list'] as const,
  detail: (id: number) => ['incidents', 'detail', id] as const,
  timeline: (id: number) => ['incidents', 'timeline', id] as const,
};
