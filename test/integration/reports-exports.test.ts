import { errorBodySchema, steeringReportSchema, type SteeringReport } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../server/src/inventory/csv.js';
import { pdfPageCount, pdfText } from '../fixtures/pdf-text.js';
import { ok, tenantIdsOf } from './support/inventory-fixtures.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

/** The last whole calendar month before today: the demo history covers it. */
function lastMonth(): { from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

describe('steering report exports over HTTP', () => {
  let t: TestApp;
  let manager: ApiClient;
  let viewer: ApiClient;
  let tenants: Record<string, number>;
  const { from, to } = lastMonth();
  const query = (tenant: number, extra: string) =>
    `/api/reports/steering?tenant=${tenant}&from=${from}&to=${to}${extra}`;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await signedIn(t.url, 'manager');
    viewer = await signedIn(t.url, 'viewer');
    tenants = await tenantIdsOf(await signedIn(t.url, 'admin'));
  });
  afterAll(() => t.close());

  const reportOf = async (tenant: number): Promise<SteeringReport> =>
    ok(await manager.get(query(tenant, '')), (value) => steeringReportSchema.parse(value));

  it('answers the PDF pack as an attachment named after the client and the period', async () => {
    const nova = tenants.NOVA!;
    const report = await reportOf(nova);
    const response = await manager.get(query(nova, '&format=pdf&lang=en'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="steering-NOVA-${from}-${to}.pdf"`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBeGreaterThanOrEqual(3);
    const text = pdfText(bytes);
    expect(text).toContain('Steering committee');
    if (report.scope.kind !== 'tenant') throw new Error('a tenant report was expected');
    expect(text).toContain(`${report.scope.tenant.name} (NOVA)`);
    if (report.scope.contract) expect(text).toContain(report.scope.contract.reference);
    expect(text).toContain(report.timeZone);
  });

  it('answers one CSV table at a time, headed in the requested language, with the JSON report’s figures', async () => {
    const nova = tenants.NOVA!;
    const report = await reportOf(nova);
    const summary = await manager.get(query(nova, '&format=csv&table=summary&lang=en'));
    expect(summary.status).toBe(200);
    expect(summary.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(summary.headers.get('content-disposition')).toBe(
      `attachment; filename="steering-NOVA-${from}-${to}-summary.csv"`,
    );
    const [header, ...rows] = parseCsv(await summary.text());
    expect(header?.slice(0, 6)).toEqual([
      'Section',
      'Indicator',
      'Unit',
      'Period',
      'Previous period',
      'Change',
    ]);
    const incidents = rows.find((row) => row[1] === 'Incidents opened');
    expect(incidents?.slice(3, 5)).toEqual([
      String(report.current.volume.total),
      String(report.previous.volume.total),
    ]);

    const weekly = await manager.get(query(nova, '&format=csv&table=weekly'));
    expect(weekly.headers.get('content-disposition')).toContain('-weekly.csv"');
    const [weeklyHeader, ...weeks] = parseCsv(await weekly.text());
    expect(weeklyHeader?.[0]).toBe('Semaine du');
    expect(weeks.map((row) => row[0])).toEqual(report.weeks.map((week) => week.weekStart));

    const [slaHeader, ...sla] = parseCsv(
      await (await manager.get(query(nova, '&format=csv&table=sla'))).text(),
    );
    expect(slaHeader?.slice(0, 4)).toEqual(['Mesure', 'Priorité', 'Respectés', 'Terminés']);
    expect(sla).toHaveLength(3 * 6);
  });

  it('refuses a CSV export that names no table, saying which field is missing', async () => {
    const response = await manager.get(query(tenants.NOVA!, '&format=csv'));
    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(await response.json());
    expect(body.error.fields?.map((field) => field.path)).toContain('table');
  });

  it('lets a client viewer export its own tenant only: another tenant is not found', async () => {
    const own = await viewer.get(query(tenants.NOVA!, '&format=pdf'));
    expect(own.status).toBe(200);
    expect(
      Buffer.from(await own.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    for (const extra of ['&format=pdf', '&format=csv&table=summary']) {
      const response = await viewer.get(query(tenants.KORE!, extra));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
    }
  });
});
