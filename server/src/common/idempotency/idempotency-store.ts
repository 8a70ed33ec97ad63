import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { idempotencyKeyTtlHours } from '@vigie/shared';
import { DomainError } from '../domain-error.js';
import { IdempotencyKey } from './idempotency-key.entity.js';

/** The key of the request in progress; the write that commits stores the answer under it. */
export interface IdempotencyClaim {
  userId: number;
  key: string;
  fingerprint: string;
  status: number;
  /** The body stored with the write's commit, so the answer is not stored a second time. */
  settledBody?: string;
}

/** Thrown inside a write whose key another request already answered: the write rolls back. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('This Idempotency-Key was answered meanwhile');
    this.name = 'IdempotencyKeyTaken';
  }
}

/** A first answer to give again. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

const ttlMs = idempotencyKeyTtlHours * 60 * 60 * 1000;
const purgeEveryMs = 10 * 60 * 1000;

const encode = (body: unknown) => JSON.stringify(body ?? null);

/**
 * The store behind `@Idempotent()`. The answer is inserted under a unique (user, key) index in the
 * same transaction as the write it answers, so the write and its key commit together or not at
 * all. That is what makes it hold with two server processes (or two requests of one): whichever
 * commits second hits the unique index, its whole transaction rolls back, and it answers the
 * first one's stored answer instead. SQLite serialises writers on the file (PostgreSQL on the
 * unique index), so nothing is ever written twice, and no request waits on a lock of ours.
 */
export class IdempotencyStore {
  private static lastPurge = 0;

  constructor(private readonly em: EntityManager) {}

  /** The first answer for this key, if any; 422 when the key was used for another request. */
  async answerFor(claim: IdempotencyClaim): Promise<StoredAnswer | undefined> {
    await this.purgeExpired();
    const row = await this.em.fork().findOne(IdempotencyKey, { userId: claim.userId, key: claim.key });
    if (!row || row.expiresAt <= new Date()) return undefined;
    if (row.fingerprint !== claim.fingerprint) {
      throw new DomainError(
        'rule_violation',
        'This Idempotency-Key was already used for a different request; use a new key',
        { fields: [{ path: 'Idempotency-Key', message: 'already used for a different request' }] },
      );
    }
    return { status: row.status, body: JSON.parse(row.body) as unknown };
  }

  /** Inside the write's transaction: stores the answer under the key (an expired use of it is replaced). */
  static async settleIn(em: EntityManager, claim: IdempotencyClaim, result: unknown): Promise<void> {
    const body = encode(result);
    const now = new Date();
    if (claim.settledBody === undefined) {
      await em.nativeDelete(IdempotencyKey, {
        userId: claim.userId,
        key: claim.key,
        expiresAt: { $lte: now },
      });
      try {
        await em.insert(IdempotencyKey, {
          userId: claim.userId,
          key: claim.key,
          fingerprint: claim.fingerprint,
          status: claim.status,
          body,
          createdAt: now,
          expiresAt: new Date(now.getTime() + ttlMs),
        });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw new IdempotencyKeyTaken();
        throw error;
      }
    } else {
      // A second write in the same request: the answer is its result.
      await em.nativeUpdate(IdempotencyKey, { userId: claim.userId, key: claim.key }, { body });
    }
    claim.settledBody = body;
  }

  /** After the handler answered: stores the answer if no write did (a route that wrote nothing). */
  async complete(claim: IdempotencyClaim, result: unknown): Promise<void> {
    if (claim.settledBody === encode(result)) return;
    const em = this.em.fork();
    if (claim.settledBody === undefined) {
      await em
        .transactional((tx) => IdempotencyStore.settleIn(tx, claim, result))
        .catch((error: unknown) => {
          if (!(error instanceof IdempotencyKeyTaken)) throw error;
        });
    } else {
      await em.nativeUpdate(
        IdempotencyKey,
        { userId: claim.userId, key: claim.key },
        { body: encode(result) },
      );
    }
  }

  /** Deletes expired keys; at most every ten minutes per process unless forced (any process may do it). */
  async purgeExpired(force = false): Promise<number> {
    const now = Date.now();
    if (!force && now - IdempotencyStore.lastPurge < purgeEveryMs) return 0;
    IdempotencyStore.lastPurge = now;
    return this.em.fork().nativeDelete(IdempotencyKey, { expiresAt: { $lte: new Date(now) } });
  }
}
