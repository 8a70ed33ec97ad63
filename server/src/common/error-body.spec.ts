import { createRackSchema, createSiteSchema, placementQuerySchema } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { fieldErrorsOf } from './error-body.js';

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
