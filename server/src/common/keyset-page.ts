import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import type { Page, PageQuery } from '@vigie/shared';
import { DomainError } from './domain-error.js';

export function decodeCursor(cursor: string): number {
  const id = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(id) || id < 0) throw invalidCursor();
  return id;
}

export function encodeCursor(id: number): string {
  return Buffer.from(String(id), 'utf8').toString('base64url');
}

/** A list order on a non-null column, ties broken by id; `-name` in a query means descending. */
export interface SortOrder {
  field: string;
  direction: 'asc' | 'desc';
}

/** Reads a `sort` query value such as `name` or `-name`. */
export function sortOrderOf(sort: string | undefined): SortOrder | undefined {
  if (!sort) return undefined;
  return sort.startsWith('-')
    ? { field: sort.slice(1), direction: 'desc' }
    : { field: sort, direction: 'asc' };
}

function invalidCursor(): DomainError {
  return new DomainError('validation_failed', 'Invalid cursor', {
    fields: [{ path: 'cursor', message: 'invalid cursor' }],
  });
}

/** A sorted page's cursor: the last row's sort value and id. */
export function encodeSortedCursor(value: unknown, id: number): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

export function decodeSortedCursor(cursor: string): [string | number, number] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      Number.isSafeInteger(value[1])
    ) {
      return [value[0], value[1] as number];
    }
  } catch {
    // falls through to the error below
  }
  throw invalidCursor();
}

/**
 * A page of entities by keyset, so deep pages stay as fast as the first: in id order
 * (`id > cursor`), or in `sort` order with ties broken by id (`(field, id) > cursor`).
 */
export async function keysetPage<T extends { id: number }, Dto>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  query: Pick<PageQuery, 'limit' | 'cursor'>,
  toDto: (entity: T) => Dto,
  populate: readonly string[] = [],
  sort?: SortOrder,
): Promise<Page<Dto>> {
  let after: Record<string, unknown>;
  if (!sort) {
    after = { id: { $gt: query.cursor ? decodeCursor(query.cursor) : 0 } };
  } else if (!query.cursor) {
    after = {};
  } else {
    const [value, id] = decodeSortedCursor(query.cursor);
    const beyond = sort.direction === 'asc' ? '$gt' : '$lt';
    after = {
      $or: [{ [sort.field]: { [beyond]: value } }, { [sort.field]: value, id: { [beyond]: id } }],
    };
  }
  const rows = await em.find(entity, { $and: [where, after] } as FilterQuery<T>, {
    orderBy: (sort ? { [sort.field]: sort.direction, id: sort.direction } : { id: 'asc' }) as never,
    limit: query.limit + 1,
    populate: populate as never,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const cursorOf = (row: T) =>
    sort ? encodeSortedCursor((row as Record<string, unknown>)[sort.field], row.id) : encodeCursor(row.id);
  return {
    items: items.map(toDto),
    nextCursor: rows.length > query.limit && last ? cursorOf(last) : null,
  };
}

/**
 * A `LIKE` pattern that matches `text` anywhere. The ORM sends no ESCAPE clause, so `%` and `_`
 * in the text become `_` (any one character): the match is the literal text, plus rare near-misses.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_]/g, '_')}%`;
}
