import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { createTranslate } from '../../../lib/i18n/translate';
import { writeErrors } from './write-errors';

const t = createTranslate('fr');

describe('refused inventory writes, worded for the form', () => {
  it('puts a 409 overlap beside the position field, led by what went wrong', () => {
    const error = new ApiError(409, {
      code: 'conflict',
      message: 'Overlaps srv-01 at U10–U11 (front, full depth)',
      fields: [{ path: 'position', message: 'taken by device srv-01 (id 7)' }],
    });
    const refused = writeErrors(error, t, 'Position déjà occupée.', 'Position impossible.');
    expect(refused.fields).toEqual({ position: 'Position déjà occupée. taken by device srv-01 (id 7)' });
    expect(refused.form).toBe('Position déjà occupée. Overlaps srv-01 at U10–U11 (front, full depth)');
  });

  it('words a 422 rule the same way', () => {
    const error = new ApiError(422, {
      code: 'rule_violation',
      message: 'A zero-U device is mounted beside the units',
      fields: [{ path: 'body.position', message: 'zero-U' }],
    });
    expect(writeErrors(error, t, 'Occupée.', 'Impossible.').fields).toEqual({
      position: 'Impossible. zero-U',
    });
  });

  it('leaves other errors to the generic message', () => {
    const error = new ApiError(400, {
      code: 'validation_failed',
      message: 'bad',
      fields: [{ path: 'name', message: 'required' }],
    });
    expect(writeErrors(error, t, 'Occupée.', 'Impossible.')).toEqual({
      fields: { name: 'required' },
      form: 'Certains champs sont invalides.',
    });
    expect(writeErrors(new TypeError('fetch failed'), t, 'x', 'y')).toEqual({
      fields: {},
      form: 'Le serveur est injoignable. Vérifiez la connexion réseau.',
    });
  });
});
