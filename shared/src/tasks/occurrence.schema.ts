import { z } from 'zod';
import { userRefSchema } from '../incidents/incident.schema.js';
import { idFilterSchema } from '../inventory/id-filter.js';
import { maxPageSize } from '../common/pagination.js';
import { taskTeamSchema } from './task.schema.js';

/**
 * scheduled → due (at scheduledAt − lead) → in_progress (its run started) → done (run completed);
 * due or scheduled → missed (dueAt passed, not started) | cancelled (with a reason). A missed
 * occurrence stays missed: it counts in the figures and is never regenerated.
 */
export const occurrenceStates = ['scheduled', 'due', 'in_progress', 'done', 'missed', 'cancelled'] as const;
export const occurrenceStateSchema = z.enum(occurrenceStates);
export type OccurrenceState = z.infer<typeof occurrenceStateSchema>;

/** States still waiting for someone to act. */
export const openOccurrenceStates = [
  'scheduled',
  'due',
  'in_progress',
] as const satisfies readonly OccurrenceState[];

export const occurrenceSchema = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  title: z.string(),
  procedureId: z.string(),
  site: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  roomId: z.number().int().nullable(),
  rackId: z.number().int().nullable(),
  team: z.string().nullable(),
  assignee: userRefSchema.nullable(),
  /** When it is planned (ISO UTC). */
  scheduledAt: z.iso.datetime(),
  /** When it becomes due: scheduledAt − lead. */
  availableAt: z.iso.datetime(),
  /** The latest start: scheduledAt + grace; past it, not started → missed. */
  dueAt: z.iso.datetime(),
  state: occurrenceStateSchema,
  runId: z.number().int().nullable(),
  startedAt: z.iso.datetime().nullable(),
  doneAt: z.iso.datetime().nullable(),
  /** Minutes after dueAt it was done (0 when on time); null until done. */
  latenessMinutes: z.number().int().nullable(),
  cancelReason: z.string().nullable(),
  /** Not started by its latest start: missed (or due/scheduled past dueAt until the scheduler passes). */
  overdue: z.boolean(),
  version: z.number().int(),
});
export type Occurrence = z.infer<typeof occurrenceSchema>;

const stateListSchema = z
  .string()
  .transform((value) => value.split(',').filter(Boolean))
  .pipe(z.array(occurrenceStateSchema).min(1));

/** `GET /api/occurrences`: by scheduled time, oldest first. */
export const occurrenceListQuerySchema = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxPageSize * 5)
    .default(200),
  cursor: z.string().max(200).optional(),
  /** Scheduled at or after (ISO). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Scheduled before (ISO). */
  to: z.iso.datetime({ offset: true }).optional(),
  siteId: idFilterSchema,
  taskId: idFilterSchema,
  team: taskTeamSchema.optional(),
  /** One state or several, comma separated. */
  state: stateListSchema.optional(),
  /** true: missed, or not started past dueAt; false: the others. */
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type OccurrenceListQuery = z.infer<typeof occurrenceListQuerySchema>;

export const startOccurrenceSchema = z.strictObject({
  /** Who runs it; default the task's assignee, else nobody. */
  assigneeId: z.number().int().positive().nullable().optional(),
  version: z.number().int().optional(),
});
export type StartOccurrence = z.infer<typeof startOccurrenceSchema>;

export const cancelOccurrenceSchema = z.strictObject({
  reason: z.string().trim().min(3).max(500),
  version: z.number().int().optional(),
});
export type CancelOccurrence = z.infer<typeof cancelOccurrenceSchema>;

/** Occurrences planned by the scheduler: what to refetch. */
export const occurrencesCreatedSchema = z.object({
  taskIds: z.array(z.number().int()),
  count: z.number().int().nonnegative(),
});
