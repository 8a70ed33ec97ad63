import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

const searchDelayMs = 300;

/**
 * A list's search box (debounced, local to the page: `?q=` only opens the page on a search) and its
 * keyset paging: the cursors of the pages before the current one, reset by a new search or filter.
 */
export function usePagedSearch(filtersKey: string) {
  const [searchParams] = useSearchParams();
  const [searchInput, setSearchInput] = useState(() => searchParams.get('q') ?? '');
  const [search, setSearch] = useState(() => searchInput.trim());
  const pagingKey = `${filtersKey}|${search}`;
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: pagingKey, cursors: [] });
  const cursors = paging.key === pagingKey ? paging.cursors : [];

  useEffect(() => {
    const next = searchInput.trim();
    if (next === search) return;
    const timer = window.setTimeout(() => setSearch(next), searchDelayMs);
    return () => window.clearTimeout(timer);
  }, [searchInput, search]);

  return {
    searchInput,
    setSearchInput,
    search,
    cursor: cursors.at(-1),
    pageNumber: cursors.length + 1,
    goNext: (nextCursor: string | null) => {
      if (nextCursor) setPaging({ key: pagingKey, cursors: [...cursors, nextCursor] });
    },
    goPrevious: () => setPaging({ key: pagingKey, cursors: cursors.slice(0, -1) }),
  };
}
