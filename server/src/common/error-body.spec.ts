import { createRackSchema, createSiteSchema, placementQuerySchema } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { fieldErrorsOf, isDatabaseUnavailable, toErrorResponse } from './error-body.js';

const errorsOf = (result: { error?: ZodError }) => fieldErrorsOf(result.error!);

describe('fieldErrorsOf', () => {
  it('gives each common issue a language-neutral code and its figures, keeping the English message', () => {
    const fields = errorsOf(
      createSiteSchema.safeParse({
        code: 'par 1',
        name: '',
        timeZone: 'Europe/Paris',
        countryCode: 'FR',
        pueTarget: 9,
        extra: true,
      }),
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'code', code: 'invalid_format', params: { format: 'regex' } }),
        expect.objectContaining({ path: 'name', code: 'required' }),
        expect.objectContaining({
          path: 'pueTarget',
          code: 'too_big',
          params: { maximum: 5, origin: 'number', inclusive: 'true' },
        }),
        expect.objectContaining({ path: '', code: 'unknown_fields', params: { keys: 'extra' } }),
      ]),
    );
    expect(fields.find((field) => field.path === 'code')?.message).toBe(
      'capital letters, digits and dashes only',
    );
  });

  it('tells a missing value from a wrong one, and names the allowed values of an enum', () => {
    const fields = errorsOf(
      createRackSchema.safeParse({ name: 'A01', rowLabel: 'A', gridX: 1.5, gridY: 0, status: 'broken' }),
    );
    const byPath = Object.fromEntries(fields.map((field) => [field.path, field]));
    expect(byPath.roomId).toMatchObject({ code: 'required' });
    expect(byPath.gridX).toMatchObject({ code: 'invalid_type', params: { expected: 'int' } });
    expect(byPath.status).toMatchObject({
      code: 'invalid_value',
      params: { values: 'planned, active, reserved, decommissioned' },
    });
  });

  it('reports steps and exclusive bounds', () => {
    const fields = errorsOf(placementQuerySchema.safeParse({ units: '1.25', watts: '100' }));
    expect(fields).toEqual([
      expect.objectContaining({ path: 'units', code: 'not_multiple_of', params: { divisor: 0.5 } }),
    ]);
    const [positive] = errorsOf(placementQuerySchema.safeParse({ units: '0', watts: '100' }));
    expect(positive).toMatchObject({
      code: 'too_small',
      params: { minimum: 0, origin: 'number', inclusive: 'false' },
    });
  });
});

/** An error as better-sqlite3 throws it, wrapped the way the ORM wraps driver errors. */
function sqliteError(code: string): Error {
  const cause = Object.assign(new Error(`${code} from the driver`), { code });
  return Object.assign(new Error('query failed'), { cause });
}

describe('toErrorResponse for database failures', () => {
  it('answers a full disk 507 storage_full, saying nothing was saved', () => {
    const response = toErrorResponse(sqliteError('SQLITE_FULL'));
    expect(response.status).toBe(507);
    expect(response.body.error.code).toBe('storage_full');
    expect(response.body.error.message).toMatch(/nothing was saved/);
    expect(response.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('answers a read-only or failing disk 503 service_unavailable with Retry-After', () => {
    for (const code of [
      'SQLITE_READONLY',
      'SQLITE_READONLY_DBMOVED',
      'SQLITE_IOERR_WRITE',
      'SQLITE_CANTOPEN',
    ]) {
      const response = toErrorResponse(sqliteError(code));
      expect(response.status, code).toBe(503);
      expect(response.body.error.code, code).toBe('service_unavailable');
      expect(response.retryAfterSeconds, code).toBeGreaterThan(0);
    }
  });

  it('answers a lock held by another process 503 with a short Retry-After', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']) {
      const response = toErrorResponse(sqliteError(code));
      expect(response.status, code).toBe(503);
      expect(response.body.error.message, code).toMatch(/busy/);
      expect(response.retryAfterSeconds, code).toBe(1);
    }
  });

  it('tells which failures mean the database cannot take writes now', () => {
    expect(isDatabaseUnavailable(sqliteError('SQLITE_BUSY'))).toBe(true);
    expect(isDatabaseUnavailable(sqliteError('SQLITE_FULL'))).toBe(true);
    expect(isDatabaseUnavailable(sqliteError('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('anything else'))).toBe(false);
  });
});
