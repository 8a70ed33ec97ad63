import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import {
  submitHandoverSchema,
  type Handover as HandoverDto,
  type HandoverListQuery,
  type Page,
} from '@vigie/shared';
import type { z } from 'zod';
import { User } from '../auth/user.entity.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { keysetPage } from '../common/keyset-page.js';
import type { Actor } from '../common/request-context.js';
import { Writer } from '../database/writer.js';
import { Site } from '../inventory/site.entity.js';
import { liveRooms } from '../realtime/live-rooms.js';
import { buildSnapshot, shiftStartOf } from './handover-draft.js';
import { Handover } from './handover.entity.js';
import { toHandoverDto } from './handover.mapper.js';
import { HandoverTasks } from './handover-tasks.js';
import { ShiftLogService } from './shift-log.service.js';

const handoverPopulate = ['outgoing', 'incoming'] as const;

/** Shift handovers: a draft generated from the live state, submitted, then acknowledged by the next coordinator. */
@Injectable()
export class HandoversService {
  constructor(
    private readonly em: EntityManager,
    private readonly writer: Writer,
    private readonly log: ShiftLogService,
    private readonly tasks: HandoverTasks,
  ) {}

  async draft(siteId: number, actor: Actor): Promise<HandoverDto> {
    const em = this.em.fork();
    if (!(await em.count(Site, { id: siteId }))) throw notFound('Site');
    const now = new Date();
    const start = await shiftStartOf(em, siteId, now);
    const snapshot = await buildSnapshot(em, siteId, { start, end: now }, this.log, this.tasks);
    return {
      id: null,
      siteId,
      shiftStart: start.toISOString(),
      shiftEnd: now.toISOString(),
      outgoing: { id: actor.id, displayName: actor.displayName },
      incoming: null,
      state: 'draft',
      snapshot,
      notes: '',
      submittedAt: null,
      acknowledgedAt: null,
    };
  }

  list(query: HandoverListQuery): Promise<Page<HandoverDto>> {
    const where: FilterQuery<Handover> = {};
    if (query.siteId) where.site = query.siteId;
    if (query.state) where.state = query.state;
    return keysetPage(this.em.fork(), Handover, where, query, toHandoverDto, [...handoverPopulate], {
      field: 'id',
      direction: 'desc',
    });
  }

  async get(id: number): Promise<HandoverDto> {
    const handover = await this.em.fork().findOne(Handover, { id }, { populate: handoverPopulate });
    if (!handover) throw notFound('Handover');
    return toHandoverDto(handover);
  }

  /**
   * Stores the snapshot generated at this instant: what is proven later is what was handed over.
   * While an earlier handover of the site is unacknowledged, answers 409 with that one.
   */
  submit(input: z.output<typeof submitHandoverSchema>, actor: Actor): Promise<HandoverDto> {
    return this.writer.run(async (tx) => {
      const site = await tx.em.findOne(Site, { id: input.siteId });
      if (!site) throw notFound('Site');
      // One pending handover per site: a second one would split the shift across two records.
      const pending = await tx.em.findOne(
        Handover,
        { site, state: 'submitted' },
        { populate: handoverPopulate, orderBy: { id: 'desc' } },
      );
      if (pending) {
        throw new DomainError('conflict', 'An earlier handover of this site is waiting for acknowledgement', {
          current: toHandoverDto(pending),
        });
      }
      const now = new Date();
      const start = await shiftStartOf(tx.em, site.id, now);
      const snapshot = await buildSnapshot(tx.em, site.id, { start, end: now }, this.log, this.tasks);
      const handover = tx.em.create(Handover, {
        site,
        shiftStart: start,
        shiftEnd: now,
        outgoing: await tx.em.findOneOrFail(User, { id: actor.id }),
        incoming: null,
        state: 'submitted',
        snapshot: JSON.stringify(snapshot),
        notes: input.notes,
        submittedAt: now,
        acknowledgedAt: null,
      });
      await tx.em.flush();
      const after = toHandoverDto(handover);
      await tx.audit({ action: 'handover.submit', entityType: 'Handover', entityId: handover.id, after });
      tx.announce('handover.submitted', after, [liveRooms.staff]);
      return after;
    });
  }

  /** By the incoming coordinator: someone other than the outgoing one (422 otherwise). */
  acknowledge(id: number, actor: Actor): Promise<HandoverDto> {
    return this.writer.run(async (tx) => {
      const handover = await tx.em.findOne(Handover, { id }, { populate: handoverPopulate });
      if (!handover) throw notFound('Handover');
      const before = toHandoverDto(handover);
      if (handover.state === 'acknowledged') {
        throw new DomainError('conflict', 'This handover is already acknowledged', { current: before });
      }
      if (handover.outgoing.id === actor.id) {
        throw new DomainError(
          'rule_violation',
          'The incoming coordinator acknowledges, not the outgoing one',
        );
      }
      handover.state = 'acknowledged';
      handover.incoming = await tx.em.findOneOrFail(User, { id: actor.id });
      handover.acknowledgedAt = new Date();
      await tx.em.flush();
      const after = toHandoverDto(handover);
      await tx.audit({ action: 'handover.acknowledge', entityType: 'Handover', entityId: id, before, after });
      tx.announce('handover.acknowledged', after, [liveRooms.staff]);
      return after;
    });
  }
}
