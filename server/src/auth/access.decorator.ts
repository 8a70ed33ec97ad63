import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@vigie/shared';

export const accessKey = 'vigie:access';

/** What a route requires. A route with no declaration is denied: see AccessGuard. */
export type AccessRule =
  { kind: 'public' } | { kind: 'signed-in' } | { kind: 'permission'; permission: Permission };

/** Anyone, signed in or not (health, sign-in). */
export const Public = () => SetMetadata(accessKey, { kind: 'public' } satisfies AccessRule);
/** Any signed-in user, whatever the role (their own profile, sign-out). */
export const SignedIn = () => SetMetadata(accessKey, { kind: 'signed-in' } satisfies AccessRule);
/** A signed-in user whose role grants `permission` in the role table. */
export const Allow = (permission: Permission) =>
  SetMetadata(accessKey, { kind: 'permission', permission } satisfies AccessRule);
