import { z } from 'zod';

export const tenantSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
});
export type Tenant = z.infer<typeof tenantSchema>;
