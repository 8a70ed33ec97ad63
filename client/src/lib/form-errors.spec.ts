import { createUserSchema } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { apiFieldErrors, fieldErrorMessage, zodFieldErrors } from './form-errors';
import { ApiError } from './api-client';
import { createTranslate } from './i18n/translate';

const t = createTranslate('fr');

describe('zodFieldErrors', () => {
  it('words the shared schema’s issues for each field, in the user’s language', () => {
    const parsed = createUserSchema.safeParse(
      {
        username: '',
        displayName: 'Nina',
        role: 'technician',
        tenantId: null,
        locale: 'fr',
        password: 'court',
      },
      { reportInput: true },
    );
    expect(parsed.success).toBe(false);
    expect(zodFieldErrors(parsed.error?.issues ?? [], t)).toEqual({
      username: 'Ce champ est obligatoire.',
      password: 'Au moins 10 caractères.',
    });
  });

  it('lets a form override a rule’s wording', () => {
    const parsed = createUserSchema.safeParse({
      username: 'nina',
      displayName: 'Nina',
      role: 'client_viewer',
      tenantId: null,
      locale: 'fr',
      password: 'une longue phrase',
    });
    const errors = zodFieldErrors(parsed.error?.issues ?? [], t, (issue) =>
      issue.code === 'custom' ? t('validation.tenantRequired') : undefined,
    );
    expect(errors).toEqual({ tenantId: 'Choisissez le client de cet utilisateur.' });
  });
});

describe('apiFieldErrors', () => {
  it('keys the server’s field errors by path, whatever the path notation', () => {
    const error = new ApiError(400, {
      code: 'validation_failed',
      message: 'Invalid body',
      fields: [
        { path: 'password', message: 'too short' },
        { path: 'body.username', message: 'taken' },
        { path: '/tenantId', message: 'required' },
      ],
    });
    expect(apiFieldErrors(error)).toEqual({ password: 'too short', username: 'taken', tenantId: 'required' });
  });
});

describe('fieldErrorMessage', () => {
  it('words the server’s coded field errors in French, and keeps a domain rule’s own message', () => {
    const cases = [
      [{ code: 'required' }, 'Ce champ est obligatoire.'],
      [
        { code: 'too_small', params: { minimum: 2, origin: 'string', inclusive: 'true' } },
        'Au moins 2 caractères.',
      ],
      [{ code: 'too_big', params: { maximum: 200, origin: 'number', inclusive: 'true' } }, 'Au plus 200.'],
      [
        { code: 'too_small', params: { minimum: 0, origin: 'number', inclusive: 'false' } },
        'Doit être supérieur à 0.',
      ],
      [{ code: 'invalid_value', params: { values: 'front, rear' } }, 'Valeur attendue : front, rear.'],
      [{ code: 'not_multiple_of', params: { divisor: 0.5 } }, 'Doit être un multiple de 0.5.'],
      [{ code: 'invalid_format', params: { format: 'regex' } }, 'Format invalide.'],
      [{}, 'Rack A01 belongs to another tenant'],
    ] as const;
    for (const [coded, expected] of cases) {
      expect(
        fieldErrorMessage({ path: 'x', message: 'Rack A01 belongs to another tenant', ...coded }, t),
      ).toBe(expected);
    }
  });

  it('is used by apiFieldErrors when given the translator, in English too', () => {
    const error = new ApiError(400, {
      code: 'validation_failed',
      message: 'The request is invalid',
      fields: [
        {
          path: 'powerBudgetKw',
          message: 'Too big',
          code: 'too_big',
          params: { maximum: 200, origin: 'number' },
        },
      ],
    });
    expect(apiFieldErrors(error, t)).toEqual({ powerBudgetKw: 'Au plus 200.' });
    expect(apiFieldErrors(error, createTranslate('en'))).toEqual({ powerBudgetKw: 'At most 200.' });
    expect(apiFieldErrors(error)).toEqual({ powerBudgetKw: 'Too big' });
  });
});
