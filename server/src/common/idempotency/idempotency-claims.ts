import type { EntityManager } from '@mikro-orm/core';
import { requestContext, type RequestContextData } from '../request-context.js';
import { type IdempotencyClaim, IdempotencyStore } from './idempotency-store.js';

/** The key of the request in progress, by its request context (no change to that shape). */
const claims = new WeakMap<RequestContextData, IdempotencyClaim>();

export function holdClaim(claim: IdempotencyClaim): void {
  const context = requestContext.current();
  if (context) claims.set(context, claim);
}

/**
 * Called by the Writer inside every write transaction: when the request carries an Idempotency-Key,
 * the key and the write's result (the answer) are stored in that same transaction.
 */
export async function settleIdempotencyClaim(em: EntityManager, result: unknown): Promise<void> {
  const context = requestContext.current();
  const claim = context && claims.get(context);
  if (claim) await IdempotencyStore.settleIn(em, claim, result);
}
