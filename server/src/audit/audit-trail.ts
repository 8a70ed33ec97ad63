import type { EntityManager } from '@mikro-orm/core';
import { requestContext } from '../common/request-context.js';
import { AuditEvent } from './audit-event.entity.js';
import { chainHash, genesisHash } from './audit-chain.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

const systemActor = { id: null, name: 'system' };

/**
 * Appends audit events to the chain inside a write transaction. One instance lives for one
 * transaction, so several events written together chain to each other.
 */
export class AuditTrail {
  private lastHash: string | undefined;

  constructor(private readonly em: EntityManager) {}

  async append(entry: AuditEntry): Promise<AuditEvent> {
    const context = requestContext.current();
    const actor = context?.actor;
    const prevHash = this.lastHash ?? (await this.latestHash());
    const fields = {
      at: new Date(),
      actorId: actor?.id ?? systemActor.id,
      actorName: actor?.username ?? systemActor.name,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      requestId: context?.requestId ?? 'system',
      prevHash,
    };
    const event = this.em.create(AuditEvent, { ...fields, hash: chainHash(fields) });
    this.lastHash = event.hash;
    return event;
  }

  private async latestHash(): Promise<string> {
    const [last] = await this.em.find(
      AuditEvent,
      {},
      { orderBy: { id: 'desc' }, limit: 1, fields: ['hash'] },
    );
    return last?.hash ?? genesisHash;
  }
}
