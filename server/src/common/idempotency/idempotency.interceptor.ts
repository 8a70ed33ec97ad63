import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { idempotencyKeyHeader, idempotencyKeySchema, idempotentReplayHeader } from '@vigie/shared';
import type { Request, Response } from 'express';
import { catchError, defer, from, mergeMap, type Observable, of } from 'rxjs';
import { DomainError } from '../domain-error.js';
import { requestContext } from '../request-context.js';
import { holdClaim } from './idempotency-claims.js';
import { type IdempotencyClaim, IdempotencyStore } from './idempotency-store.js';

/** What makes two requests "the same": method, URL (query included) and JSON body. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([method, url, body ?? null]))
    .digest('hex');
}

/** The status the route answers on success (its `@HttpCode`, else Nest's default). */
function successStatusOf(context: ExecutionContext, method: string): number {
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
  return declared ?? (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
}

/**
 * Applied by `@Idempotent()`. Without the header the request runs as usual. With it: a key already
 * answered gets that first answer again without running; a new key runs, and its answer is stored
 * in the write's own transaction (via the Writer). Two requests with the same key at once: the
 * one that commits second rolls back and answers the first one's answer. The same key with another
 * request gets 422. A request that fails writes nothing and stores nothing: a retry runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly store: IdempotencyStore;

  constructor(em: EntityManager) {
    this.store = new IdempotencyStore(em);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.header(idempotencyKeyHeader);
    if (header === undefined) return next.handle();
    const key = idempotencyKeySchema.safeParse(header);
    if (!key.success) {
      throw new DomainError('validation_failed', `Invalid ${idempotencyKeyHeader} header`, {
        fields: [{ path: idempotencyKeyHeader, message: key.error.issues[0]?.message ?? 'invalid' }],
      });
    }
    const actor = requestContext.current()?.actor;
    if (!actor) throw new DomainError('unauthenticated', 'Sign in first');
    const claim: IdempotencyClaim = {
      userId: actor.id,
      key: key.data,
      fingerprint: requestFingerprint(request.method, request.originalUrl, request.body),
      status: successStatusOf(context, request.method),
    };
    const replay = (body: unknown) => {
      response.setHeader(idempotentReplayHeader, 'true');
      return body;
    };

    return defer(() => from(this.store.answerFor(claim))).pipe(
      mergeMap((first) => {
        if (first) return of(replay(first.body));
        holdClaim(claim);
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.store.complete(claim, body);
            return body;
          }),
          // Failed, perhaps because a request with the same key committed first: then its answer is ours.
          catchError(async (error: unknown) => {
            const answered = await this.store.answerFor(claim);
            if (answered) return replay(answered.body);
            throw error;
          }),
        );
      }),
    );
  }
}
