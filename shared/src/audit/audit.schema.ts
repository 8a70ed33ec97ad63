import { z } from 'zod';

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z
    .object({
      id: z.number().int(),
      reason: z.enum(['previous_hash_mismatch', 'content_hash_mismatch']),
    })
    .nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
