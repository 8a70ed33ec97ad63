/** How a column header reads to assistive technology (`aria-sort`). */
export type SortDirection = 'ascending' | 'descending' | 'none';

/** Whether a list sorted by `sort` (`name`, `-name`, or none) is ordered by `field`, and which way. */
export function sortDirectionOf(sort: string | undefined, field: string): SortDirection {
  if (sort === field) return 'ascending';
  if (sort === `-${field}`) return 'descending';
  return 'none';
}

/** The sort after a click on `field`'s header: ascending first, then it flips. */
export function toggledSort(sort: string | undefined, field: string): string {
  return sort === field ? `-${field}` : field;
}
