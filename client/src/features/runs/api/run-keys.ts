/** Every run query key starts here, so a live event can make the runs stale at once. */
export const runKeys = {
  all: ['runs'] as const,
  lists: ['runs', 'list'] as const,
  detail: (id: number) => ['runs', 'detail', id] as const,
  suggested: (incidentId: number) => ['runs', 'suggested', incidentId] as const,
};
