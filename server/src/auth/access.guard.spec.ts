import 'reflect-metadata';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/domain-error.js';
import { requestContext, type Actor } from '../common/request-context.js';
import { Allow, Public } from './access.decorator.js';
import { AccessGuard } from './access.guard.js';
import type { SessionService } from './session.service.js';

class Routes {
  undeclared(): void {}
  @Public()
  open(): void {}
  @Allow('user.manage')
  admins(): void {}
}

const technician: Actor = {
  id: 7,
  username: 'tech',
  displayName: 'Tech',
  role: 'technician',
  tenantId: null,
};

function contextFor(handler: keyof Routes): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => Object.getOwnPropertyDescriptor(Routes.prototype, handler)?.value as unknown,
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ headers: { cookie: 'vigie_session=x' } }) }),
  } as unknown as ExecutionContext;
}

function guardWith(actor: Actor | undefined): AccessGuard {
  const sessions = {
    resolve: () => Promise.resolve(actor ? { actor, session: { id: 'session-id' } } : undefined),
  } as unknown as SessionService;
  return new AccessGuard(new Reflector(), sessions);
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (error: unknown) => (error instanceof DomainError ? error.code : 'other'),
  );

describe('AccessGuard', () => {
  it('denies a route that declares no access rule, even to a signed-in user', async () => {
    expect(await codeOf(guardWith(technician).canActivate(contextFor('undeclared')))).toBe('forbidden');
  });

  it('lets anyone through a public route', async () => {
    expect(await codeOf(guardWith(undefined).canActivate(contextFor('open')))).toBe('allowed');
  });

  it('asks anonymous callers to sign in, and refuses roles without the permission', async () => {
    expect(await codeOf(guardWith(undefined).canActivate(contextFor('admins')))).toBe('unauthenticated');
    expect(await codeOf(guardWith(technician).canActivate(contextFor('admins')))).toBe('forbidden');
  });

  it('records the actor in the request context for the audit trail and tenant scoping', async () => {
    const admin: Actor = { ...technician, role: 'admin' };
    const store = { requestId: 'req-1', ip: '127.0.0.1' } as Parameters<typeof requestContext.run>[0];
    await requestContext.run(store, () => guardWith(admin).canActivate(contextFor('admins')));
    expect(store.actor).toEqual(admin);
    expect(store.sessionId).toBe('session-id');
  });
});
