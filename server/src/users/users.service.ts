import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { CreateUser, Page, PageQuery, UpdateUser, User as UserDto } from '@vigie/shared';
import { hashPassword } from '../auth/password-hasher.js';
import { SessionService } from '../auth/session.service.js';
import { User } from '../auth/user.entity.js';
import { DomainError, notFound, staleVersion } from '../common/domain-error.js';
import { containsPattern, keysetPage } from '../common/keyset-page.js';
import { Writer, type WriteContext } from '../database/writer.js';
import { Tenant } from '../inventory/tenant.entity.js';
import { LivePublisher } from '../realtime/live-publisher.js';
import { liveRooms } from '../realtime/live-rooms.js';
import { toUserDto } from './user.mapper.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly writer: Writer,
    private readonly sessions: SessionService,
    private readonly publisher: LivePublisher,
  ) {}

  list(query: PageQuery): Promise<Page<UserDto>> {
    const where: FilterQuery<User> = query.search
      ? {
          $or: [
            { username: { $like: containsPattern(query.search.toLowerCase()) } },
            { displayName: { $like: containsPattern(query.search) } },
          ],
        }
      : {};
    return keysetPage(this.em.fork(), User, where, query, toUserDto, ['tenant']);
  }

  async get(id: number): Promise<UserDto> {
    const user = await this.em.fork().findOne(User, { id }, { populate: ['tenant'] });
    if (!user) throw notFound('User');
    return toUserDto(user);
  }

  create(input: CreateUser): Promise<UserDto> {
    return this.writer.run(async (tx) => {
      if (await tx.em.count(User, { username: input.username })) {
        throw new DomainError('conflict', 'This username is taken', {
          fields: [{ path: 'username', message: 'already taken' }],
        });
      }
      const user = tx.em.create(User, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        tenant: await this.tenantRef(tx, input.tenantId),
        locale: input.locale,
        passwordHash: await hashPassword(input.password),
        active: true,
      });
      await tx.em.flush();
      const dto = toUserDto(user);
      await tx.audit({ action: 'user.create', entityType: 'User', entityId: user.id, after: dto });
      tx.announce('user.created', dto, [liveRooms.role('admin')]);
      return dto;
    });
  }

  async update(id: number, change: UpdateUser): Promise<UserDto> {
    let signOut = false;
    const dto = await this.writer.run(async (tx) => {
      const user = await tx.em.findOne(User, { id }, { populate: ['tenant'] });
      if (!user) throw notFound('User');
      const before = toUserDto(user);
      if (user.version !== change.version) throw staleVersion(before);
      const role = change.role ?? user.role;
      const tenantId = change.tenantId !== undefined ? change.tenantId : (user.tenant?.id ?? null);
      if ((role === 'client_viewer') !== (tenantId !== null)) {
        throw new DomainError(
          'validation_failed',
          'A client viewer, and only a client viewer, belongs to a tenant',
          {
            fields: [{ path: 'tenantId', message: 'must be set for client viewers only' }],
          },
        );
      }
      if (change.displayName !== undefined) user.displayName = change.displayName;
      if (change.locale !== undefined) user.locale = change.locale;
      if (change.active !== undefined) user.active = change.active;
      user.role = role;
      user.tenant = await this.tenantRef(tx, tenantId);
      if (change.password !== undefined) user.passwordHash = await hashPassword(change.password);
      // Access changes take effect at once: their sessions end and their sockets are dropped.
      signOut =
        role !== before.role ||
        tenantId !== before.tenantId ||
        user.active === false ||
        change.password !== undefined;
      if (signOut) await this.sessions.closeAllOf(tx.em, user.id);
      await tx.em.flush();
      const after = toUserDto(user);
      // The hash never goes into the trail, but the fact that the password was reset does.
      const audited = change.password !== undefined ? { ...after, passwordReset: true } : after;
      await tx.audit({
        action: 'user.update',
        entityType: 'User',
        entityId: user.id,
        before,
        after: audited,
      });
      tx.announce('user.updated', after, [liveRooms.role('admin'), liveRooms.user(user.id)]);
      return after;
    });
    if (signOut) this.publisher.disconnectUser(id);
    return dto;
  }

  private async tenantRef(tx: WriteContext, tenantId: number | null): Promise<Tenant | null> {
    if (tenantId === null) return null;
    const tenant = await tx.em.findOne(Tenant, { id: tenantId });
    if (!tenant) {
      throw new DomainError('validation_failed', 'Unknown tenant', {
        fields: [{ path: 'tenantId', message: 'no such tenant' }],
      });
    }
    return tenant;
  }
}
