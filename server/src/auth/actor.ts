import type { Actor } from '../common/request-context.js';
import type { User } from './user.entity.js';

export function actorOf(user: User): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    tenantId: user.tenant?.id ?? null,
  };
}
