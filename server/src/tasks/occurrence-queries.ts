import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Occurrence, OccurrenceListQuery, Page } from '@vigie/shared';
import { decodeSortedCursor, encodeSortedCursor } from '../common/keyset-page.js';
import { TaskOccurrence } from './task-occurrence.entity.js';
import { occurrencePopulate, toOccurrenceDto } from './task-views.js';

const msPerHour = 3_600_000;

/** Past their latest start and not done: missed, or due/scheduled whose dueAt has passed (not yet swept). */
function overdueFilter(now: Date): FilterQuery<TaskOccurrence> {
  return { $or: [{ state: 'missed' }, { state: { $in: ['scheduled', 'due'] }, dueAt: { $lte: now } }] };
}

/**
 * Overdue occurrences for the board and the shift handover: missed (they stay counted) and those
 * not started past their latest start, most recent first. `since` limits how far back (default 24 h).
 */
export async function overdueOccurrences(
  em: EntityManager,
  options: { siteId?: number; now?: Date; since?: Date; limit?: number } = {},
): Promise<Occurrence[]> {
  const now = options.now ?? new Date();
  const since = options.since ?? new Date(now.getTime() - 24 * msPerHour);
  const rows = await em.find(
    TaskOccurrence,
    {
      $and: [overdueFilter(now), { dueAt: { $gte: since } }, options.siteId ? { site: options.siteId } : {}],
    },
    { populate: occurrencePopulate, orderBy: { dueAt: 'desc', id: 'desc' }, limit: options.limit ?? 100 },
  );
  return rows.map((row) => toOccurrenceDto(row, now));
}

/** Open occurrences (in progress, or scheduled/due not past their latest start) planned within the next `hours` (default 12), soonest first. */
export async function upcomingOccurrences(
  em: EntityManager,
  options: { siteId?: number; now?: Date; hours?: number; limit?: number } = {},
): Promise<Occurrence[]> {
  const now = options.now ?? new Date();
  const until = new Date(now.getTime() + (options.hours ?? 12) * msPerHour);
  const rows = await em.find(
    TaskOccurrence,
    {
      // Started ones stay listed until done, even past their latest start.
      $or: [{ state: 'in_progress' }, { state: { $in: ['scheduled', 'due'] }, dueAt: { $gt: now } }],
      scheduledAt: { $lte: until },
      ...(options.siteId ? { site: options.siteId } : {}),
    },
    { populate: occurrencePopulate, orderBy: { scheduledAt: 'asc', id: 'asc' }, limit: options.limit ?? 100 },
  );
  return rows.map((row) => toOccurrenceDto(row, now));
}

/** `GET /api/occurrences`: by scheduled time then id, keyset paged. */
export async function listOccurrences(
  em: EntityManager,
  query: OccurrenceListQuery,
  now = new Date(),
): Promise<Page<Occurrence>> {
  const where: FilterQuery<TaskOccurrence>[] = [];
  if (query.from) where.push({ scheduledAt: { $gte: new Date(query.from) } });
  if (query.to) where.push({ scheduledAt: { $lt: new Date(query.to) } });
  if (query.siteId) where.push({ site: query.siteId });
  if (query.taskId) where.push({ task: query.taskId });
  if (query.team) where.push({ task: { team: query.team } });
  if (query.state) where.push({ state: { $in: query.state } });
  if (query.overdue === true) where.push(overdueFilter(now));
  if (query.overdue === false) where.push({ $not: overdueFilter(now) });
  if (query.cursor) {
    const [value, id] = decodeSortedCursor(query.cursor);
    const at = new Date(Number(value));
    where.push({ $or: [{ scheduledAt: { $gt: at } }, { scheduledAt: at, id: { $gt: id } }] });
  }
  const rows = await em.find(
    TaskOccurrence,
    { $and: where },
    { populate: occurrencePopulate, orderBy: { scheduledAt: 'asc', id: 'asc' }, limit: query.limit + 1 },
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => toOccurrenceDto(row, now)),
    nextCursor:
      rows.length > query.limit && last ? encodeSortedCursor(last.scheduledAt.getTime(), last.id) : null,
  };
}
