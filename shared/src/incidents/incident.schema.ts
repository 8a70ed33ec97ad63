import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { idFilterSchema } from '../inventory/id-filter.js';
import { prioritySchema, priorities } from '../inventory/contract.schema.js';
import { procedureCategorySchema } from '../procedures/procedure.schema.js';
import { impactSchema, urgencySchema } from './incident-priority.js';
import { incidentStatusSchema, incidentStatuses } from './incident-status.js';
import { slaClockSchema } from './sla-clock.schema.js';

export const incidentOrigins = ['monitoring', 'client', 'round', 'staff'] as const;
export const incidentOriginSchema = z.enum(incidentOrigins);
export type IncidentOrigin = z.infer<typeof incidentOriginSchema>;

/** Why an incident waits (only `pending` pauses the SLA clocks). */
export const pendingReasons = ['client', 'vendor', 'parts', 'window', 'access'] as const;
export const pendingReasonSchema = z.enum(pendingReasons);
export type PendingReason = z.infer<typeof pendingReasonSchema>;

/** How an incident was resolved (required with the solution text). */
export const resolutionCodes = [
  'repaired',
  'replaced',
  'reconfigured',
  'vendor_fixed',
  'client_resolved',
  'self_recovered',
  'no_fault_found',
] as const;
export const resolutionCodeSchema = z.enum(resolutionCodes);
export type ResolutionCode = z.infer<typeof resolutionCodeSchema>;

export const cancellationReasons = ['duplicate', 'false_positive'] as const;
export const cancellationReasonSchema = z.enum(cancellationReasons);
export type CancellationReason = z.infer<typeof cancellationReasonSchema>;

/** A person as the incident shows them. */
export const userRefSchema = z.object({ id: z.number().int(), displayName: z.string() });
export type UserRef = z.infer<typeof userRefSchema>;

const namedRefSchema = z.object({ id: z.number().int(), name: z.string() });
export const incidentSiteRefSchema = namedRefSchema.extend({ code: z.string() });
export const incidentRoomRefSchema = namedRefSchema;
/** Racks and devices carry their tenant so each viewer sees only their own. */
export const incidentRackRefSchema = namedRefSchema.extend({ tenantId: z.number().int().nullable() });
export const incidentDeviceRefSchema = namedRefSchema.extend({
  tenantId: z.number().int().nullable(),
  rackId: z.number().int().nullable(),
});
export const incidentTenantRefSchema = namedRefSchema.extend({ code: z.string() });
export type IncidentSiteRef = z.infer<typeof incidentSiteRefSchema>;
export type IncidentRoomRef = z.infer<typeof incidentRoomRefSchema>;
export type IncidentRackRef = z.infer<typeof incidentRackRefSchema>;
export type IncidentDeviceRef = z.infer<typeof incidentDeviceRefSchema>;
export type IncidentTenantRef = z.infer<typeof incidentTenantRefSchema>;

/** `INC-000123`: six digits at least, more once past a million. */
export const incidentReferencePattern = /^INC-\d{6,}$/;

/** The contract whose SLA policy drives the clocks; null means the internal default policy. */
export const incidentSlaContractSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  tenantId: z.number().int(),
});

