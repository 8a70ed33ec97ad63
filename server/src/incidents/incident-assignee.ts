import type { EntityManager } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { DomainError } from '../common/domain-error.js';
import { loadOne } from './incident-equipment.js';

/** The user an incident is assigned to: an active staff member (not a client viewer), or none. */
export async function assignableUser(em: EntityManager, userId: number | null): Promise<User | null> {
  if (userId === null) return null;
  const user = await loadOne(em, User, userId, 'assigneeId', 'user');
  if (!user || !user.active || user.role === 'client_viewer') {
    const message = 'Only an active staff member can be assigned an incident';
    throw new DomainError('rule_violation', message, { fields: [{ path: 'assigneeId', message }] });
  }
  return user;
}
