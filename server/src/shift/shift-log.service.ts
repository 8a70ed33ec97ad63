import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import {
  createShiftLogEntrySchema,
  type Page,
  type ShiftLogEntry as ShiftLogEntryDto,
  type ShiftLogQuery,
} from '@vigie/shared';
import type { z } from 'zod';
import { User } from '../auth/user.entity.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { keysetPage } from '../common/keyset-page.js';
import type { Actor } from '../common/request-context.js';
import { Writer } from '../database/writer.js';
import { Site } from '../inventory/site.entity.js';
import { liveRooms } from '../realtime/live-rooms.js';
import { toShiftLogEntryDto } from './shift-log.mapper.js';
import { ShiftLogEntry } from './shift-log-entry.entity.js';
import { resolveLinks } from './shift-log-links.js';

/** The main courante: append-only entries, live to every staff member. */
@Injectable()
export class ShiftLogService {
  constructor(
    private readonly em: EntityManager,
    private readonly writer: Writer,
  ) {}

  async list(query: ShiftLogQuery): Promise<Page<ShiftLogEntryDto>> {
    const em = this.em.fork();
    const conditions: FilterQuery<ShiftLogEntry>[] = [{ site: query.siteId }];
    if (query.from) conditions.push({ at: { $gte: new Date(query.from) } });
    if (query.to) conditions.push({ at: { $lt: new Date(query.to) } });
    if (query.category) conditions.push({ category: query.category });
    // Entries are appended in time order, so id order is newest-first order.
    const page = await keysetPage(
      em,
      ShiftLogEntry,
      { $and: conditions },
      query,
      (entry) => entry,
      ['author'],
      {
        field: 'id',
        direction: 'desc',
      },
    );
    return { items: await withCorrections(em, page.items), nextCursor: page.nextCursor };
  }

  /** Entries between two instants of one site, oldest first (the handover's section). */
  async between(em: EntityManager, siteId: number, from: Date, to: Date): Promise<ShiftLogEntryDto[]> {
    const entries = await em.find(
      ShiftLogEntry,
      { site: siteId, at: { $gte: from, $lte: to } },
      { populate: ['author'], orderBy: { id: 'asc' }, limit: 500 },
    );
    return withCorrections(em, entries);
  }

  append(input: z.output<typeof createShiftLogEntrySchema>, actor: Actor): Promise<ShiftLogEntryDto> {
    return this.writer.run(async (tx) => {
      const site = await tx.em.findOne(Site, { id: input.siteId });
      if (!site) throw notFound('Site');
      let corrects: ShiftLogEntry | null = null;
      if (input.correctsId !== undefined) {
        corrects = await tx.em.findOne(ShiftLogEntry, { id: input.correctsId });
        if (!corrects || corrects.site.id !== site.id) {
          throw new DomainError('rule_violation', 'A correction must point to an entry of the same site', {
            fields: [{ path: 'correctsId', message: 'no such entry on this site' }],
          });
        }
      }
      const links = await resolveLinks(tx.em, input.links);
      const entry = tx.em.create(ShiftLogEntry, {
        site,
        at: new Date(),
        author: await tx.em.findOneOrFail(User, { id: actor.id }),
        category: input.category,
        text: input.text,
        links: JSON.stringify(links),
        corrects,
      });
      await tx.em.flush();
      const after = toShiftLogEntryDto(entry);
      await tx.audit({ action: 'shift-log.append', entityType: 'ShiftLogEntry', entityId: entry.id, after });
      tx.announce('shift-log.entry-added', after, [liveRooms.staff]);
      return after;
    });
  }
}

/** DTOs of the entries, each with the ids of the entries correcting it. */
async function withCorrections(em: EntityManager, entries: ShiftLogEntry[]): Promise<ShiftLogEntryDto[]> {
  if (entries.length === 0) return [];
  const corrections = await em.find(
    ShiftLogEntry,
    { corrects: { $in: entries.map((entry) => entry.id) } },
    { fields: ['id', 'corrects'], orderBy: { id: 'asc' } },
  );
  return entries.map((entry) =>
    toShiftLogEntryDto(
      entry,
      corrections
        .filter((correction) => correction.corrects?.id === entry.id)
        .map((correction) => correction.id),
    ),
  );
}
