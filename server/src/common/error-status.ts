import type { ErrorCode } from '@vigie/shared';

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'bad_request':
    case 'validation_failed':
    case 'malformed_json':
      return 400;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
    case 'stale_version':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'rule_violation':
      return 422;
    case 'too_many_requests':
      return 429;
    case 'service_unavailable':
      return 503;
    case 'storage_full':
      return 507;
    case 'internal_error':
      return 500;
  }
}
