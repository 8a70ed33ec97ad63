import { useSearchParams } from 'react-router';
import { readEnumParam, withFilter } from '../lib/list-filters';

/** A list's order, kept in the page's query string (`?sort=-name`) so a link or a reload keeps it. */
export function useListSort<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  return {
    sort: readEnumParam(params, 'sort', keys),
    setSort: (next: string) => setParams(withFilter(params, 'sort', next), { replace: true }),
  };
}
