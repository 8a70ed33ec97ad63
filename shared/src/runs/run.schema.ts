import { z } from 'zod';
import { localeSchema } from '../common/locale.js';
import { pageQuerySchema } from '../common/pagination.js';
import { idFilterSchema } from '../inventory/id-filter.js';
import {
  localizedTextSchema,
  procedureKindSchema,
  procedureReadingSchema,
  procedureRiskSchema,
  procedureVersionSchema,
} from '../procedures/procedure.schema.js';
import { runUserSchema, stepOutcomeSchema, stepRecordSchema } from './step-record.schema.js';

export const runStates = ['in_progress', 'completed', 'aborted'] as const;
export const runStateSchema = z.enum(runStates);
export type RunState = z.infer<typeof runStateSchema>;

/** What a run was started for. `occurrence` is a recurring task occurrence (wired when tasks exist). */
export const runContextKinds = ['incident', 'occurrence', 'none'] as const;
export const runContextKindSchema = z.enum(runContextKinds);
export type RunContextKind = z.infer<typeof runContextKindSchema>;

export const runContextSchema = z.object({
  kind: runContextKindSchema,
  /** The incident or occurrence id; null when kind is `none`. */
  id: z.number().int().nullable(),
  /** A human label, e.g. `INC-000123 · CRAC-2 stopped`; null when kind is `none`. */
  label: z.string().nullable(),
});
export type RunContext = z.infer<typeof runContextSchema>;

/** The pinned procedure version a run follows, as a summary. */
export const runProcedureSchema = z.object({
  id: z.string(),
  version: procedureVersionSchema,
  title: localizedTextSchema,
  kind: procedureKindSchema,
  risk: procedureRiskSchema,
});
export type RunProcedure = z.infer<typeof runProcedureSchema>;

/**
 * `required`: main steps, plus the rollback steps once a main step failed (a failed change is rolled
 * back before the run completes; otherwise rollback steps are optional). `signed`: required steps whose
 * current record exists and, for critical steps, is verified. `awaitingVerification`: critical
 * steps recorded but not yet verified. `readyToComplete`: signed = required and the run is in progress.
 */
export const runProgressSchema = z.object({
  signed: z.number().int().nonnegative(),
  required: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  awaitingVerification: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  outOfRange: z.number().int().nonnegative(),
  readyToComplete: z.boolean(),
});
export type RunProgress = z.infer<typeof runProgressSchema>;

/** A run as lists, the board and live events show it (no steps). */
export const runSummarySchema = z.object({
  id: z.number().int(),
  procedure: runProcedureSchema,
  context: runContextSchema,
  state: runStateSchema,
  abortReason: z.string().nullable(),
  startedBy: runUserSchema,
  startedAt: z.iso.datetime(),
  assignee: runUserSchema.nullable(),
  /** Who completed or aborted it, and when. */
  endedBy: runUserSchema.nullable(),
  endedAt: z.iso.datetime().nullable(),
  progress: runProgressSchema,
  /** Increases with every change to the run (records, verifications, state). */
  version: z.number().int(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/**
 * Where a step stands. `pending`: no record. `blocked`: pending, but an earlier step must be recorded
 * first (order rule; a free-order phase's steps are never blocked by each other).
 */
export const runStepStatuses = ['blocked', 'pending', ...stepOutcomeSchema.options] as const;
export const runStepStatusSchema = z.enum(runStepStatuses);
export type RunStepStatus = z.infer<typeof runStepStatusSchema>;

export const stepVerificationStates = ['not_required', 'awaiting', 'verified'] as const;
export const stepVerificationStateSchema = z.enum(stepVerificationStates);
export type StepVerificationState = z.infer<typeof stepVerificationStateSchema>;

/** A step of the pinned procedure with its records. */
export const runStepSchema = z.object({
  id: z.string(),
  /** The phase it belongs to; null for a procedure without phases and for rollback steps. */
  phaseId: z.string().nullable(),
  /** A rollback step of a MOP: recorded only when needed, never required. */
  rollback: z.boolean(),
  text: localizedTextSchema,
  expected: localizedTextSchema.nullable(),
  reading: procedureReadingSchema.nullable(),
  critical: z.boolean(),
  evidenceRequired: z.boolean(),
  status: runStepStatusSchema,
  verification: stepVerificationStateSchema,
  /** The record that counts (the latest, not superseded), or null. */
  current: stepRecordSchema.nullable(),
  /** Every record of this step, oldest first, superseded ones included. */
  history: z.array(stepRecordSchema),
});
export type RunStep = z.infer<typeof runStepSchema>;

export const runPhaseSchema = z.object({
  id: z.string(),
  title: localizedTextSchema,
  freeOrder: z.boolean(),
});
export type RunPhase = z.infer<typeof runPhaseSchema>;

/** `GET /api/runs/:id`: the run, the pinned procedure's phases and steps in reading order (rollback last). */
export const runDetailSchema = runSummarySchema.extend({
  prerequisites: z.array(localizedTextSchema),
  phases: z.array(runPhaseSchema),
  steps: z.array(runStepSchema),
});
export type RunDetail = z.infer<typeof runDetailSchema>;

/** The answer to a step record: the record, the run as it now stands, and whether to offer an incident. */
export const stepRecordResultSchema = z.object({
  record: stepRecordSchema,
  run: runDetailSchema,
  /** true when the reading is out of range: the client offers to open an incident. */
  offerIncident: z.boolean(),
});
export type StepRecordResult = z.infer<typeof stepRecordResultSchema>;

export const runContextRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('incident'), id: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('occurrence'), id: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('none') }),
]);
export type RunContextRequest = z.infer<typeof runContextRequestSchema>;

