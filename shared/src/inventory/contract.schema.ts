import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { idFilterSchema } from './id-filter.js';

/** Incident priorities: P0 is the major-incident override, P1…P4 come from the impact × urgency matrix. */
export const priorities = ['P0', 'P1', 'P2', 'P3', 'P4'] as const;
export const prioritySchema = z.enum(priorities);
export type Priority = z.infer<typeof prioritySchema>;

export const serviceHoursKinds = ['24x7', 'business_hours'] as const;
export const serviceHoursSchema = z.enum(serviceHoursKinds);
export type ServiceHours = z.infer<typeof serviceHoursSchema>;

/** `HH:MM`, 24-hour clock. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** When the SLA clocks of a business-hours contract run, in the time zone of the incident's site. */
export const businessHoursSchema = z
  .object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: timeOfDaySchema,
    end: timeOfDaySchema,
  })
  .refine((hours) => hours.start < hours.end, { message: 'end must be after start', path: ['end'] });
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** Contractual targets for one priority, in minutes of service time. */
export const slaTargetSchema = z.object({
  ackMinutes: z.number().int().positive(),
  restoreMinutes: z.number().int().positive(),
  resolveMinutes: z.number().int().positive(),
});
export type SlaTarget = z.infer<typeof slaTargetSchema>;

/** One target per priority, every priority present. */
export const slaPolicySchema = z.record(prioritySchema, slaTargetSchema);
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export const contractContactRoles = ['service_manager', 'technical', 'escalation', 'billing'] as const;
export const contractContactRoleSchema = z.enum(contractContactRoles);
export type ContractContactRole = z.infer<typeof contractContactRoleSchema>;

export const contractContactSchema = z.object({
  name: z.string().min(1).max(120),
  email: z.email(),
  phone: z.string().max(40).optional(),
  role: contractContactRoleSchema,
});
export type ContractContact = z.infer<typeof contractContactSchema>;

export const contractSchema = z.object({
  id: z.number().int(),
  tenantId: z.number().int(),
  reference: z.string(),
  serviceHours: serviceHoursSchema,
  /** Null for 24x7 contracts. */
  businessHours: businessHoursSchema.nullable(),
  slaPolicy: slaPolicySchema,
  contacts: z.array(contractContactSchema),
  /** Calendar dates, `YYYY-MM-DD`. */
  startsOn: z.iso.date(),
  endsOn: z.iso.date().nullable(),
  version: z.number().int(),
});
export type Contract = z.infer<typeof contractSchema>;

export const contractListQuerySchema = pageQuerySchema.extend({
  tenantId: idFilterSchema,
});
export type ContractListQuery = z.infer<typeof contractListQuerySchema>;
