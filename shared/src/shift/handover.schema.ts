import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { userRefSchema } from '../incidents/incident.schema.js';
import { incidentStatusSchema } from '../incidents/incident-status.js';
import { prioritySchema } from '../inventory/contract.schema.js';
import { runProgressSchema } from '../runs/run.schema.js';
import { occurrenceStateSchema } from '../tasks/occurrence.schema.js';
import { shiftLogEntrySchema } from './shift-log.schema.js';

/** `draft` is generated on request and never stored; a submitted handover waits for the next coordinator. */
export const handoverStates = ['draft', 'submitted', 'acknowledged'] as const;
export const handoverStateSchema = z.enum(handoverStates);
export type HandoverState = z.infer<typeof handoverStateSchema>;

/** Where an open incident stands against its SLA when the handover is drafted. */
export const handoverSlaStates = ['on_track', 'warning', 'breached', 'paused', 'none'] as const;
export const handoverSlaStateSchema = z.enum(handoverSlaStates);
export type HandoverSlaState = z.infer<typeof handoverSlaStateSchema>;

export const handoverIncidentSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  priority: prioritySchema,
  status: incidentStatusSchema,
  assignee: userRefSchema.nullable(),
  slaState: handoverSlaStateSchema,
  /** Due time of the nearest running clock. */
  nextDueAt: z.iso.datetime().nullable(),
});
export type HandoverIncident = z.infer<typeof handoverIncidentSchema>;

export const handoverRunSchema = z.object({
  id: z.number().int(),
  procedureId: z.string(),
  /** The run's context label (incident or occurrence), null when none. */
  contextLabel: z.string().nullable(),
  startedAt: z.iso.datetime(),
  assignee: userRefSchema.nullable(),
  progress: runProgressSchema.pick({ signed: true, required: true }),
});
export type HandoverRun = z.infer<typeof handoverRunSchema>;

export const handoverTaskSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  dueAt: z.iso.datetime(),
  state: occurrenceStateSchema,
});
export type HandoverTask = z.infer<typeof handoverTaskSchema>;

/** The shift as the outgoing coordinator leaves it; stored as submitted so it can be shown later. */
export const handoverSnapshotSchema = z.object({
  generatedAt: z.iso.datetime(),
  openIncidents: z.array(handoverIncidentSchema),
  runsInProgress: z.array(handoverRunSchema),
  overdueTasks: z.array(handoverTaskSchema),
  upcomingTasks: z.array(handoverTaskSchema),
  logEntries: z.array(shiftLogEntrySchema),
});
export type HandoverSnapshot = z.infer<typeof handoverSnapshotSchema>;

export const handoverSchema = z.object({
  /** null for a draft. */
  id: z.number().int().nullable(),
  siteId: z.number().int(),
  shiftStart: z.iso.datetime(),
  shiftEnd: z.iso.datetime(),
  outgoing: userRefSchema,
  incoming: userRefSchema.nullable(),
  state: handoverStateSchema,
  snapshot: handoverSnapshotSchema,
  notes: z.string(),
  submittedAt: z.iso.datetime().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
});
export type Handover = z.infer<typeof handoverSchema>;

export const handoverDraftQuerySchema = z.strictObject({
  siteId: z.coerce.number().int().positive(),
});
export type HandoverDraftQuery = z.infer<typeof handoverDraftQuerySchema>;

/** Submitting regenerates the snapshot from the live state at that instant. */
export const submitHandoverSchema = z.strictObject({
  siteId: z.number().int().positive(),
  notes: z.string().trim().max(8000).default(''),
});
export type SubmitHandover = z.input<typeof submitHandoverSchema>;

/** `GET /api/handovers`: newest first; `state=submitted` lists those still waiting for acknowledgement. */
export const handoverListQuerySchema = pageQuerySchema.extend({
  siteId: z.coerce.number().int().positive().optional(),
  state: z.enum(['submitted', 'acknowledged']).optional(),
});
export type HandoverListQuery = z.infer<typeof handoverListQuerySchema>;