export const incidentSchema = z.object({
  id: z.number().int(),
  reference: z.string().regex(incidentReferencePattern),
  title: z.string(),
  description: z.string(),
  category: procedureCategorySchema.nullable(),
  origin: incidentOriginSchema,
  impact: impactSchema,
  urgency: urgencySchema,
  /** Declared major incident (fire, suspected data loss, emergency power off): priority P0. */
  major: z.boolean(),
  priority: prioritySchema,
  status: incidentStatusSchema,
  /** Set while pending; the last reason otherwise stays in the timeline. */
  pendingReason: pendingReasonSchema.nullable(),
  resolutionCode: resolutionCodeSchema.nullable(),
  solution: z.string().nullable(),
  cancellationReason: cancellationReasonSchema.nullable(),
  duplicateOfId: z.number().int().nullable(),
  /** The procedure run it was raised from, if any. */
  sourceRunId: z.number().int().nullable(),
  site: incidentSiteRefSchema.nullable(),
  room: incidentRoomRefSchema.nullable(),
  racks: z.array(incidentRackRefSchema),
  devices: z.array(incidentDeviceRefSchema),
  tenants: z.array(incidentTenantRefSchema),
  /** true while the tenants follow the affected racks and devices; false once set by hand. */
  tenantsDerived: z.boolean(),
  assignee: userRefSchema.nullable(),
  workaround: z.string().nullable(),
  rootCause: z.string().nullable(),
  /** 0 = not escalated; raised by one at each SLA breach. */
  escalationLevel: z.number().int().nonnegative(),
  slaClocks: z.array(slaClockSchema),
  slaContract: incidentSlaContractSchema.nullable(),
  /** Due time of the nearest running clock (the board's countdown), null when none runs. */
  nextDueAt: z.iso.datetime().nullable(),
  openedAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  mitigatedAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  createdBy: userRefSchema.nullable(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
  /** Who made the last change; null for the system (SLA watcher). */
  updatedBy: userRefSchema.nullable(),
});
export type Incident = z.infer<typeof incidentSchema>;

/** `?status=new,acknowledged` or `?status=new&status=acknowledged`. */
function setOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    (raw) =>
      raw === undefined
        ? undefined
        : (Array.isArray(raw) ? raw : [raw]).flatMap((item) => String(item).split(',')).filter(Boolean),
    z.array(z.enum(values, { error: `each one of ${values.join(', ')}` })).optional(),
  );
}

const queryFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'true or false' })
  .transform((value) => value === 'true' || value === '1')
  .optional();

export const incidentSortKeys = ['board', 'newest'] as const;

export const incidentListQuerySchema = pageQuerySchema.extend({
  status: setOf(incidentStatuses),
  /** true: only incidents still needing work (new … mitigated, reopened); false: only the others. */
  open: queryFlag,
  siteId: idFilterSchema,
  roomId: idFilterSchema,
  tenantId: idFilterSchema,
  priority: setOf(priorities),
  assigneeId: idFilterSchema,
  /** Only incidents assigned to the signed-in user. */
  mine: queryFlag,
  /**
   * `board` (default): priority, then the nearest running SLA due time, incidents without a
   * running clock last; `newest`: most recently opened first.
   */
  sort: z.enum(incidentSortKeys, { error: `one of ${incidentSortKeys.join(', ')}` }).optional(),
});
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

const title = z.string().trim().min(1).max(200);
const description = z.string().trim().max(10_000);
const longText = z.string().trim().min(1).max(10_000);
const ids = z.array(z.number().int().positive()).max(500);

/**
 * A new incident. Affected equipment can come later. Tenants follow the affected racks and
 * devices unless `tenantIds` is given. `assigneeId` and `major` need the triage permission.
 */
export const createIncidentSchema = z.strictObject({
  title,
  description,
  category: procedureCategorySchema.nullable().default(null),
  origin: incidentOriginSchema.default('staff'),
  impact: impactSchema,
  urgency: urgencySchema,
  major: z.boolean().default(false),
  siteId: z.number().int().positive().nullable().default(null),
  roomId: z.number().int().positive().nullable().default(null),
  rackIds: ids.default([]),
  deviceIds: ids.default([]),
  tenantIds: ids.optional(),
  assigneeId: z.number().int().positive().nullable().default(null),
  /** The procedure run this incident was raised from (e.g. an out-of-range reading): it counts against that change. */
  sourceRunId: z.number().int().positive().nullable().default(null),
});
export type CreateIncident = z.infer<typeof createIncidentSchema>;

/**
 * Triage and details, with the `version` read. `tenantIds: null` goes back to tenants derived from
 * the affected equipment; a list sets them by hand.
 */
export const updateIncidentSchema = z.strictObject({
  version: z.number().int(),
  title: title.optional(),
  description: description.optional(),
  category: procedureCategorySchema.nullable().optional(),
  origin: incidentOriginSchema.optional(),
  impact: impactSchema.optional(),
  urgency: urgencySchema.optional(),
  major: z.boolean().optional(),
  siteId: z.number().int().positive().nullable().optional(),
  roomId: z.number().int().positive().nullable().optional(),
  rackIds: ids.optional(),
  deviceIds: ids.optional(),
  tenantIds: ids.nullable().optional(),
  assigneeId: z.number().int().positive().nullable().optional(),
  workaround: longText.nullable().optional(),
  rootCause: longText.nullable().optional(),
});
export type UpdateIncident = z.infer<typeof updateIncidentSchema>;
