import type { ShiftLogCategory } from '@vigie/shared';

/** Query keys of the shift views; live shift events invalidate `log` or `handovers`. */
export const shiftKeys = {
  all: ['shift'] as const,
  log: ['shift', 'log'] as const,
  logPages: (siteId: number, category: ShiftLogCategory | undefined) =>
    ['shift', 'log', siteId, category ?? 'all'] as const,
  handovers: ['shift', 'handovers'] as const,
  pending: ['shift', 'handovers', 'pending'] as const,
  /** Open drafts list the shift's entries: a new entry refreshes them. */
  drafts: ['shift', 'handovers', 'draft'] as const,
  draft: (siteId: number) => ['shift', 'handovers', 'draft', siteId] as const,
};
