import { describe, expect, it } from 'vitest';
import { hasFilters, readEnumParam, readIdParam, withFilter } from './list-filters';

describe('list filters in the query string', () => {
  it('reads ids, ignoring anything that is not a positive integer', () => {
    const params = new URLSearchParams('siteId=2&roomId=abc&rackId=0&tenantId=-3&deviceTypeId=1.5');
    expect(readIdParam(params, 'siteId')).toBe(2);
    expect(readIdParam(params, 'roomId')).toBeUndefined();
    expect(readIdParam(params, 'rackId')).toBeUndefined();
    expect(readIdParam(params, 'tenantId')).toBeUndefined();
    expect(readIdParam(params, 'deviceTypeId')).toBeUndefined();
    expect(readIdParam(params, 'missing')).toBeUndefined();
  });

  it('reads known enum values only', () => {
    const statuses = ['active', 'planned'] as const;
    expect(readEnumParam(new URLSearchParams('status=active'), 'status', statuses)).toBe('active');
    expect(readEnumParam(new URLSearchParams('status=ACTIVE'), 'status', statuses)).toBeUndefined();
  });

  it('sets and clears one filter, keeping the others', () => {
    const params = new URLSearchParams('status=active&tenantId=3');
    expect(withFilter(params, 'tenantId', 4).toString()).toBe('status=active&tenantId=4');
    expect(withFilter(params, 'tenantId', '').toString()).toBe('status=active');
    expect(withFilter(params, 'tenantId', undefined).toString()).toBe('status=active');
    // The input is left alone.
    expect(params.toString()).toBe('status=active&tenantId=3');
  });

  it('drops the narrower filters when a wider one changes', () => {
    const params = new URLSearchParams('siteId=1&roomId=2&rackId=3&status=active');
    expect(withFilter(params, 'siteId', 5).toString()).toBe('siteId=5&status=active');
    expect(withFilter(params, 'roomId', 4).toString()).toBe('siteId=1&roomId=4&status=active');
  });

  it('tells whether any filter is set', () => {
    expect(hasFilters(new URLSearchParams('q=x'), ['siteId', 'status'])).toBe(false);
    expect(hasFilters(new URLSearchParams('status=active'), ['siteId', 'status'])).toBe(true);
  });
});
