import type { Incident, Page } from '@vigie/shared';
import { hashKey, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

/** How long a newly arrived incident stays highlighted. */
export const arrivalHighlightMs = 8000;

/**
 * Incidents that appear in a cached list after it was first loaded (a live event made it refetch),
 * with when they arrived. A new query key (other filters) starts with nothing new.
 */
export function useNewArrivals(
  queryKey: QueryKey,
  onArrive: (incidents: Incident[]) => void,
): ReadonlyMap<number, number> {
  const queryClient = useQueryClient();
  const keyHash = hashKey(queryKey);
  const [arrivals, setArrivals] = useState<{ keyHash: string; since: ReadonlyMap<number, number> }>({
    keyHash,
    since: new Map(),
  });
  const onArriveRef = useRef(onArrive);
  useEffect(() => {
    onArriveRef.current = onArrive;
  }, [onArrive]);

  useEffect(() => {
    const read = () => queryClient.getQueryData<Page<Incident>>(JSON.parse(keyHash) as QueryKey)?.items;
    let known: Set<number> | null = null;
    const seed = read();
    if (seed) known = new Set(seed.map((incident) => incident.id));
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.query.queryHash !== keyHash) return;
      const items = read();
      if (!items) return;
      if (!known) {
        // The first answer for this view: what is there is not "new".
        known = new Set(items.map((incident) => incident.id));
        return;
      }
      const seen = known;
      const fresh = items.filter((incident) => !seen.has(incident.id));
      if (fresh.length === 0) return;
      for (const incident of fresh) seen.add(incident.id);
      const at = Date.now();
      setArrivals((current) => {
        const since = new Map(
          current.keyHash === keyHash
            ? [...current.since].filter(([, arrived]) => at - arrived < arrivalHighlightMs)
            : [],
        );
        for (const incident of fresh) since.set(incident.id, at);
        return { keyHash, since };
      });
      onArriveRef.current(fresh);
    });
  }, [queryClient, keyHash]);

  return arrivals.keyHash === keyHash ? arrivals.since : new Map();
}
