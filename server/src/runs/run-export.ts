import type { Locale, RunDetail, RunStep, StepRecord } from '@vigie/shared';
import { PdfWriter } from '../common/pdf/pdf-document.js';
import { toCsv } from '../inventory/csv.js';

/** Columns of a run's CSV export: one row per record (corrections included), and one per step never signed. */
export const runCsvColumns = [
  'run_id',
  'procedure_id',
  'procedure_version',
  'procedure_title_fr',
  'procedure_title_en',
  'context',
  'run_state',
  'step_id',
  'phase_id',
  'rollback',
  'critical',
  'step_text_fr',
  'step_text_en',
  'record_id',
  'outcome',
  'reading_value',
  'reading_unit',
  'reading_min',
  'reading_max',
  'in_range',
  'deviation',
  'reason',
  'comment',
  'performed_by',
  'performed_at',
  'device_time',
  'verified_by',
  'verified_at',
  'evidence',
  'supersedes',
  'superseded_by',
] as const;

const yesNo = (value: boolean | null | undefined) =>
  value === null || value === undefined ? '' : value ? 'yes' : 'no';
const evidenceCell = (record: StepRecord) =>
  record.evidence.map((file) => `${file.name} sha256:${file.sha256}`).join('; ');

export function runCsv(run: RunDetail): string {
  const runCells = [
    run.id,
    run.procedure.id,
    run.procedure.version,
    run.procedure.title.fr,
    run.procedure.title.en,
    run.context.label ?? run.context.kind,
    run.state,
  ];
  const rows = run.steps.flatMap((step) => {
    const stepCells = [
      step.id,
      step.phaseId,
      yesNo(step.rollback),
      yesNo(step.critical),
      step.text.fr,
      step.text.en,
    ];
    if (step.history.length === 0) return [[...runCells, ...stepCells]];
    return step.history.map((record) => [
      ...runCells,
      ...stepCells,
      record.id,
      record.outcome,
      record.reading?.value,
      record.reading?.unit,
      record.reading?.min,
      record.reading?.max,
      yesNo(record.reading?.inRange),
      yesNo(record.deviation),
      record.reason,
      record.comment,
      record.performedBy.displayName,
      record.performedAt,
      record.deviceTime,
      record.verification?.by.displayName,
      record.verification?.at,
      evidenceCell(record),
      record.supersedes,
      record.supersededBy,
    ]);
  });
  return toCsv(runCsvColumns, rows);
}

const labels = {
  fr: {
    title: 'Rapport d’exécution de procédure',
    procedure: 'Procédure',
    version: 'Version (SHA-256)',
    context: 'Contexte',
    none: 'aucun',
    state: 'État',
    startedBy: 'Démarrée par',
    assignee: 'Assignée à',
    ended: 'Terminée',
    abortReason: 'Motif d’abandon',
    progress: 'Étapes signées',
    steps: 'Étapes',
    step: 'Étape',
    outcome: 'Résultat',
    reading: 'Relevé',
    by: 'Par / le',
    verified: 'Vérifiée par',
    notes: 'Motif, commentaire, preuves',
    pending: 'non signée',
    outOfRange: 'HORS PLAGE',
    range: 'plage',
    deviceTime: 'heure de l’appareil (hors ligne)',
    superseded: 'corrigé par',
    generated: 'Généré le',
    states: { in_progress: 'en cours', completed: 'terminée', aborted: 'abandonnée' },
    outcomes: { done: 'fait', failed: 'échec', skipped: 'sauté', not_applicable: 'non applicable' },
  },
  en: {
    title: 'Procedure run record',
    procedure: 'Procedure',
    version: 'Version (SHA-256)',
    context: 'Context',
    none: 'none',
    state: 'State',
    startedBy: 'Started by',
    assignee: 'Assigned to',
    ended: 'Ended',
    abortReason: 'Abort reason',
    progress: 'Steps signed',
    steps: 'Steps',
    step: 'Step',
    outcome: 'Outcome',
    reading: 'Reading',
    by: 'By / at',
    verified: 'Verified by',
    notes: 'Reason, comment, evidence',
    pending: 'not signed',
    outOfRange: 'OUT OF RANGE',
    range: 'range',
    deviceTime: 'device time (offline)',
    superseded: 'corrected by',
    generated: 'Generated',
    states: { in_progress: 'in progress', completed: 'completed', aborted: 'aborted' },
    outcomes: { done: 'done', failed: 'failed', skipped: 'skipped', not_applicable: 'not applicable' },
  },
} as const;

