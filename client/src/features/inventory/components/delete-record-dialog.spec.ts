import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../../lib/i18n/translate';
import { usesOf } from './delete-record-dialog';

describe('usesOf', () => {
  it('words what still uses a record from the fields of a 409, in French and English', () => {
    const fields = [
      { path: 'racks', message: '3' },
      { path: 'contracts', message: '1' },
      { path: 'other_records', message: '1' },
    ];
    expect(usesOf(fields, createTranslate('fr'))).toBe(
      '3 baie(s), 1 contrat(s), des enregistrements d’autres modules (incidents…)',
    );
    expect(usesOf(fields, createTranslate('en'))).toBe(
      '3 rack(s), 1 contract(s), records of other modules (incidents…)',
    );
  });
});
