import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { incidentStatusSchema } from './incident-status.js';
import {
  cancellationReasonSchema,
  pendingReasonSchema,
  resolutionCodeSchema,
  userRefSchema,
} from './incident.schema.js';
import { slaMetricSchema } from './sla-clock.schema.js';

export const timelineEntryKinds = [
  'transition',
  'field_change',
  'note',
  'sla_warning',
  'sla_breach',
  'escalation',
] as const;
export const timelineEntryKindSchema = z.enum(timelineEntryKinds);
export type TimelineEntryKind = z.infer<typeof timelineEntryKindSchema>;

/** A field value as the timeline shows it: names rather than ids for equipment, tenants and people. */
export const timelineValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
]);
export type TimelineValue = z.infer<typeof timelineValueSchema>;

export const fieldChangeSchema = z.object({
  field: z.string(),
  from: timelineValueSchema,
  to: timelineValueSchema,
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

const entryBase = {
  id: z.number().int(),
  incidentId: z.number().int(),
  at: z.iso.datetime(),
  /** Null for the system (SLA watcher). */
  author: userRefSchema.nullable(),
};

/** One line of an incident's history; creation is the transition from `null` to `new`. */
export const timelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    ...entryBase,
    kind: z.literal('transition'),
    details: z.object({
      from: incidentStatusSchema.nullable(),
      to: incidentStatusSchema,
      comment: z.string().optional(),
      pendingReason: pendingReasonSchema.optional(),
      resolutionCode: resolutionCodeSchema.optional(),
      solution: z.string().optional(),
      workaround: z.string().optional(),
      cancellationReason: cancellationReasonSchema.optional(),
      duplicateOfId: z.number().int().optional(),
    }),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('field_change'),
    details: z.object({ changes: z.array(fieldChangeSchema) }),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('note'),
    /** `clientVisible`: the affected tenants' client viewers see the note; absent or false, it stays internal. */
    details: z.object({ text: z.string(), clientVisible: z.boolean().optional() }),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('sla_warning'),
    details: z.object({ metric: slaMetricSchema, dueAt: z.iso.datetime() }),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('sla_breach'),
    details: z.object({ metric: slaMetricSchema, dueAt: z.iso.datetime() }),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('escalation'),
    details: z.object({ level: z.number().int().positive(), metric: slaMetricSchema.optional() }),
  }),
]);
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type TimelineEntryOf<K extends TimelineEntryKind> = Extract<TimelineEntry, { kind: K }>;

/** The timeline in time order, paged (`cursor` from the previous page). */
export const timelineQuerySchema = pageQuerySchema.omit({ search: true });
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

/** A note is internal unless `clientVisible`: then the affected tenants' client viewers see it too. */
export const createIncidentNoteSchema = z.strictObject({
  text: z.string().trim().min(1).max(10_000),
  clientVisible: z.boolean().default(false),
});
export type CreateIncidentNote = z.infer<typeof createIncidentNoteSchema>;
