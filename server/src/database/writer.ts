import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { LiveEventPayload, LiveEventType } from '@vigie/shared';
import { AuditTrail, type AuditEntry } from '../audit/audit-trail.js';
import { settleIdempotencyClaim } from '../common/idempotency/idempotency-claims.js';
import { LiveEvent } from '../realtime/live-event.entity.js';
import { LivePublisher } from '../realtime/live-publisher.js';
import type { LiveRoom } from '../realtime/live-rooms.js';

/** What a write can do inside its transaction: change entities, audit them, announce them. */
export class WriteContext {
  readonly staged: LiveEvent[] = [];
  private readonly trail: AuditTrail;

  constructor(readonly em: EntityManager) {
    this.trail = new AuditTrail(em);
  }

  async audit(entry: AuditEntry): Promise<void> {
    await this.trail.append(entry);
  }

  /** Stores the event with the change; it is emitted only once the transaction has committed. */
  announce<T extends LiveEventType>(type: T, payload: LiveEventPayload<T>, rooms: readonly LiveRoom[]): void {
    const event = this.em.create(LiveEvent, {
      type,
      at: new Date(),
      payload: JSON.stringify(payload),
      rooms: JSON.stringify(rooms),
    });
    this.staged.push(event);
  }
}

/**
 * The one way to write: runs the work in a transaction with its audit events and live events,
 * commits, and only then emits the live events. A 2xx answered after `run` means committed.
 */
@Injectable()
export class Writer {
  constructor(
    private readonly em: EntityManager,
    private readonly publisher: LivePublisher,
  ) {}

  async run<T>(work: (tx: WriteContext) => Promise<T>): Promise<T> {
    let context: WriteContext | undefined;
    const result = await this.em.transactional(async (em) => {
      context = new WriteContext(em);
      const done = await work(context);
      // A request's Idempotency-Key is marked answered in the same transaction as its write.
      await settleIdempotencyClaim(em, done);
      return done;
    });
    if (context) this.publisher.publish(context.staged);
    return result;
  }
}
