import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { AuditVerification } from '@vigie/shared';
import { AuditEvent } from './audit-event.entity.js';
import { chainHash, genesisHash } from './audit-chain.js';

const batchSize = 2000;

@Injectable()
export class AuditVerifier {
  constructor(private readonly em: EntityManager) {}

  /** Re-walks the whole chain in id order; reports the first event whose link or content does not hold. */
  async verify(): Promise<AuditVerification> {
    const em = this.em.fork();
    let prevHash = genesisHash;
    let lastId = 0;
    let checked = 0;
    for (;;) {
      const events = await em.find(
        AuditEvent,
        { id: { $gt: lastId } },
        { orderBy: { id: 'asc' }, limit: batchSize },
      );
      for (const event of events) {
        if (event.prevHash !== prevHash) {
          return { ok: false, checked, firstBroken: { id: event.id, reason: 'previous_hash_mismatch' } };
        }
        if (
          chainHash({
            ...event,
            actorId: event.actorId ?? null,
            before: event.before ?? null,
            after: event.after ?? null,
          }) !== event.hash
        ) {
          return { ok: false, checked, firstBroken: { id: event.id, reason: 'content_hash_mismatch' } };
        }
        prevHash = event.hash;
        lastId = event.id;
        checked++;
      }
      em.clear();
      if (events.length < batchSize) return { ok: true, checked, firstBroken: null };
    }
  }
}
