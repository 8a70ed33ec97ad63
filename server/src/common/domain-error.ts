import type { ErrorCode, FieldError } from '@vigie/shared';

/** A failure the user can act on; mapped to the one error format and an HTTP status in `error.filter.ts`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldError[]; current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const staleVersion = (current: unknown) =>
  new DomainError('stale_version', 'This record was changed by someone else; reload and try again', {
    current,
  });
