import type { EntityManager } from '@mikro-orm/core';
import { DomainError } from '../common/domain-error.js';
import { LoginFailure } from './login-failure.entity.js';

/** Failed sign-ins tolerated per window, per account and per address. */
export const loginThrottle = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

/** Counted in the database, so every server process sees the same tally. */
export async function assertNotThrottled(em: EntityManager, username: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - loginThrottle.windowMinutes * 60_000);
  const [perAccount, perAddress] = await Promise.all([
    em.count(LoginFailure, { username, at: { $gt: since } }),
    em.count(LoginFailure, { ip, at: { $gt: since } }),
  ]);
  if (perAccount >= loginThrottle.perAccount || perAddress >= loginThrottle.perAddress) {
    throw new DomainError('too_many_requests', 'Too many failed sign-ins; try again later', {
      retryAfterSeconds: loginThrottle.windowMinutes * 60,
    });
  }
}

export function recordLoginFailure(em: EntityManager, username: string, ip: string): void {
  em.create(LoginFailure, { username: username.slice(0, 64), ip: ip.slice(0, 64), at: new Date() });
}

/** After a successful sign-in: forget this account's failures, and everyone's that left the window. */
export async function clearLoginFailures(em: EntityManager, username: string): Promise<void> {
  const windowStart = new Date(Date.now() - loginThrottle.windowMinutes * 60_000);
  await em.nativeDelete(LoginFailure, { $or: [{ username }, { at: { $lte: windowStart } }] });
}
