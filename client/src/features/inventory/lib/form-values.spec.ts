import { describe, expect, it } from 'vitest';
import { changedFields, formValueOf, recordValueOf } from './form-values';

describe('edit form values', () => {
  it('shows nulls as empty fields and reads them back as null only where the field is optional', () => {
    expect(formValueOf(null, 'optional-number')).toBe('');
    expect(formValueOf(1.35, 'number')).toBe('1.35');
    expect(formValueOf(true, 'checkbox')).toBe(true);
    expect(recordValueOf('', 'optional-number')).toBeNull();
    expect(recordValueOf('', 'number')).toBeUndefined();
    expect(recordValueOf('1,4', 'optional-number')).toBe(1.4);
    expect(recordValueOf('', 'optional-select')).toBeNull();
  });

  it('sends the version and only what changed', () => {
    const site = { id: 1, version: 4, name: 'Paris Nord 1', pueTarget: 1.35, address: '' };
    const kinds = { name: 'text', pueTarget: 'optional-number', address: 'text' } as const;
    expect(changedFields(site, { name: ' Paris Nord 1 ', pueTarget: '1,35', address: '' }, kinds)).toEqual({
      version: 4,
    });
    expect(changedFields(site, { name: 'Paris Nord', pueTarget: '', address: '' }, kinds)).toEqual({
      version: 4,
      name: 'Paris Nord',
      pueTarget: null,
    });
  });
});
