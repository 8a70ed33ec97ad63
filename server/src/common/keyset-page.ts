import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import type { Page, PageQuery } from '@vigie/shared';
import { DomainError } from './domain-error.js';

function decodeCursor(cursor: string): number {
  const id = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(id) || id < 0) {
    throw new DomainError('validation_failed', 'Invalid cursor', {
      fields: [{ path: 'cursor', message: 'invalid cursor' }],
    });
  }
  return id;
}

export function encodeCursor(id: number): string {
  return Buffer.from(String(id), 'utf8').toString('base64url');
}

/** A page of entities in id order, by keyset (`id > cursor`), so deep pages stay as fast as the first. */
export async function keysetPage<T extends { id: number }, Dto>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  query: Pick<PageQuery, 'limit' | 'cursor'>,
  toDto: (entity: T) => Dto,
  populate: readonly string[] = [],
): Promise<Page<Dto>> {
  const after = query.cursor ? decodeCursor(query.cursor) : 0;
  const rows = await em.find(entity, { $and: [where, { id: { $gt: after } }] } as FilterQuery<T>, {
    orderBy: { id: 'asc' } as never,
    limit: query.limit + 1,
    populate: populate as never,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(toDto),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
  };
}

/**
 * A `LIKE` pattern that matches `text` anywhere. The ORM sends no ESCAPE clause, so `%` and `_`
 * in the text become `_` (any one character): the match is the literal text, plus rare near-misses.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_]/g, '_')}%`;
}
