import { createHmac, randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from '../common/error-body.js';
import type { AppConfig } from '../config/app-config.js';
import { InjectConfig, InjectSessionSecret } from '../config/config.module.js';
import type { Actor } from '../common/request-context.js';
import { actorOf } from './actor.js';
import { Session } from './session.entity.js';
import { readSessionToken } from './session-cookie.js';
import type { User } from './user.entity.js';

/** Sliding expiry is written at most this often, not on every request. */
const touchIntervalMs = 60_000;
const logger = new Logger('Sessions');

export interface AuthenticatedSession {
  actor: Actor;
  session: Session;
}

@Injectable()
export class SessionService {
  constructor(
    private readonly em: EntityManager,
    @InjectConfig() private readonly config: AppConfig,
    @InjectSessionSecret() private readonly secret: string,
  ) {}

  idOf(token: string): string {
    return createHmac('sha256', this.secret).update(token).digest('hex');
  }

  /** Opens a session for the user inside the caller's transaction; returns the cookie token. */
  open(em: EntityManager, user: User, ip: string, userAgent: string): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = em.create(Session, {
      id: this.idOf(token),
      user,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: new Date(now.getTime() + this.config.sessionIdleMinutes * 60_000),
      absoluteExpiresAt: new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000),
      ip: ip.slice(0, 64),
      userAgent: userAgent.slice(0, 300),
    });
    return { token, session };
  }

  /** The live session behind a cookie header, with its sliding expiry extended; undefined if none. */
  async resolve(cookieHeader: string | undefined): Promise<AuthenticatedSession | undefined> {
    const token = readSessionToken(cookieHeader);
    if (!token) return undefined;
    const em = this.em.fork();
    const session = await em.findOne(
      Session,
      { id: this.idOf(token) },
      { populate: ['user', 'user.tenant'] },
    );
    const now = Date.now();
    if (!session) return undefined;
    const user = session.user;
    if (
      session.idleExpiresAt.getTime() <= now ||
      session.absoluteExpiresAt.getTime() <= now ||
      !user.active
    ) {
      await em.nativeDelete(Session, { id: session.id });
      return undefined;
    }
    if (now - session.lastSeenAt.getTime() > touchIntervalMs) {
      const idleExpiresAt = Math.min(
        now + this.config.sessionIdleMinutes * 60_000,
        session.absoluteExpiresAt.getTime(),
      );
      session.lastSeenAt = new Date(now);
      session.idleExpiresAt = new Date(idleExpiresAt);
      await em.flush().catch((error: unknown) => {
        // Bookkeeping, not the user's write: a locked or full database must not refuse a read.
        if (!isDatabaseUnavailable(error)) throw error;
        logger.warn('Session expiry not extended: the database cannot take writes now');
      });
    }
    return { actor: actorOf(user), session };
  }

  /** Ends every session of a user (role change, deactivation, password reset). */
  async closeAllOf(em: EntityManager, userId: number): Promise<void> {
    await em.nativeDelete(Session, { user: userId });
  }

  /** Deletes expired sessions; run at each sign-in, so the table never grows without bound. */
  async purgeExpired(em: EntityManager): Promise<void> {
    const now = new Date();
    await em.nativeDelete(Session, {
      $or: [{ idleExpiresAt: { $lte: now } }, { absoluteExpiresAt: { $lte: now } }],
    });
  }

  get maxAgeSeconds(): number {
    return this.config.sessionAbsoluteHours * 3600;
  }
}
