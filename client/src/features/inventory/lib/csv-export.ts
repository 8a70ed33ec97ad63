/**
 * The address of a CSV export with the list's current filters and search (the export route takes
 * the list's query without `limit`/`cursor`); empty and undefined values are left out.
 */
export function csvExportHref(
  kind: 'racks' | 'devices',
  filters: Readonly<Record<string, string | number | undefined>>,
  search: string,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (search.trim() !== '') params.set('search', search.trim());
  const query = params.toString();
  return `/api/${kind}/export${query ? `?${query}` : ''}`;
}

/** A value of the import preview's "before → after", as text: empty for none. */
export function formatCsvValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}
