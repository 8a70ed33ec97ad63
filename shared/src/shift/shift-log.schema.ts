import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { userRefSchema } from '../incidents/incident.schema.js';

/** What a main courante entry is about. */
export const shiftLogCategories = [
  'event',
  'incident',
  'access',
  'maintenance',
  'safety',
  'handover',
  'other',
] as const;
export const shiftLogCategorySchema = z.enum(shiftLogCategories);
export type ShiftLogCategory = z.infer<typeof shiftLogCategorySchema>;

/** What an entry can point to. */
export const shiftLogLinkKinds = ['incident', 'run', 'rack', 'device', 'occurrence'] as const;
export const shiftLogLinkKindSchema = z.enum(shiftLogLinkKinds);
export type ShiftLogLinkKind = z.infer<typeof shiftLogLinkKindSchema>;

export const shiftLogLinkSchema = z.object({
  kind: shiftLogLinkKindSchema,
  id: z.number().int().positive(),
  /** Set by the server from the linked record (e.g. `INC-000123 · CRAC-2`), frozen at writing. */
  label: z.string().max(300),
});
export type ShiftLogLink = z.infer<typeof shiftLogLinkSchema>;

/** One main courante entry: never edited; a correction is a new entry pointing to the one it corrects. */
export const shiftLogEntrySchema = z.object({
  id: z.number().int(),
  siteId: z.number().int(),
  at: z.iso.datetime(),
  author: userRefSchema,
  category: shiftLogCategorySchema,
  text: z.string(),
  links: z.array(shiftLogLinkSchema),
  /** The entry this one corrects, if any. */
  correctsId: z.number().int().nullable(),
  /** Later entries correcting this one (newest last). */
  correctedByIds: z.array(z.number().int()),
});
export type ShiftLogEntry = z.infer<typeof shiftLogEntrySchema>;

export const createShiftLogEntrySchema = z.strictObject({
  siteId: z.number().int().positive(),
  category: shiftLogCategorySchema,
  text: z.string().trim().min(1).max(4000),
  links: z
    .array(
      // No label: the server names each linked record itself.
      z.strictObject({
        kind: shiftLogLinkKindSchema,
        id: z.number().int().positive(),
      }),
    )
    .max(20)
    .default([]),
  correctsId: z.number().int().positive().optional(),
});
export type CreateShiftLogEntry = z.input<typeof createShiftLogEntrySchema>;

/** `GET /api/shift-log`: newest first, by keyset. */
export const shiftLogQuerySchema = pageQuerySchema.extend({
  siteId: z.coerce.number().int().positive(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  category: shiftLogCategorySchema.optional(),
});
export type ShiftLogQuery = z.infer<typeof shiftLogQuerySchema>;
