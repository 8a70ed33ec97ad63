import { z } from 'zod';
import { readingUnitSchema } from '../procedures/procedure.schema.js';

/** A person as a run shows them: who started, performed, verified. */
export const runUserSchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
});
export type RunUser = z.infer<typeof runUserSchema>;

/** SHA-256 (hex, lowercase) of an evidence file: its identity. */
export const evidenceHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex (64 characters)');

/** An evidence file kept for a run (photo, label, printout), stored under the data directory. */
export const runEvidenceSchema = z.object({
  sha256: evidenceHashSchema,
  name: z.string(),
  size: z.number().int().nonnegative(),
  contentType: z.string(),
  uploadedBy: runUserSchema,
  uploadedAt: z.iso.datetime(),
});
export type RunEvidence = z.infer<typeof runEvidenceSchema>;

/** Largest evidence file accepted by `POST /api/runs/:id/evidence`. */
export const maxEvidenceBytes = 10 * 1024 * 1024;
/** Most evidence files one step record may reference. */
export const maxEvidencePerRecord = 10;

export const stepOutcomes = ['done', 'failed', 'skipped', 'not_applicable'] as const;
export const stepOutcomeSchema = z.enum(stepOutcomes);
export type StepOutcome = z.infer<typeof stepOutcomeSchema>;

/** Outcomes that need a reason whatever else the record says. */
export const outcomesNeedingReason: readonly StepOutcome[] = ['failed', 'skipped', 'not_applicable'];

/** A reading as recorded: the value, the unit and range of the pinned procedure step, and the verdict. */
export const stepReadingSchema = z.object({
  value: z.number(),
  unit: readingUnitSchema,
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** false = out of range: recorded anyway, flagged, and the client offers to open an incident. */
  inRange: z.boolean(),
});
export type StepReading = z.infer<typeof stepReadingSchema>;

/** A second person's verification of a critical step's record (never the performer). */
export const stepVerificationSchema = z.object({
  by: runUserSchema,
  at: z.iso.datetime(),
  comment: z.string().nullable(),
});
export type StepVerification = z.infer<typeof stepVerificationSchema>;

/**
 * One signature on one step (DESIGN.md §3 StepRecord). Append-only: a correction is a new record
 * whose `supersedes` names the record it replaces; the replaced one gets `supersededBy`.
 */
export const stepRecordSchema = z.object({
  id: z.number().int(),
  runId: z.number().int(),
  stepId: z.string(),
  outcome: stepOutcomeSchema,
  reading: stepReadingSchema.nullable(),
  /** Done, but not as written (declared by the performer): a reason is given. */
  deviation: z.boolean(),
  comment: z.string().nullable(),
  /** Why skipped, not applicable, failed, deviated or corrected. */
  reason: z.string().nullable(),
  performedBy: runUserSchema,
  /** Server time of the commit. */
  performedAt: z.iso.datetime(),
  /** The device's clock when the step was ticked (offline ticks are sent later). */
  deviceTime: z.iso.datetime().nullable(),
  verification: stepVerificationSchema.nullable(),
  evidence: z.array(runEvidenceSchema),
  supersedes: z.number().int().nullable(),
  supersededBy: z.number().int().nullable(),
});
export type StepRecord = z.infer<typeof stepRecordSchema>;

/**
 * `POST /api/runs/:id/steps/:stepId` (send an `Idempotency-Key` header). `expectedRecordId` is the
 * step's current record as the client saw it: null for a first signature, the current record's id
 * for a correction. If the step moved on meanwhile, the answer is 409 with the run's current state.
 */
export const recordStepSchema = z.strictObject({
  outcome: stepOutcomeSchema,
  /** The value read, in the unit of the step's reading; required when a step with a reading is done. */
  reading: z.number().finite().optional(),
  deviation: z.boolean().default(false),
  comment: z.string().trim().min(1).max(2000).optional(),
  reason: z.string().trim().min(1).max(2000).optional(),
  /** Hashes answered by `POST /api/runs/:id/evidence`. */
  evidence: z.array(evidenceHashSchema).max(maxEvidencePerRecord).default([]),
  expectedRecordId: z.number().int().positive().nullable().default(null),
  deviceTime: z.iso.datetime().optional(),
});
export type RecordStep = z.input<typeof recordStepSchema>;

/** `POST /api/runs/:id/steps/:stepId/verification`: the record verified must still be the step's current one. */
export const verifyStepSchema = z.strictObject({
  recordId: z.number().int().positive(),
  comment: z.string().trim().min(1).max(2000).optional(),
});
export type VerifyStep = z.input<typeof verifyStepSchema>;