/**
 * `POST /api/runs`: starts the library's current version of the procedure. `procedureVersion`, when
 * given, must still be the current one (409 with the current procedure otherwise).
 */
export const startRunSchema = z.strictObject({
  procedureId: z.string().min(1).max(80),
  procedureVersion: procedureVersionSchema.optional(),
  context: runContextRequestSchema.default({ kind: 'none' }),
  assigneeId: z.number().int().positive().nullable().default(null),
  /**
   * The site the run is done on. An incident's or occurrence's run takes its context's site (a
   * different one is refused); a free run takes this one, or has no site.
   */
  siteId: z.number().int().positive().optional(),
});
export type StartRun = z.input<typeof startRunSchema>;

/** `PATCH /api/runs/:id`: (re)assign. */
export const updateRunSchema = z.strictObject({
  version: z.number().int(),
  assigneeId: z.number().int().positive().nullable(),
});
export type UpdateRun = z.infer<typeof updateRunSchema>;

/** `POST /api/runs/:id/abort`. `version`, when given, must be the run's current one. */
export const abortRunSchema = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  version: z.number().int().optional(),
});
export type AbortRun = z.infer<typeof abortRunSchema>;

/** `POST /api/runs/:id/complete`: 422 listing every unsigned step (in `fields`) until all are signed. */
export const completeRunSchema = z.strictObject({
  version: z.number().int().optional(),
});
export type CompleteRun = z.infer<typeof completeRunSchema>;

const queryFlag = z
  .enum(['true', 'false'], { error: 'true or false' })
  .transform((value) => value === 'true');

/** `GET /api/runs`: newest first. `mine=true`: runs assigned to me, or started by me and unassigned. */
export const runListQuerySchema = pageQuerySchema.extend({
  state: runStateSchema.optional(),
  mine: queryFlag.optional(),
  assigneeId: idFilterSchema,
  incidentId: idFilterSchema,
  occurrenceId: idFilterSchema,
  procedureId: z.string().trim().min(1).max(80).optional(),
});
export type RunListQuery = z.infer<typeof runListQuerySchema>;

export const runExportFormats = ['csv', 'pdf'] as const;
export const runExportQuerySchema = z.strictObject({
  format: z.enum(runExportFormats).default('csv'),
  /** Language of the PDF's labels and step texts (the CSV carries both). */
  lang: localeSchema.default('fr'),
});
export type RunExportQuery = z.infer<typeof runExportQuerySchema>;
