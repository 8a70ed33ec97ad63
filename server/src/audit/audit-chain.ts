import { createHash } from 'node:crypto';

/** The hash the chain starts from, before the first event. */
export const genesisHash = '0'.repeat(64);

/** The fields of an audit event that its hash covers. */
export interface ChainedFields {
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  requestId: string;
  prevHash: string;
}

export function chainHash(fields: ChainedFields): string {
  const canonical = JSON.stringify([
    fields.prevHash,
    fields.at.toISOString(),
    fields.actorId,
    fields.actorName,
    fields.action,
    fields.entityType,
    fields.entityId,
    fields.before,
    fields.after,
    fields.requestId,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
