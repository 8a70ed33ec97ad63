import { z } from 'zod';
import { localeSchema } from '../common/locale.js';
import { roleSchema } from './roles.js';

export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'lowercase letters, digits, dot, dash and underscore only');

/** At least 10 characters: long passphrases beat composition rules. */
export const passwordSchema = z.string().min(10).max(256);

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  tenantId: z.number().int().nullable(),
  locale: localeSchema,
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof userSchema>;

const tenantRule = (value: { role?: string; tenantId?: number | null }, ctx: z.RefinementCtx) => {
  if (value.role === 'client_viewer' && value.tenantId == null) {
    ctx.addIssue({ code: 'custom', path: ['tenantId'], message: 'a client viewer must belong to a tenant' });
  }
  if (value.role !== undefined && value.role !== 'client_viewer' && value.tenantId != null) {
    ctx.addIssue({ code: 'custom', path: ['tenantId'], message: 'only client viewers belong to a tenant' });
  }
};

export const createUserSchema = z
  .strictObject({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(120),
    role: roleSchema,
    tenantId: z.number().int().positive().nullable().default(null),
    locale: localeSchema.default('fr'),
    password: passwordSchema,
  })
  .superRefine(tenantRule);
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    version: z.number().int(),
    displayName: z.string().trim().min(1).max(120).optional(),
    role: roleSchema.optional(),
    tenantId: z.number().int().positive().nullable().optional(),
    locale: localeSchema.optional(),
    active: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .superRefine(tenantRule);
export type UpdateUser = z.infer<typeof updateUserSchema>;
