import { describe, expect, it } from 'vitest';
import { csvExportHref, formatCsvValue } from './csv-export';

describe('CSV export links', () => {
  it('carry the list filters and the search, without empty values', () => {
    expect(
      csvExportHref('racks', { siteId: 1, roomId: undefined, status: 'active', tenantId: '' }, ' A0 '),
    ).toBe('/api/racks/export?siteId=1&status=active&search=A0');
  });

  it('are bare when nothing is filtered', () => {
    expect(csvExportHref('devices', {}, '')).toBe('/api/devices/export');
  });

  it('encode what they carry', () => {
    expect(csvExportHref('devices', {}, 'a&b=c')).toBe('/api/devices/export?search=a%26b%3Dc');
  });
});

describe('import preview values', () => {
  it('show none as ∅, scalars as they are, anything else as JSON', () => {
    expect([null, undefined, '', 'A01', 42, false].map(formatCsvValue)).toEqual([
      '∅',
      '∅',
      '∅',
      'A01',
      '42',
      'false',
    ]);
    expect(formatCsvValue({ a: 1 })).toBe('{"a":1}');
  });
});
