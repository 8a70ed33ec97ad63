import { describe, expect, it } from 'vitest';
import { readSelection, scopeQueryOf, selectionParams, steeringExportUrl } from './report-selection';

const defaults = { subject: 3, period: { from: '2026-10-01', to: '2026-10-31' } };

describe('report selection in the URL', () => {
  it('fills what the URL leaves out with the defaults', () => {
    expect(readSelection(new URLSearchParams(), defaults)).toEqual({
      subject: 3,
      site: null,
      from: '2026-10-01',
      to: '2026-10-31',
    });
  });

  it('reads a tenant, the overview, a site and dates, and writes them back the same', () => {
    const params = new URLSearchParams('tenant=overview&site=2&from=2026-07-01&to=2026-09-30');
    const selection = readSelection(params, defaults);
    expect(selection).toEqual({ subject: 'overview', site: 2, from: '2026-07-01', to: '2026-09-30' });
    expect(selectionParams({ ...selection, subject: 'overview' }).toString()).toBe(params.toString());
    expect(readSelection(new URLSearchParams('tenant=5'), defaults).subject).toBe(5);
    expect(readSelection(new URLSearchParams('tenant=abc&site=-1'), defaults)).toMatchObject({
      subject: 3,
      site: null,
    });
  });

  it('asks the API for the overview by leaving the tenant out', () => {
    expect(scopeQueryOf({ subject: 'overview', site: null, from: '2026-10-01', to: '2026-10-31' })).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(scopeQueryOf({ subject: 4, site: 1, from: '2026-10-01', to: '2026-10-31' })).toEqual({
      tenant: 4,
      site: 1,
      from: '2026-10-01',
      to: '2026-10-31',
    });
  });

  it('links the PDF pack and each CSV table in the interface language', () => {
    const scope = { tenant: 4, from: '2026-10-01', to: '2026-10-31' };
    expect(steeringExportUrl(scope, 'en')).toBe(
      '/api/reports/steering?tenant=4&from=2026-10-01&to=2026-10-31&format=pdf&lang=en',
    );
    expect(steeringExportUrl(scope, 'fr', 'sla')).toBe(
      '/api/reports/steering?tenant=4&from=2026-10-01&to=2026-10-31&format=csv&table=sla&lang=fr',
    );
  });
});
