import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { rolePermissions, type Login, type Me, type UpdateMe } from '@vigie/shared';
import { DomainError } from '../common/domain-error.js';
import { requestContext } from '../common/request-context.js';
import { Writer } from '../database/writer.js';
import { LivePublisher } from '../realtime/live-publisher.js';
import { liveRooms } from '../realtime/live-rooms.js';
import { toUserDto } from '../users/user.mapper.js';
import { actorOf } from './actor.js';
import { assertNotThrottled, clearLoginFailures, recordLoginFailure } from './login-throttle.js';
import { decoyHash, verifyPassword } from './password-hasher.js';
import { Session } from './session.entity.js';
import { SessionService } from './session.service.js';
import { User } from './user.entity.js';

export interface SignIn {
  me: Me;
  token: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly writer: Writer,
    private readonly sessions: SessionService,
    private readonly publisher: LivePublisher,
  ) {}

  async login(
    credentials: Login,
    ip: string,
    userAgent: string,
    previousSessionId?: string,
  ): Promise<SignIn> {
    const username = credentials.username.toLowerCase();
    await assertNotThrottled(this.em.fork(), username, ip);
    const user = await this.em.fork().findOne(User, { username }, { populate: ['passwordHash', 'tenant'] });
    const valid = await verifyPassword(user?.passwordHash ?? decoyHash, credentials.password);
    if (!user || !valid || !user.active) {
      await this.writer.run(async (tx) => {
        recordLoginFailure(tx.em, username, ip);
        await tx.audit({ action: 'auth.login_failed', entityType: 'User', entityId: user?.id ?? username });
      });
      throw new DomainError('invalid_credentials', 'Wrong username or password');
    }
    const context = requestContext.current();
    if (context) context.actor = actorOf(user);
    const signIn = await this.writer.run(async (tx) => {
      // A fresh id at every sign-in: a session id planted before sign-in is never promoted.
      if (previousSessionId) await tx.em.nativeDelete(Session, { id: previousSessionId });
      await clearLoginFailures(tx.em, username);
      await this.sessions.purgeExpired(tx.em);
      const managedUser = tx.em.merge(user);
      const { token, session } = this.sessions.open(tx.em, managedUser, ip, userAgent);
      await tx.audit({ action: 'auth.login', entityType: 'User', entityId: user.id });
      return { token, me: this.meOf(managedUser, session) };
    });
    // The replaced session may have live sockets (perhaps another user's, in the same browser):
    // they must not keep receiving what that session could see.
    if (previousSessionId) this.publisher.disconnectSession(previousSessionId);
    return signIn;
  }

  async logout(sessionId: string): Promise<void> {
    await this.writer.run(async (tx) => {
      const session = await tx.em.findOne(Session, { id: sessionId });
      if (!session) return;
      tx.em.remove(session);
      await tx.audit({ action: 'auth.logout', entityType: 'User', entityId: session.user.id });
    });
    this.publisher.disconnectSession(sessionId);
  }

  async me(sessionId: string): Promise<Me> {
    const em = this.em.fork();
    const session = await em.findOneOrFail(Session, { id: sessionId }, { populate: ['user', 'user.tenant'] });
    return this.meOf(session.user, session);
  }

  async updateMe(sessionId: string, change: UpdateMe): Promise<Me> {
    return this.writer.run(async (tx) => {
      const session = await tx.em.findOneOrFail(
        Session,
        { id: sessionId },
        { populate: ['user', 'user.tenant'] },
      );
      const user = session.user;
      const before = toUserDto(user);
      user.locale = change.locale;
      await tx.em.flush();
      const after = toUserDto(user);
      await tx.audit({ action: 'user.update', entityType: 'User', entityId: user.id, before, after });
      tx.announce('user.updated', after, [liveRooms.role('admin'), liveRooms.user(user.id)]);
      return this.meOf(user, session);
    });
  }

  private meOf(user: User, session: Session): Me {
    return {
      user: toUserDto(user),
      permissions: [...rolePermissions[user.role]],
      session: {
        idleExpiresAt: session.idleExpiresAt.toISOString(),
        absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
      },
    };
  }
}
