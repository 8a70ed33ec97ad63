import { z } from 'zod';

/**
 * The header a client sends on a write it may retry (DESIGN.md §5): the retry gets the first
 * answer and the write happens once. One key per intended write, e.g. a UUID made when the user acts.
 */
export const idempotencyKeyHeader = 'Idempotency-Key';

export const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits, dot, dash, colon and underscore only');

/** A first answer is replayed for this long; the same key reused later is a new request. */
export const idempotencyKeyTtlHours = 24;

/** Set on an answer that is a replay of the first one. */
export const idempotentReplayHeader = 'Idempotent-Replayed';
