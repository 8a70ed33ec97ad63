import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { priorityMatrixSchema } from '../incidents/incident-priority.js';
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
  /** Impact × urgency → priority for this tenant's incidents; null = the default ITIL matrix. */
  priorityMatrix: priorityMatrixSchema.nullable(),
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

const contractRule = (
  value: { serviceHours?: ServiceHours; businessHours?: BusinessHours | null },
  ctx: z.RefinementCtx,
) => {
  if (value.serviceHours === 'business_hours' && value.businessHours == null) {
    ctx.addIssue({
      code: 'custom',
      path: ['businessHours'],
      message: 'required for a business-hours contract',
    });
  }
  if (value.serviceHours === '24x7' && value.businessHours != null) {
    ctx.addIssue({ code: 'custom', path: ['businessHours'], message: 'must be null for a 24x7 contract' });
  }
};

export const createContractSchema = z
  .strictObject({
    tenantId: z.number().int().positive(),
    reference: z.string().trim().min(1).max(64),
    serviceHours: serviceHoursSchema,
    businessHours: businessHoursSchema.nullable().default(null),
    slaPolicy: slaPolicySchema,
    priorityMatrix: priorityMatrixSchema.nullable().default(null),
    contacts: z.array(contractContactSchema).max(20).default([]),
    startsOn: z.iso.date(),
    endsOn: z.iso.date().nullable().default(null),
  })
  .superRefine(contractRule)
  .refine((value) => value.endsOn === null || value.endsOn >= value.startsOn, {
    message: 'must not be before startsOn',
    path: ['endsOn'],
  });
export type CreateContract = z.infer<typeof createContractSchema>;

/** Service hours and business hours change together (both or neither), so the rule can be checked here. */
export const updateContractSchema = z
  .strictObject({
    version: z.number().int(),
    reference: z.string().trim().min(1).max(64).optional(),
    serviceHours: serviceHoursSchema.optional(),
    businessHours: businessHoursSchema.nullable().optional(),
    slaPolicy: slaPolicySchema.optional(),
    priorityMatrix: priorityMatrixSchema.nullable().optional(),
    contacts: z.array(contractContactSchema).max(20).optional(),
    startsOn: z.iso.date().optional(),
    endsOn: z.iso.date().nullable().optional(),
  })
  .superRefine(contractRule)
  .refine((value) => (value.serviceHours === undefined) === (value.businessHours === undefined), {
    message: 'serviceHours and businessHours change together',
    path: ['businessHours'],
  });
export type UpdateContract = z.infer<typeof updateContractSchema>;
