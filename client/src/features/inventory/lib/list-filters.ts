/** Reads a positive integer id from the page's query string (`?siteId=2`); anything else is no filter. */
export function readIdParam(params: URLSearchParams, key: string): number | undefined {
  const raw = params.get(key);
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** Reads one of `values` from the query string; an unknown value is no filter. */
export function readEnumParam<T extends string>(
  params: URLSearchParams,
  key: string,
  values: readonly T[],
): T | undefined {
  const raw = params.get(key);
  return values.find((value) => value === raw);
}

/**
 * The query string with one filter changed (removed when empty). Filters narrower than the one
 * changed are dropped (a new site clears the room), so the page never asks for an impossible pair.
 */
export function withFilter(
  params: URLSearchParams,
  key: string,
  value: string | number | undefined,
  narrower: Readonly<Record<string, readonly string[]>> = {
    siteId: ['roomId', 'rackId'],
    roomId: ['rackId'],
  },
): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === undefined || value === '') next.delete(key);
  else next.set(key, String(value));
  for (const dependent of narrower[key] ?? []) next.delete(dependent);
  return next;
}

/** Whether any of the given filters is set (for "clear filters" and the empty state's wording). */
export function hasFilters(params: URLSearchParams, keys: readonly string[]): boolean {
  return keys.some((key) => (params.get(key) ?? '') !== '');
}
