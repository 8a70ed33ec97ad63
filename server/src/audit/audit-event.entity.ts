import { defineEntity, p } from '@mikro-orm/core';

/** Append-only record of a write, hash-chained to the previous event (by id) so tampering shows. */
const AuditEventSchema = defineEntity({
  name: 'AuditEvent',
  indexes: [{ properties: ['entityType', 'entityId'] }],
  properties: {
    id: p.integer().primary(),
    at: p.datetime(),
    actorId: p.integer().nullable(),
    actorName: p.string().length(120),
    action: p.string().length(64),
    entityType: p.string().length(64),
    entityId: p.string().length(64),
    before: p.text().nullable(),
    after: p.text().nullable(),
    requestId: p.string().length(64),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
  },
});

export class AuditEvent extends AuditEventSchema.class {}
AuditEventSchema.setClass(AuditEvent);
