import {
  LockWaitTimeoutException,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { HttpException, Logger } from '@nestjs/common';
import type { ErrorBody, ErrorCode, FieldError } from '@vigie/shared';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { DomainError } from './domain-error.js';
import { httpStatusOf } from './error-status.js';

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  retryAfterSeconds?: number;
}

const logger = new Logger('Errors');

function respond(code: ErrorCode, message: string, extra: Partial<ErrorBody['error']> = {}): ErrorResponse {
  return { status: httpStatusOf(code), body: { error: { code, message, ...extra } } };
}

type ZodIssue = ZodError['issues'][number];

/** The language-neutral code and figures of a validation issue, for clients to word it. */
function fieldCodeOf(issue: ZodIssue): Pick<FieldError, 'code' | 'params'> {
  switch (issue.code) {
    case 'invalid_type':
      // Zod reports no input by default; its own wording is the one sign of a missing value.
      return issue.message.endsWith('received undefined')
        ? { code: 'required' }
        : { code: 'invalid_type', params: { expected: issue.expected } };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { code: 'required' };
      return {
        code: 'too_small',
        params: {
          minimum: Number(issue.minimum),
          origin: issue.origin,
          inclusive: String(issue.inclusive ?? true),
        },
      };
    case 'too_big':
      return {
        code: 'too_big',
        params: {
          maximum: Number(issue.maximum),
          origin: issue.origin,
          inclusive: String(issue.inclusive ?? true),
        },
      };
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: issue.format } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: issue.values.map(String).join(', ') } };
    case 'not_multiple_of':
      return { code: 'not_multiple_of', params: { divisor: Number(issue.divisor) } };
    case 'unrecognized_keys':
      return { code: 'unknown_fields', params: { keys: issue.keys.join(', ') } };
    default:
      return {};
  }
}

export function fieldErrorsOf(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message:
      issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
    ...fieldCodeOf(issue),
  }));
}

const sqliteStorageCodes = new Set(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN']);
const sqliteBusyCodes = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);

function sqliteCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const isBusy = (error: unknown, sqliteCode = sqliteCodeOf(error)) =>
  error instanceof LockWaitTimeoutException || (sqliteCode !== undefined && sqliteBusyCodes.has(sqliteCode));

const isStorageFailure = (sqliteCode: string | undefined) =>
  sqliteCode !== undefined && [...sqliteStorageCodes].some((code) => sqliteCode.startsWith(code));

/** The database cannot take a write now (locked by another process, disk full, read-only, I/O error). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const sqliteCode = sqliteCodeOf(error);
  return isBusy(error, sqliteCode) || isStorageFailure(sqliteCode);
}

/** Body-parser failures reach Express's error path with a `type`; this names them. */
function bodyParserError(error: unknown): ErrorResponse | undefined {
  const type = (error as { type?: unknown }).type;
  switch (type) {
    case 'entity.parse.failed':
      return respond('malformed_json', 'The request body is not valid JSON');
    case 'entity.too.large':
      return respond('payload_too_large', 'The request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return respond('unsupported_media_type', 'Unsupported request body encoding');
    default:
      return undefined;
  }
}

const httpCodes: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'rule_violation',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** Maps any thrown value to the one error format of DESIGN.md §5; nothing internal leaks. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof DomainError) {
    const { fields, current, retryAfterSeconds } = error.details;
    const response = respond(error.code, error.message, {
      ...(fields ? { fields } : {}),
      ...(current !== undefined ? { current } : {}),
    });
    return retryAfterSeconds ? { ...response, retryAfterSeconds } : response;
  }
  if (error instanceof ZodValidationException) {
    const zodError = error.getZodError();
    const fields = zodError instanceof ZodError ? fieldErrorsOf(zodError) : [];
    return respond('validation_failed', 'The request is invalid', { fields });
  }
  const parserError = bodyParserError(error);
  if (parserError) return parserError;
  if (error instanceof OptimisticLockError) {
    return respond('stale_version', 'This record was changed by someone else; reload and try again');
  }
  if (error instanceof UniqueConstraintViolationException) {
    return respond('conflict', 'A record with the same unique value already exists');
  }
  const sqliteCode = sqliteCodeOf(error);
  if (isBusy(error, sqliteCode)) {
    return { ...respond('service_unavailable', 'The database is busy; retry shortly'), retryAfterSeconds: 1 };
  }
  if (sqliteCode?.startsWith('SQLITE_FULL')) {
    logger.error(`Storage full: ${sqliteCode}`);
    return {
      ...respond('storage_full', 'The database disk is full; nothing was saved'),
      retryAfterSeconds: 30,
    };
  }
  if (isStorageFailure(sqliteCode)) {
    logger.error(`Storage failure: ${sqliteCode}`);
    return {
      ...respond('service_unavailable', 'Storage is unavailable; nothing was saved'),
      retryAfterSeconds: 5,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = httpCodes[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
    const message = status === 404 ? 'No such resource' : error.message;
    return { status: httpStatusOf(code), body: { error: { code, message } } };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return respond('internal_error', 'An unexpected error occurred');
}
