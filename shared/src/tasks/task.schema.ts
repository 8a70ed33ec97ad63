import { z } from 'zod';
import { userRefSchema } from '../incidents/incident.schema.js';
import { idFilterSchema } from '../inventory/id-filter.js';
import { pageQuerySchema } from '../common/pagination.js';
import { parseRrule, formatRrule } from './rrule.js';
import { taskScheduleSchema } from './task-schedule.js';

/** Teams a task is usually given to; free text is accepted too. */
export const taskTeams = ['operations', 'electrical', 'mechanical', 'security', 'network'] as const;
export const taskTeamSchema = z.string().trim().min(1).max(60);

/** An RRULE of the supported subset, stored in its canonical form. */
export const rruleSchema = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .transform((text, ctx) => {
    const parsed = parseRrule(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return formatRrule(parsed.rule);
  });

/** A local calendar date `YYYY-MM-DD` (in the site's zone). */
export const localDateSchema = z.iso.date();

export const taskScopeSchema = z.object({
  siteId: z.number().int(),
  roomId: z.number().int().nullable(),
  rackId: z.number().int().nullable(),
});
export type TaskScope = z.infer<typeof taskScopeSchema>;

/** A recurring task (DESIGN.md §3): a procedure to run on a schedule, in a scope, for a team or person. */
export const recurringTaskSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  procedureId: z.string(),
  scope: taskScopeSchema,
  site: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  /** The site's IANA zone, in which the rule is read. */
  timeZone: z.string(),
  rrule: z.string(),
  /** The form the rule can be edited in, or null when only the raw rule expresses it. */
  schedule: taskScheduleSchema.nullable(),
  /** The local date the rule counts from (first possible occurrence, INTERVAL anchor). */
  startDate: localDateSchema,
  /** How long before its time an occurrence becomes due (on the to-do list, startable). */
  leadMinutes: z.number().int(),
  /** How long after its time an occurrence may still be started before it is missed. */
  graceMinutes: z.number().int(),
  team: z.string().nullable(),
  assignee: userRefSchema.nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type RecurringTask = z.infer<typeof recurringTaskSchema>;

const minutesSchema = (max: number) => z.number().int().min(0).max(max);

const taskFields = {
  title: z.string().trim().min(1).max(200),
  procedureId: z.string().trim().min(1).max(80),
  scope: z.strictObject({
    siteId: z.number().int().positive(),
    roomId: z.number().int().positive().nullable().default(null),
    rackId: z.number().int().positive().nullable().default(null),
  }),
  /** The raw rule; when `schedule` is given instead, the rule is written from it. */
  rrule: rruleSchema.optional(),
  schedule: taskScheduleSchema.optional(),
  startDate: localDateSchema.optional(),
  leadMinutes: minutesSchema(7 * 24 * 60),
  graceMinutes: minutesSchema(7 * 24 * 60),
  team: taskTeamSchema.nullable(),
  assigneeId: z.number().int().positive().nullable(),
  active: z.boolean(),
};

const oneRule = (value: { rrule?: string | undefined; schedule?: unknown }) =>
  !(value.rrule !== undefined && value.schedule !== undefined);
const oneRuleIssue = { message: 'give either rrule or schedule, not both', path: ['rrule'] };

export const createTaskSchema = z
  .strictObject({
    ...taskFields,
    leadMinutes: taskFields.leadMinutes.default(60),
    graceMinutes: taskFields.graceMinutes.default(60),
    team: taskFields.team.default(null),
    assigneeId: taskFields.assigneeId.default(null),
    active: taskFields.active.default(true),
  })
  .refine(oneRule, oneRuleIssue)
  .refine((value) => value.rrule !== undefined || value.schedule !== undefined, {
    message: 'give a schedule or an rrule',
    path: ['schedule'],
  });
export type CreateTask = z.input<typeof createTaskSchema>;

/** Changes carry the version read; a new rule re-plans only the future scheduled occurrences. */
export const updateTaskSchema = z
  .strictObject({
    title: taskFields.title.optional(),
    procedureId: taskFields.procedureId.optional(),
    scope: taskFields.scope.optional(),
    rrule: taskFields.rrule,
    schedule: taskFields.schedule,
    startDate: taskFields.startDate,
    leadMinutes: taskFields.leadMinutes.optional(),
    graceMinutes: taskFields.graceMinutes.optional(),
    team: taskFields.team.optional(),
    assigneeId: taskFields.assigneeId.optional(),
    active: taskFields.active.optional(),
    version: z.number().int(),
  })
  .refine(oneRule, oneRuleIssue);
export type UpdateTask = z.input<typeof updateTaskSchema>;

export const taskListQuerySchema = pageQuerySchema.extend({
  siteId: idFilterSchema,
  team: taskTeamSchema.optional(),
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

/** `POST /api/tasks/preview`: the next occurrences of a rule in a site's zone. */
export const taskPreviewRequestSchema = z
  .strictObject({
    siteId: z.number().int().positive(),
    rrule: rruleSchema.optional(),
    schedule: taskScheduleSchema.optional(),
    startDate: localDateSchema.optional(),
    /** Occurrences from this instant on (default now). */
    from: z.iso.datetime().optional(),
    count: z.number().int().min(1).max(100).default(10),
  })
  .refine(oneRule, oneRuleIssue)
  .refine((value) => value.rrule !== undefined || value.schedule !== undefined, {
    message: 'give a schedule or an rrule',
    path: ['schedule'],
  });
export type TaskPreviewRequest = z.input<typeof taskPreviewRequestSchema>;

export const taskPreviewSchema = z.object({
  rrule: z.string(),
  timeZone: z.string(),
  items: z.array(
    z.object({
      /** The instant, ISO UTC. */
      at: z.iso.datetime(),
      /** The site's wall time, `YYYY-MM-DDTHH:MM`. */
      local: z.string(),
    }),
  ),
});
export type TaskPreview = z.infer<typeof taskPreviewSchema>;
