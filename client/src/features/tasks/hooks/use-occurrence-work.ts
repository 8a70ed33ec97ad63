import { useOccurrences } from '../api/get-occurrences';
import { useNow } from '../../incidents/hooks/use-now';

const hour = 60 * 60_000;

/** Minute precision: the window moves once a minute, not at every render (it is in the query key). */
function minuteIso(ms: number): string {
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
}

/**
 * What a coordinator checks first: the overdue occurrences of the last two days, and the open ones
 * coming in the next `aheadHours`. Live events refresh both (app/use-live-updates.ts).
 */
export function useOccurrenceWork({
  aheadHours = 24,
  limit = 100,
}: { aheadHours?: number; limit?: number } = {}) {
  const now = useNow(60_000);
  const overdue = useOccurrences({ overdue: true, from: minuteIso(now - 48 * hour), limit });
  const upcoming = useOccurrences({
    state: 'scheduled,due,in_progress',
    from: minuteIso(now - 12 * hour),
    to: minuteIso(now + aheadHours * hour),
    limit,
  });
  return {
    overdue,
    upcoming,
    // Most recent first: the freshest miss is the one still worth acting on.
    overdueItems: [...(overdue.data?.items ?? [])].reverse(),
    upcomingItems: (upcoming.data?.items ?? []).filter((occurrence) => !occurrence.overdue),
  };
}
