import { createUserSchema } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { apiFieldErrors, zodFieldErrors } from './form-errors';
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
