import { z } from 'zod';
import { userSchema } from '../auth/user.schema.js';
import { holidaySchema } from '../holidays/holiday.schema.js';
import { incidentSchema } from '../incidents/incident.schema.js';
import { timelineEntrySchema } from '../incidents/incident-timeline.schema.js';
import { contractSchema } from '../inventory/contract.schema.js';
import { deviceTypeSchema } from '../inventory/device-type.schema.js';
import { deviceSchema } from '../inventory/device.schema.js';
import { rackSchema } from '../inventory/rack.schema.js';
import { roomSchema } from '../inventory/room.schema.js';
import { siteSchema } from '../inventory/site.schema.js';
import { tenantSchema } from '../inventory/tenant.schema.js';
import { runSummarySchema } from '../runs/run.schema.js';
import { stepRecordSchema } from '../runs/step-record.schema.js';
import { occurrenceSchema, occurrencesCreatedSchema } from '../tasks/occurrence.schema.js';
import { recurringTaskSchema } from '../tasks/task.schema.js';
import { handoverSchema } from '../shift/handover.schema.js';
import { shiftLogEntrySchema } from '../shift/shift-log.schema.js';

/** The socket.io path of the live channel. */
export const livePath = '/live';

/** A removed object: its id, and for placed objects where it was (so views can drop it). */
const deletedSchema = z.object({ id: z.number().int(), roomId: z.number().int().optional() });
const deletedDeviceSchema = z.object({ id: z.number().int(), rackId: z.number().int().nullable() });
/** A device-type library import: the ids written, to refetch. */
const deviceTypeImportedSchema = z.object({
  created: z.array(z.number().int()),
  updated: z.array(z.number().int()),
});
/** A CSV bulk import committed: what to refetch. */
const inventoryImportedSchema = z.object({
  kind: z.enum(['racks', 'devices']),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  rackIds: z.array(z.number().int()),
});

/** A note added to an incident's timeline (transitions and field changes come with `incident.updated`). */
const incidentNoteAddedSchema = z.object({ incidentId: z.number().int(), entry: timelineEntrySchema });
/** An incident no longer concerns the receiving viewer's tenant (its tenants changed): drop it. */
const incidentRemovedSchema = z.object({ id: z.number().int() });

/** A step signed or verified: the record, and the run's summary as it now stands (progress, version). */
const stepEventSchema = z.object({ run: runSummarySchema, record: stepRecordSchema });

/**
 * The one map of live events: type name → payload schema. Types are `<entity>.<verb>`.
 * Both the server publisher and the client subscriptions are typed from this map.
 */
export const liveEventPayloads = {
  'user.created': userSchema,
  'user.updated': userSchema,
  'site.created': siteSchema,
  'site.updated': siteSchema,
  'site.deleted': deletedSchema,
  'room.created': roomSchema,
  'room.updated': roomSchema,
  'room.deleted': deletedSchema,
  'rack.created': rackSchema,
  'rack.updated': rackSchema,
  'rack.deleted': deletedSchema,
  'device-type.created': deviceTypeSchema,
  'device-type.updated': deviceTypeSchema,
  'device-type.imported': deviceTypeImportedSchema,
  'device-type.deleted': deletedSchema,
  'device.created': deviceSchema,
  'device.updated': deviceSchema,
  'device.deleted': deletedDeviceSchema,
  'tenant.created': tenantSchema,
  'tenant.updated': tenantSchema,
  'tenant.deleted': deletedSchema,
  'contract.created': contractSchema,
  'contract.updated': contractSchema,
  'inventory.imported': inventoryImportedSchema,
  'run.started': runSummarySchema,
  'run.updated': runSummarySchema,
  'step.recorded': stepEventSchema,
  'step.verified': stepEventSchema,
  'incident.created': incidentSchema,
  'incident.updated': incidentSchema,
  'incident.note-added': incidentNoteAddedSchema,
  'incident.removed': incidentRemovedSchema,
  'holiday.created': holidaySchema,
  'holiday.deleted': holidaySchema,
  'shift-log.entry-added': shiftLogEntrySchema,
  'handover.submitted': handoverSchema,
  'handover.acknowledged': handoverSchema,
  'task.created': recurringTaskSchema,
  'task.updated': recurringTaskSchema,
  'occurrence.created': occurrencesCreatedSchema,
  'occurrence.updated': occurrenceSchema,
  'occurrence.overdue': occurrenceSchema,
} as const;
export type LiveEventType = keyof typeof liveEventPayloads;
export type LiveEventPayload<T extends LiveEventType> = z.infer<(typeof liveEventPayloads)[T]>;

/** Every event travels in this envelope; `seq` increases server-wide and is stored with the change. */
export interface LiveEnvelope<T extends LiveEventType = LiveEventType> {
  seq: number;
  type: T;
  at: string;
  payload: LiveEventPayload<T>;
}

/** An envelope whose payload type follows its `type`, so a `switch` on `type` narrows the payload. */
export type AnyLiveEnvelope = { [T in LiveEventType]: LiveEnvelope<T> }[LiveEventType];

/** Sent by a (re)connecting client in the handshake `auth` to receive what it missed. */
export const liveHandshakeSchema = z.object({
  lastSeq: z.number().int().nonnegative().optional(),
});
export type LiveHandshake = z.infer<typeof liveHandshakeSchema>;

/** The server's answer after the handshake: where the stream stands, and whether to refetch. */
export interface LiveReady {
  seq: number;
  /** true when the missed events could not all be replayed: the client must refetch its views. */
  resync: boolean;
}

export interface ServerToClientEvents {
  event: (envelope: AnyLiveEnvelope) => void;
  ready: (ready: LiveReady) => void;
}
export type ClientToServerEvents = Record<string, never>;
