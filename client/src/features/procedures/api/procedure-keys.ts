/** Every procedure-library query key starts here, so a reload can make the whole library stale at once. */
export const procedureKeys = {
  all: ['procedures'] as const,
  list: ['procedures', 'list'] as const,
  detail: ['procedures', 'detail'] as const,
  problems: ['procedures', 'problems'] as const,
};
