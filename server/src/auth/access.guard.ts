import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can } from '@vigie/shared';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error.js';
import { requestContext } from '../common/request-context.js';
import { accessKey, type AccessRule } from './access.decorator.js';
import { SessionService } from './session.service.js';

/**
 * Applies the role table of DESIGN.md §4 to every HTTP route. Deny by default: a route that
 * declares no access rule answers 403 to everyone.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(accessKey, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new DomainError('forbidden', 'This route declares no access rule');
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<Request>();
    const authenticated = await this.sessions.resolve(request.headers.cookie);
    if (!authenticated) throw new DomainError('unauthenticated', 'Sign in first');
    const store = requestContext.current();
    if (store) {
      store.actor = authenticated.actor;
      store.sessionId = authenticated.session.id;
    }
    if (rule.kind === 'permission' && !can(authenticated.actor.role, rule.permission)) {
      throw new DomainError('forbidden', 'Your role does not allow this');
    }
    return true;
  }
}
