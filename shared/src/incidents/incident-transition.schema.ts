import { z } from 'zod';
import { incidentStatusSchema } from './incident-status.js';
import { cancellationReasonSchema, pendingReasonSchema, resolutionCodeSchema } from './incident.schema.js';

const comment = z.string().trim().min(1).max(5000);
const base = { version: z.number().int(), comment: comment.optional() };

/**
 * A status change with the fields it requires, and the `version` read. The server also checks the
 * change is allowed from the current status (`allowedIncidentTransitions`), else 422.
 */
export const incidentTransitionSchema = z.discriminatedUnion('to', [
  /** `assigneeId` assigns in the same step (e.g. the coordinator takes it). */
  z.strictObject({
    to: z.literal('acknowledged'),
    ...base,
    assigneeId: z.number().int().positive().optional(),
  }),
  z.strictObject({ to: z.literal('in_progress'), ...base }),
  z.strictObject({ to: z.literal('pending'), ...base, pendingReason: pendingReasonSchema }),
  /** A workaround is required: given here, or already recorded on the incident. */
  z.strictObject({ to: z.literal('mitigated'), ...base, workaround: comment.optional() }),
  z.strictObject({
    to: z.literal('resolved'),
    ...base,
    resolutionCode: resolutionCodeSchema,
    solution: comment,
    rootCause: comment.optional(),
  }),
  z.strictObject({ to: z.literal('closed'), ...base }),
  /** Reopening says why. */
  z.strictObject({ to: z.literal('reopened'), version: z.number().int(), comment }),
  z
    .strictObject({
      to: z.literal('cancelled'),
      ...base,
      cancellationReason: cancellationReasonSchema,
      duplicateOfId: z.number().int().positive().optional(),
    })
    .refine((value) => value.cancellationReason !== 'duplicate' || value.duplicateOfId !== undefined, {
      message: 'required when the incident is a duplicate',
      path: ['duplicateOfId'],
    })
    .refine((value) => value.cancellationReason === 'duplicate' || value.duplicateOfId === undefined, {
      message: 'only for a duplicate',
      path: ['duplicateOfId'],
    }),
]);
export type IncidentTransition = z.infer<typeof incidentTransitionSchema>;

/**
 * What the server reads of a transition first: the target and the version. A move the lifecycle
 * forbids is refused (422 naming the allowed targets) before the target's own fields are asked
 * for; then the whole body must match `incidentTransitionSchema` (400).
 */
export const incidentTransitionTargetSchema = z.looseObject({
  to: incidentStatusSchema,
  version: z.number().int(),
});
export type IncidentTransitionTarget = z.infer<typeof incidentTransitionTargetSchema>;
