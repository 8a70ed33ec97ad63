import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from './request-context.js';

const validRequestId = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives every request an id (echoed in `X-Request-Id`, kept in the audit trail) and a context. */
export function requestContextMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.header('x-request-id');
  const requestId = given && validRequestId.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', requestId);
  requestContext.run({ requestId, ip: request.ip ?? 'unknown' }, next);
}