const when = (iso: string | null) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '');

/** The value with its acceptable range, so the record proves what was expected as well as what was read. */
function readingCell(reading: NonNullable<StepRecord['reading']>, lang: Locale): string {
  const l = labels[lang];
  const bounds =
    reading.min !== null && reading.max !== null
      ? `${reading.min}–${reading.max}`
      : reading.min !== null
        ? `≥ ${reading.min}`
        : reading.max !== null
          ? `≤ ${reading.max}`
          : null;
  return [
    `${reading.value} ${reading.unit}`,
    ...(bounds ? [`${l.range} ${bounds} ${reading.unit}`] : []),
    ...(reading.inRange ? [] : [l.outOfRange]),
  ].join('\n');
}

function recordRow(step: RunStep, record: StepRecord | undefined, lang: Locale): string[] {
  const l = labels[lang];
  const stepCell = `${step.critical ? '[!] ' : ''}${step.id}\n${step.text[lang]}`;
  if (!record) return [stepCell, l.pending, '', '', '', ''];
  const reading = record.reading ? readingCell(record.reading, lang) : '';
  const notes = [
    record.reason,
    record.comment,
    ...record.evidence.map((file) => `${file.name} (sha256 ${file.sha256})`),
    record.supersededBy !== null ? `${l.superseded} #${record.supersededBy}` : null,
  ].filter((part): part is string => Boolean(part));
  return [
    stepCell,
    `#${record.id} ${l.outcomes[record.outcome]}${record.deviation ? ' (!)' : ''}`,
    reading,
    [
      record.performedBy.displayName,
      when(record.performedAt),
      // Ticked offline: the device's clock says when it was really done, the server's when it arrived.
      ...(record.deviceTime ? [`${l.deviceTime} ${when(record.deviceTime)}`] : []),
    ].join('\n'),
    record.verification ? `${record.verification.by.displayName}\n${when(record.verification.at)}` : '',
    notes.join('\n'),
  ];
}

/** The run's full record as a PDF: what was done, by whom, when, with every correction. */
export function runPdf(run: RunDetail, lang: Locale, now = new Date()): Promise<Buffer> {
  const l = labels[lang];
  const pdf = new PdfWriter({ title: `${l.title} #${run.id}` });
  pdf.title(`${l.title} #${run.id}`);
  pdf.fields([
    [l.procedure, `${run.procedure.title[lang]} (${run.procedure.id}, ${run.procedure.kind})`],
    [l.version, run.procedure.version],
    [l.context, run.context.label ?? l.none],
    [l.state, l.states[run.state]],
    [l.startedBy, `${run.startedBy.displayName}, ${when(run.startedAt)}`],
    [l.assignee, run.assignee?.displayName ?? '-'],
    [l.ended, run.endedBy ? `${run.endedBy.displayName}, ${when(run.endedAt)}` : '-'],
    ...(run.abortReason ? [[l.abortReason, run.abortReason] as const] : []),
    [l.progress, `${run.progress.signed} / ${run.progress.required}`],
  ]);
  pdf.heading(l.steps);
  const rows = run.steps.flatMap((step) =>
    step.history.length === 0
      ? [recordRow(step, undefined, lang)]
      : step.history.map((record) => recordRow(step, record, lang)),
  );
  pdf.table(
    [
      { header: l.step, width: 30 },
      { header: l.outcome, width: 12 },
      { header: l.reading, width: 12 },
      { header: l.by, width: 15 },
      { header: l.verified, width: 13 },
      { header: l.notes, width: 25 },
    ],
    rows,
  );
  return pdf.finish(`Vigie · ${l.generated} ${when(now.toISOString())}`);
}
