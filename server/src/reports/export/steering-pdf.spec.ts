import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfTextLines } from '../../../../test/fixtures/pdf-text.js';
import { emptySteeringReport, sampleSteeringReport } from '../../../../test/fixtures/steering-report.js';
import { reportLabels } from './report-labels.js';
import { yRange } from './steering-charts.js';
import { steeringPdf } from './steering-pdf.js';

/** The lines of the cover: everything before the first section's heading. */
function coverOf(lines: string[], firstSection: string): string[] {
  const end = lines.indexOf(firstSection);
  expect(end).toBeGreaterThan(0);
  return lines.slice(0, end);
}

describe('steeringPdf', () => {
  it('opens with a cover naming the client, the contract, both periods and the generation time', async () => {
    const bytes = await steeringPdf(sampleSteeringReport(), 'fr');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBeGreaterThanOrEqual(4);
    const cover = coverOf(pdfTextLines(bytes), 'Respect des SLA');
    for (const expected of [
      'Comité de pilotage',
      'Acme Hébergement (ACME)',
      'CTR-2026-014',
      '24 h/24, 7 j/7',
      'Paris Nord (PAR1)',
      'depuis le 1 janv. 2026 (sans échéance)',
      'du 1 oct. 2026 au 31 oct. 2026',
      'du 1 sept. 2026 au 30 sept. 2026',
      'Europe/Paris',
      // 08:15 UTC read in Paris.
      '2 nov. 2026, 09:15',
    ])
      expect(cover).toContain(expected);
    // Key figures on the cover: the TTO adherence now and before.
    expect(cover).toContain('95,3 %');
    expect(cover.join('\n')).toContain('Préc. 92,5 % (+2,8 pt · mieux)');
  });

  it('writes every section, chart and list in English when asked', async () => {
    const bytes = await steeringPdf(sampleSteeringReport(), 'en');
    const lines = pdfTextLines(bytes);
    const cover = coverOf(lines, 'SLA adherence');
    expect(cover).toContain('Steering committee');
    expect(cover).toContain('1 Oct 2026 to 31 Oct 2026');
    expect(cover).toContain('24/7');
    const text = lines.join('\n');
    for (const heading of Object.values(reportLabels.en.sections).filter((value) => value !== 'Summary'))
      expect(lines).toContain(heading);
    for (const title of Object.values(reportLabels.en.charts).slice(0, 5)) expect(lines).toContain(title);
    // Axes and legends: the week labels, the axis title, every priority and metric.
    expect(lines).toContain('Week of');
    expect(lines).toContain('28 Sept');
    for (const name of ['P0', 'P1', 'P2', 'P3', 'P4', 'Acknowledge (TTO)', 'Restore', 'Resolve (TTR)'])
      expect(lines).toContain(name);
    // Lists: a breach, a major incident with its workaround, planned work, a step exception, a person.
    for (const item of [
      'INC-000058 (P0)',
      'INC-000044 (mitigated)',
      '#311 UPS B battery replacement',
      'torque-terminals',
    ])
      expect(text).toContain(item);
    expect(text).toContain('Groupe de secours démarré');
    expect(lines).toContain('Yanis Benali');
    expect(text).toContain('3 shown of 12');
    // Current beside previous with the trend in words.
    expect(lines).toContain('+4.5 pt · better');
    expect(lines).toContain('−2.1 pt · worse'.replace('−', '-'));
  });

  it('renders a report with zero everywhere and empty lists', async () => {
    const bytes = await steeringPdf(emptySteeringReport(), 'fr');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBeGreaterThanOrEqual(2);
    const lines = pdfTextLines(bytes);
    const cover = coverOf(lines, 'Respect des SLA');
    expect(cover).toContain('Vue d’ensemble de l’exploitation (tous les clients)');
    expect(cover).toContain('tous les sites');
    expect(cover).not.toContain('Contrat');
    expect(lines.filter((line) => line === 'Aucun sur la période.').length).toBeGreaterThanOrEqual(5);
    expect(lines).toContain('pas de mesure');
  });

  it('gives the same bytes for the same report', async () => {
    const first = await steeringPdf(sampleSteeringReport(), 'fr');
    const second = await steeringPdf(sampleSteeringReport(), 'fr');
    expect(first.equals(second)).toBe(true);
    const later = sampleSteeringReport();
    later.generatedAt = '2026-11-03T08:15:42.000Z';
    expect(first.equals(await steeringPdf(later, 'fr'))).toBe(false);
  });
});

describe('chart scales', () => {
  it('start counts at zero and percentages close to 100 at a round floor under the lowest value', () => {
    expect(yRange([7, 12, 9], {})).toEqual([0, 12.5, 2.5]);
    expect(yRange([97.87, 100, 98.47], { fromZero: false, ceiling: 100 })).toEqual([97.5, 100, 0.5]);
    expect(yRange([80, 100], { ceiling: 100 })).toEqual([0, 100, 20]);
    expect(yRange([18.4, 46, 47.3, 45.1, 34.2], { fromZero: false, ceiling: 100 })).toEqual([0, 100, 20]);
    // Nothing measured still gives an axis.
    expect(yRange([], { ceiling: 100 })).toEqual([0, 100, 20]);
  });
});
