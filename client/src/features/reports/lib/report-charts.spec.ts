import { steeringReportSchema } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../../lib/i18n/translate';
import { chartHasData, percentDomain, reportCharts } from './report-charts';
import { periodIsEmpty } from './report-content';
import { sampleFigures, sampleSteeringReport } from './sample-report';

describe('sample report', () => {
  it('matches the shared contract', () => {
    expect(steeringReportSchema.safeParse(sampleSteeringReport()).success).toBe(true);
  });
});

describe('reportCharts', () => {
  const report = sampleSteeringReport();

  it('gives one row per week and one series per priority or metric, labelled in the language', () => {
    const [incidents, sla] = reportCharts(report.weeks, createTranslate('en'), 'en');
    expect(incidents?.rows.map((row) => row.label)).toEqual(['1 Oct', '5 Oct', '12 Oct', '19 Oct', '26 Oct']);
    expect(incidents?.series.map((series) => series.label)).toEqual([
      'P0 major',
      'P1 critical',
      'P2 high',
      'P3 medium',
      'P4 low',
    ]);
    expect(incidents?.rows[1]?.values).toEqual({ P0: 1, P1: 2, P2: 3, P3: 4, P4: 5 });
    expect(sla?.series.map((series) => series.key)).toEqual(['ack', 'restore', 'resolve']);
    expect(sla?.rows[0]?.values.resolve).toBeNull();
  });

  it('tells lines apart by dash as well as colour (print, colour blindness)', () => {
    const sla = reportCharts(report.weeks, createTranslate('fr'), 'fr')[1]!;
    const dashes = sla.series.map((series) => series.dash ?? 'solid');
    expect(new Set(dashes).size).toBe(3);
    expect(new Set(sla.series.map((series) => series.colour)).size).toBe(3);
  });

  it('knows when a chart has nothing to draw', () => {
    const quiet = report.weeks.map((week) => ({
      ...week,
      incidentsByPriority: { P0: 0, P1: 0, P2: 0, P3: 0, P4: 0 },
    }));
    const [incidents, , , recurring] = reportCharts(quiet, createTranslate('fr'), 'fr');
    expect(chartHasData(incidents!)).toBe(false);
    expect(chartHasData(recurring!)).toBe(true);
  });
});

describe('periodIsEmpty', () => {
  it('is true only when nothing at all was recorded', () => {
    expect(periodIsEmpty(sampleFigures())).toBe(false);
    expect(periodIsEmpty(sampleFigures(0))).toBe(true);
  });
});

describe('percentDomain', () => {
  const row = (value: number | null) => ({ label: 'w', values: { a: value } });

  it('ends at 100 and starts a round step under the lowest week', () => {
    expect(percentDomain([row(99.96), row(100)])).toEqual([99.95, 100]);
    expect(percentDomain([row(91), row(null)])).toEqual([89, 100]);
    expect(percentDomain([row(10)])).toEqual([0, 100]);
    expect(percentDomain([row(null)])).toEqual([0, 100]);
  });
});
