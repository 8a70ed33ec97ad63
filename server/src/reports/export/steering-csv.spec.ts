import { steeringReportSchema, steeringTables, type SteeringTable } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { emptySteeringReport, sampleSteeringReport } from '../../../../test/fixtures/steering-report.js';
import { parseCsv } from '../../inventory/csv.js';
import { steeringCsv } from './steering-csv.js';

const table = (name: SteeringTable, locale: 'fr' | 'en' = 'fr', report = sampleSteeringReport()) =>
  parseCsv(steeringCsv(report, name, locale));

/** The row whose first cells are `keys`. */
function rowOf(rows: string[][], ...keys: string[]): string[] {
  const row = rows.find((cells) => keys.every((key, index) => cells[index] === key));
  if (!row) throw new Error(`no row ${keys.join(' / ')}`);
  return row;
}

describe('steeringCsv', () => {
  it('uses valid sample reports', () => {
    expect(() => steeringReportSchema.parse(sampleSteeringReport())).not.toThrow();
    expect(() => steeringReportSchema.parse(emptySteeringReport())).not.toThrow();
  });

  it.each(steeringTables)('heads %s in French and English, every row as wide as its header', (name) => {
    const [frHeader, ...frRows] = table(name, 'fr');
    const [enHeader, ...enRows] = table(name, 'en');
    expect(frHeader).toHaveLength(enHeader!.length);
    expect(frHeader).not.toEqual(enHeader);
    expect(frRows.length).toBeGreaterThan(0);
    expect(frRows).toHaveLength(enRows.length);
    for (const row of [...frRows, ...enRows]) expect(row).toHaveLength(frHeader!.length);
  });

  it('summarises every figure with the previous period, the change and the counts behind shares', () => {
    const [header, ...rows] = table('summary', 'fr');
    expect(header).toEqual([
      'Rubrique',
      'Indicateur',
      'Unité',
      'Période',
      'Période précédente',
      'Écart',
      'Période (nombre)',
      'Période (sur)',
      'Période précédente (nombre)',
      'Période précédente (sur)',
    ]);
    // 41 of 43 against 37 of 40.
    expect(rowOf(rows, 'Respect des SLA', 'Respect — Prise en compte (TTO)')).toEqual([
      'Respect des SLA',
      'Respect — Prise en compte (TTO)',
      '%',
      '95.35',
      '92.5',
      '2.85',
      '41',
      '43',
      '37',
      '40',
    ]);
    // A fall stays a number, not text a spreadsheet would guard with a quote.
    expect(rowOf(rows, 'Respect des SLA', 'Respect — Rétablissement')[5]).toBe('-2.14');
    expect(rowOf(rows, 'Disponibilité', 'Minutes d’impact non planifié').slice(3, 6)).toEqual([
      '370',
      '95',
      '275',
    ]);
    expect(rowOf(rows, 'Activité de l’équipe', 'Escalades').slice(3, 6)).toEqual(['4', '6', '-2']);
    const [enHeader, ...enRows] = table('summary', 'en');
    expect(enHeader?.slice(0, 6)).toEqual([
      'Section',
      'Indicator',
      'Unit',
      'Period',
      'Previous period',
      'Change',
    ]);
    expect(rowOf(enRows, 'Recurring work', 'Rounds — On-time rate').slice(3, 5)).toEqual(['93.55', '88.89']);
  });

  it('leaves cells empty where nothing is measured', () => {
    const [, ...rows] = table('summary', 'en', emptySteeringReport());
    const adherence = rowOf(rows, 'SLA adherence', 'Adherence — Acknowledge (TTO)');
    expect(adherence.slice(3, 10)).toEqual(['', '', '', '0', '0', '0', '0']);
    expect(rowOf(rows, 'Time to acknowledge, restore and resolve', 'MTTA — Mean').slice(3, 6)).toEqual([
      '',
      '',
      '',
    ]);
    const [, ...weeks] = table('weekly', 'en', emptySteeringReport());
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual(['2026-09-28', '0', '0', '0', '0', '0', '', '', '', '', '', '', '100']);
  });

  it('crosses SLA metrics with priorities, adherence beside response times', () => {
    const [header, ...rows] = table('sla', 'en');
    expect(header?.slice(0, 5)).toEqual(['Metric', 'Priority', 'Met', 'Ended', 'Adherence (%)']);
    expect(rows).toHaveLength(3 * 6);
    expect(rowOf(rows, 'Restore', 'P0')).toEqual([
      'Restore',
      'P0',
      '1',
      '2',
      '50',
      '1',
      '1',
      '100',
      '2',
      '185',
      '262',
      '1',
      '95',
      '95',
    ]);
    expect(rowOf(rows, 'Acknowledge (TTO)', 'All').slice(2, 5)).toEqual(['41', '43', '95.35']);
  });

  it('lists breaches at local times with their offset, a running clock without a stop, formula-safe', () => {
    const [header, ...rows] = table('breaches', 'fr');
    expect(header).toEqual([
      'Référence',
      'Intitulé',
      'Priorité',
      'Mesure',
      'Objectif (min)',
      'Écoulé (min)',
      'Échéance',
      'Dépassé le',
      'Arrêté le',
    ]);
    expect(rows[0]).toEqual([
      'INC-000058',
      'Perte d’alimentation voie A baie R12',
      'P0',
      'Rétablissement',
      '120',
      '192',
      '2026-10-21T16:40:00+02:00',
      '2026-10-21T16:40:00+02:00',
      '2026-10-21T17:52:00+02:00',
    ]);
    // After the clocks went back: +01:00; still running: no stop.
    const running = rowOf(rows, 'INC-000063');
    expect(running[1]).toBe("'=cmd|' /C calc'!A0 lien 10G dégradé");
    expect(running.slice(6)).toEqual(['2026-10-30T10:00:00+01:00', '2026-10-30T10:00:00+01:00', '']);
    expect(steeringCsv(sampleSteeringReport(), 'breaches', 'fr')).not.toMatch(/(^|,)=cmd/m);
  });

  it('lists major incidents with root cause and workaround, empty when unknown', () => {
    const [header, ...rows] = table('major-incidents', 'en');
    expect(header).toContain('Root cause');
    expect(rows).toHaveLength(2);
    const mitigated = rowOf(rows, 'INC-000044');
    expect(mitigated[3]).toBe('mitigated');
    expect(mitigated[5]).toBe('');
    expect(mitigated[8]).toBe('');
    expect(mitigated[9]).toBe('Groupe de secours démarré, portes de confinement ouvertes.');
  });

  it('breaks the volume down by priority, origin, category and room, keeping what only the previous period had', () => {
    const [header, ...rows] = table('volume', 'fr');
    expect(header).toEqual(['Axe', 'Valeur', 'Période', 'Période précédente']);
    expect(rowOf(rows, 'Priorité', 'P2')).toEqual(['Priorité', 'P2', '19', '17']);
    expect(rowOf(rows, 'Origine', 'Supervision')).toEqual(['Origine', 'Supervision', '24', '21']);
    expect(rowOf(rows, 'Catégorie', 'Matériel')).toEqual(['Catégorie', 'Matériel', '0', '4']);
    expect(rowOf(rows, 'Catégorie', 'sans catégorie')).toEqual(['Catégorie', 'sans catégorie', '7', '6']);
    expect(rowOf(rows, 'Salle', 'sans salle')).toEqual(['Salle', 'sans salle', '8', '7']);
  });

  it('lists changes, step exceptions, team members and weeks in the reader’s language', () => {
    const [, ...changes] = table('changes', 'en');
    expect(rowOf(changes, '318')).toEqual([
      '318',
      'mop-crac-filter-change',
      'CRAC 2 filter change',
      'aborted',
      '2026-10-22T09:30:00+02:00',
      '2026-10-22T10:15:00+02:00',
      '45',
    ]);
    const [, ...exceptions] = table('compliance', 'fr');
    expect(exceptions.map((row) => [row[2], row[3], row[4]])).toEqual([
      ['read-cold-aisle-temperature', 'sautée', 'non'],
      ['torque-terminals', 'fait', 'oui'],
      ['check-fire-panel', 'non applicable', 'non'],
    ]);
    const [teamHeader, ...team] = table('team', 'en');
    expect(teamHeader).toEqual([
      'Person',
      'Runs',
      'Steps signed',
      'Morning (07–15)',
      'Afternoon (15–23)',
      'Night (23–07)',
    ]);
    expect(rowOf(team, 'Yanis Benali')).toEqual(['Yanis Benali', '47', '618', '88', '190', '340']);
    const [weeklyHeader, ...weeks] = table('weekly', 'fr');
    expect(weeklyHeader?.[0]).toBe('Semaine du');
    expect(weeks[0]?.slice(0, 6)).toEqual(['2026-09-28', '0', '1', '3', '2', '1']);
    // No resolution ended that week: an empty MTTR cell, not a zero.
    expect(weeks[0]?.[10]).toBe('');
  });

  it('splits recurring work into rounds and maintenance, and the backlog by age, priority and pending reason', () => {
    const [, ...recurring] = table('recurring', 'en');
    expect(rowOf(recurring, 'Maintenance', 'Missed')).toEqual(['Maintenance', 'Missed', 'count', '2', '2']);
    expect(rowOf(recurring, 'All', 'Mean lateness')).toEqual(['All', 'Mean lateness', 'min', '47.5', '58.3']);
    const [, ...backlog] = table('backlog', 'en');
    expect(backlog).toHaveLength(4 * 5 + 5);
    expect(rowOf(backlog, 'Open incidents', '1 to 7 days', 'P2')).toEqual([
      'Open incidents',
      '1 to 7 days',
      'P2',
      '2',
      '2',
    ]);
    expect(rowOf(backlog, 'Pending minutes', 'Parts')).toEqual([
      'Pending minutes',
      'Parts',
      '',
      '4410',
      '5105',
    ]);
  });

  it('guards every text cell a spreadsheet could run as a formula', () => {
    const report = sampleSteeringReport();
    report.team[0]!.user.displayName = '@SUM(A1)';
    report.stepExceptions.items[0]!.reason = '+1+1';
    report.majorIncidents.items[0]!.rootCause = '-2+3';
    expect(rowOf(table('team', 'en', report), "'@SUM(A1)")).toHaveLength(6);
    expect(table('compliance', 'en', report)[1]?.[5]).toBe("'+1+1");
    expect(rowOf(table('major-incidents', 'en', report), 'INC-000058')[8]).toBe("'-2+3");
  });

  it.each(steeringTables)('writes %s of a report with nothing in it', (name) => {
    const [header, ...rows] = table(name, 'fr', emptySteeringReport());
    expect(header!.length).toBeGreaterThan(1);
    for (const row of rows) expect(row).toHaveLength(header!.length);
    if (['breaches', 'major-incidents', 'changes', 'compliance', 'team'].includes(name))
      expect(rows).toEqual([]);
  });
});
