import { defineEntity, p } from '@mikro-orm/core';

/**
 * The first answer to one `Idempotency-Key` of one user, with the request it answered
 * (fingerprint). Inserted in the same transaction as the write it answers; see IdempotencyStore.
 */
const IdempotencyKeySchema = defineEntity({
  name: 'IdempotencyKey',
  uniques: [{ properties: ['userId', 'key'] }],
  properties: {
    id: p.integer().primary(),
    userId: p.integer(),
    key: p.string().length(128),
    fingerprint: p.string().length(64),
    status: p.integer(),
    body: p.text(),
    createdAt: p.datetime(),
    expiresAt: p.datetime().index(),
  },
});

export class IdempotencyKey extends IdempotencyKeySchema.class {}
IdempotencyKeySchema.setClass(IdempotencyKey);
