import { z } from 'zod';

/** The incident lifecycle of DESIGN.md §3. */
export const incidentStatuses = [
  'new',
  'acknowledged',
  'in_progress',
  'pending',
  'mitigated',
  'resolved',
  'closed',
  'reopened',
  'cancelled',
] as const;
export const incidentStatusSchema = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;
