import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { sortParamSchema } from './list-sort.js';

export const tenantSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
});
export type Tenant = z.infer<typeof tenantSchema>;

export const tenantSortKeys = ['code', '-code', 'name', '-name'] as const;

export const tenantListQuerySchema = pageQuerySchema.extend({ sort: sortParamSchema(tenantSortKeys) });
export type TenantListQuery = z.infer<typeof tenantListQuerySchema>;

export const createTenantSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(2)
    .max(32)
    .regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes only'),
  name: z.string().trim().min(1).max(200),
});
export type CreateTenant = z.infer<typeof createTenantSchema>;

export const updateTenantSchema = createTenantSchema.partial().extend({ version: z.number().int() });
export type UpdateTenant = z.infer<typeof updateTenantSchema>;
