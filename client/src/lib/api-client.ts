import { errorBodySchema, type ErrorBody, type ErrorCode, type FieldError } from '@vigie/shared';
import type { z } from 'zod';

/** A non-2xx answer from the API, carrying the one error body of DESIGN.md §5. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly current: unknown;
  /** From the Retry-After header on 429/503, when the server sends one. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: ErrorBody['error'], retryAfterSeconds: number | null = null) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.current = body.current;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The server answered 2xx with a body that does not match the shared schema. */
export class ResponseShapeError extends Error {
  constructor(path: string, issues: z.core.$ZodIssue[]) {
    super(
      `Unexpected response from ${path}: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
    this.name = 'ResponseShapeError';
  }
}

type UnauthenticatedHandler = () => void;
let onUnauthenticated: UnauthenticatedHandler = () => undefined;

/** Called on any 401 (except where a call opts out): the app goes back to the sign-in page. */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` on a write the client may retry. */
  headers?: Record<string, string>;
  /** For calls whose 401 is an expected answer (sign-in, "who am I"). */
  skipUnauthenticatedHandler?: boolean;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function statusToCode(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'too_many_requests';
  if (status === 503) return 'service_unavailable';
  if (status === 507) return 'storage_full';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'internal_error';
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): fall back to the status.
  }
  const parsed = errorBodySchema.safeParse(json);
  const body = parsed.success
    ? parsed.data.error
    : { code: statusToCode(response.status), message: response.statusText || `HTTP ${response.status}` };
  return new ApiError(response.status, body, retryAfterSeconds);
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  // A FormData body is sent as multipart: the browser sets its Content-Type with the boundary.
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  const response = await fetch(buildUrl(path, options.query), {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    body:
      options.body instanceof FormData || options.body === undefined
        ? options.body
        : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !options.skipUnauthenticatedHandler) onUnauthenticated();
    throw error;
  }
  return response;
}

/** Sends a request and validates the JSON answer against a shared schema. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await send(path, options);
  const json: unknown = await response.json();
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ResponseShapeError(path, parsed.error.issues);
  return parsed.data;
}

/** For requests answered 204 No Content (or whose body the client ignores). */
export async function apiRequestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
