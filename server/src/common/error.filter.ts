import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { toErrorResponse } from './error-body.js';

export function sendError(response: Response, error: unknown): void {
  const { status, body, retryAfterSeconds } = toErrorResponse(error);
  if (retryAfterSeconds) response.setHeader('Retry-After', String(retryAfterSeconds));
  response.status(status).json(body);
}

/** The one place where every HTTP failure becomes the documented error body. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    sendError(response, error);
  }
}
