import { createParamDecorator } from '@nestjs/common';
import { DomainError } from './domain-error.js';
import { requestContext, type Actor } from './request-context.js';

/** The signed-in actor, set by AccessGuard. */
export const CurrentActor = createParamDecorator((): Actor => {
  const actor = requestContext.current()?.actor;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in first');
  return actor;
});

/** The id of the current session, set by AccessGuard. */
export const CurrentSessionId = createParamDecorator((): string => {
  const sessionId = requestContext.current()?.sessionId;
  if (!sessionId) throw new DomainError('unauthenticated', 'Sign in first');
  return sessionId;
});
