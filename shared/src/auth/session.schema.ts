import { z } from 'zod';
import { localeSchema } from '../common/locale.js';
import { permissions } from './roles.js';
import { userSchema } from './user.schema.js';

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type Login = z.infer<typeof loginSchema>;

/** What the signed-in user may know about themselves. */
export const meSchema = z.object({
  user: userSchema,
  permissions: z.array(z.enum(permissions)),
  session: z.object({
    idleExpiresAt: z.iso.datetime(),
    absoluteExpiresAt: z.iso.datetime(),
  }),
});
export type Me = z.infer<typeof meSchema>;

export const updateMeSchema = z.strictObject({
  locale: localeSchema,
});
export type UpdateMe = z.infer<typeof updateMeSchema>;
