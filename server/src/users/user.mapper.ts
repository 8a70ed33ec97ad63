import type { User as UserDto } from '@vigie/shared';
import type { User } from '../auth/user.entity.js';

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    tenantId: user.tenant?.id ?? null,
    locale: user.locale,
    active: user.active,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
  };
}
