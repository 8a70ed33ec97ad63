import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { idempotencyKeyHeader, idempotencyKeyTtlHours } from '@vigie/shared';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

/**
 * Marks a signed-in write route as safe to retry with an `Idempotency-Key` header (DESIGN.md §5).
 * The route's answer must be what its service's `writer.run` returned (thin controller), since that
 * is the answer stored with the commit.
 */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: idempotencyKeyHeader,
      required: false,
      description: `Makes a retry safe: the same key and request within ${idempotencyKeyTtlHours} h get the first answer again, written once.`,
    }),
  );
