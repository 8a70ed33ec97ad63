import { z } from 'zod';

/** Machine-readable error codes; the HTTP status is derived from the code on the server. */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'stale_version',
  'rule_violation',
  'too_many_requests',
  'service_unavailable',
  'storage_full',
  'internal_error',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * What is wrong with a field, for clients that word it in the user's language (`message` stays
 * English for API users). Absent when the rule has no generic wording (a domain rule, a custom check).
 */
export const fieldErrorCodes = [
  'required',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'invalid_type',
  'not_multiple_of',
  'unknown_fields',
] as const;
export const fieldErrorCodeSchema = z.enum(fieldErrorCodes);
export type FieldErrorCode = z.infer<typeof fieldErrorCodeSchema>;

export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: fieldErrorCodeSchema.optional(),
  /** The rule's figures, e.g. `{ minimum: 2, origin: 'string' }`, `{ values: 'a, b' }`. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The one error body of DESIGN.md §5. `current` carries the entity's state on a 409. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
    current: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
